import { Button, makeStyles, Title2, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useNotify } from '../../components/useNotify.js';
import { ParticipantForm } from './ParticipantForm.js';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalL },
});

export function NewParticipantPage() {
  const styles = useStyles();
  const { t } = useTranslation('participants');
  const navigate = useNavigate();
  const notify = useNotify();
  return (
    <section aria-labelledby="new-participant-title">
      <div className={styles.header}>
        <Button appearance="subtle" icon={<ArrowLeftRegular />} aria-label={t('back')} onClick={() => navigate('/teilnehmende')} />
        <Title2 as="h1" id="new-participant-title">
          {t('createTitle')}
        </Title2>
      </div>
      <ParticipantForm
        participant={null}
        onSaved={(p) => {
          notify.success(t('created'));
          navigate(`/teilnehmende/${p.id}`);
        }}
        onCancel={() => navigate('/teilnehmende')}
      />
    </section>
  );
}
