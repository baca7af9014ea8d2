import { Badge, Button, makeStyles, MessageBar, MessageBarBody, Spinner, Tab, TabList, Text, Title2, tokens } from '@fluentui/react-components';
import { ArchiveRegular, ArrowLeftRegular, ArrowUndoRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { invoke } from '../../api/client.js';
import { formatDate } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { participantTabs } from './tabs/index.js';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalS },
  grow: { flexGrow: 1 },
  sub: { color: tokens.colorNeutralForeground2, marginBottom: tokens.spacingVerticalM, display: 'block' },
  panel: { paddingTop: tokens.spacingVerticalL },
});

/** One person: header with archive, and the tabs of participantTabs; the tab is part of the URL. */
export function ParticipantDetail() {
  const styles = useStyles();
  const { t } = useTranslation('participants');
  const navigate = useNavigate();
  const notify = useNotify();
  const params = useParams();
  const id = Number(params.id);
  const tabKey = (params['*'] ?? '').split('/')[0] || 'stammdaten';
  const person = useCall('participants.get', { id });
  const current = participantTabs.find((x) => x.key === tabKey) ?? participantTabs[0]!;

  if (person.error !== undefined) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{(person.error as Error).message}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!person.data) return <Spinner label={t('common:states.loading')} />;
  const p = person.data;

  async function toggleArchive() {
    try {
      await invoke('participants.archive', { id, archived: !p.archived });
      notify.success(t(p.archived ? 'unarchivedDone' : 'archivedDone'));
      person.reload();
    } catch (err) {
      notify.failure(err);
    }
  }

  return (
    <section aria-labelledby="participant-title">
      <div className={styles.header}>
        <Button appearance="subtle" icon={<ArrowLeftRegular />} aria-label={t('back')} onClick={() => navigate('/teilnehmende')} />
        <Title2 as="h1" id="participant-title" className={styles.grow}>
          {p.lastName}, {p.firstName} {p.archived && <Badge appearance="tint">{t('archived')}</Badge>}
        </Title2>
        <Button icon={p.archived ? <ArrowUndoRegular /> : <ArchiveRegular />} onClick={() => void toggleArchive()}>
          {t(p.archived ? 'unarchive' : 'archive')}
        </Button>
      </div>
      <Text className={styles.sub}>
        {[p.birthDate ? formatDate(p.birthDate) : null, p.communeName, p.residenceStatus, p.caseNumber].filter(Boolean).join(' · ')}
      </Text>
      <TabList
        selectedValue={current.key}
        aria-label={t('tabs.label')}
        onTabSelect={(_, d) => navigate(`/teilnehmende/${id}/${String(d.value)}`)}
      >
        {participantTabs.map((tab) => (
          <Tab key={tab.key} value={tab.key}>
            {t(`tabs.${tab.key}`)}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" aria-label={t(`tabs.${current.key}`)} className={styles.panel}>
        <current.Component participant={p} reload={person.reload} />
      </div>
    </section>
  );
}
