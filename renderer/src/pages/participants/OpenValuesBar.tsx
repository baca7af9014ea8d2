import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCall } from '../../components/useCall.js';

const useStyles = makeStyles({
  values: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
});

/**
 * Old or imported values the catalogues could not map (issue 14 item 6), shown above the registry: each value with
 * how many people hold it; a click opens the first of them, whose form shows what to decide. Hidden when none.
 */
export function OpenValuesBar() {
  const styles = useStyles();
  const { t } = useTranslation('participants');
  const navigate = useNavigate();
  const open = useCall('participants.openValues', {});
  const values = open.data ?? [];
  if (values.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="open-values">
      <MessageBarBody>
        <MessageBarTitle>{t('model.openTitle', { count: values.reduce((n, v) => n + v.count, 0) })}</MessageBarTitle>
        <div className={styles.values}>
          {values.slice(0, 12).map((v) => (
            <Button key={`${v.field}:${v.value}`} size="small" onClick={() => navigate(`/teilnehmende/${v.participantIds[0]}`)}>
              {t(`model.openField.${v.field}`)}: „{v.value}“ ({v.count})
            </Button>
          ))}
          {values.length > 12 && <Text>{t('model.openMore', { count: values.length - 12 })}</Text>}
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
