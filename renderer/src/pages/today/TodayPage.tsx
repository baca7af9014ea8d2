import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Tab, TabList, Text, Title2, Title3, tokens } from '@fluentui/react-components';
import { AddRegular, DocumentPdfRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUp } from '../../../../shared/domain/outcomes.js';
import { reminderKind, type Reminder } from '../../../../shared/domain/reminders.js';
import { downloadFile, invoke } from '../../api/client.js';
import { formatDate } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { FollowUpDialog } from '../outcomes/FollowUpDialog.js';
import { ReminderRow } from './ReminderRow.js';
import { announceRemindersChanged } from './settleLink.js';
import { SnoozeDialog } from './SnoozeDialog.js';
import { TaskDialog } from './TaskDialog.js';
import { addDays, mondayOf, todayIso } from '../../../../shared/domain/dates.js';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  grow: { flexGrow: 1 },
  sub: { color: tokens.colorNeutralForeground2, display: 'block', marginBottom: tokens.spacingVerticalM },
  group: { marginTop: tokens.spacingVerticalL },
  list: { listStyle: 'none', padding: 0, margin: 0 },
});

type Grouping = 'person' | 'kind';
interface Group {
  key: string;
  title: string;
  items: Reminder[];
}

/** Groups in a stable order: people alphabetically (tasks without a person last), kinds in the rules' order. */
function groupsOf(list: Reminder[], by: Grouping, noPerson: string, kindLabel: (k: string) => string): Group[] {
  const map = new Map<string, Group>();
  for (const r of list) {
    const key = by === 'kind' ? r.kind : r.participantId === null ? '' : String(r.participantId);
    const title = by === 'kind' ? kindLabel(r.kind) : r.participantId === null ? noPerson : r.participantName || `Nr. ${r.participantId}`;
    const g = map.get(key) ?? { key, title, items: [] };
    g.items.push(r);
    map.set(key, g);
  }
  const order = reminderKind.options as readonly string[];
  return [...map.values()].sort((a, b) =>
    by === 'kind' ? order.indexOf(a.key) - order.indexOf(b.key) : (a.key === '' ? 1 : 0) - (b.key === '' ? 1 : 0) || a.title.localeCompare(b.title, 'de'),
  );
}

/** Heute, the start page: what is overdue and due this week, each with the action that settles it. */
export function TodayPage() {
  const styles = useStyles();
  const { t } = useTranslation('today');
  const notify = useNotify();
  const list = useCall('reminders.list', {});
  const [by, setBy] = useState<Grouping>('person');
  const [snoozing, setSnoozing] = useState<Reminder | null>(null);
  const [followUp, setFollowUp] = useState<FollowUp | null>(null);
  const [newTask, setNewTask] = useState(false);
  const until = addDays(mondayOf(todayIso()), 6);
  const groups = useMemo(() => groupsOf(list.data ?? [], by, t('noPerson'), (k) => t(`kinds.${k}`)), [list.data, by, t]);

  const changed = () => {
    list.reload();
    announceRemindersChanged();
  };
  async function done(r: Reminder) {
    try {
      await invoke('reminders.decide', { key: r.key, state: 'done' });
      notify.success(t('doneSaved'));
      changed();
    } catch (err) {
      notify.failure(err);
    }
  }
  async function openFollowUp(id: number) {
    try {
      const all = await invoke('outcomes.followUps', { openOnly: true });
      const found = all.find((f) => f.id === id);
      if (found) setFollowUp(found);
    } catch (err) {
      notify.failure(err);
    }
  }
  async function weekPdf() {
    try {
      const file = await invoke('reminders.weekPdf', {});
      await downloadFile(file.handle, file.name);
    } catch (err) {
      notify.failure(err);
    }
  }

  const overdue = (list.data ?? []).filter((r) => r.overdue).length;
  return (
    <section aria-labelledby="today-title">
      <div className={styles.header}>
        <Title2 as="h1" id="today-title" className={styles.grow}>
          {t('title')}
        </Title2>
        <TabList size="small" selectedValue={by} onTabSelect={(_, d) => setBy(d.value as Grouping)} aria-label={t('groupBy')}>
          <Tab value="person">{t('byPerson')}</Tab>
          <Tab value="kind">{t('byKind')}</Tab>
        </TabList>
        <Button icon={<AddRegular />} onClick={() => setNewTask(true)}>
          {t('newTask')}
        </Button>
        <Button icon={<DocumentPdfRegular />} onClick={() => void weekPdf()}>
          {t('weekPdf')}
        </Button>
      </div>
      <Text className={styles.sub}>
        {t('subtitle', { until: formatDate(until) })}
        {overdue > 0 && ` · ${t('overdueCount', { count: overdue })}`}
      </Text>
      {list.error !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{(list.error as Error).message}</MessageBarBody>
        </MessageBar>
      )}
      {!list.data && list.loading && <Spinner label={t('common:states.loading')} />}
      {list.data?.length === 0 && <Text>{t('empty')}</Text>}
      <div aria-busy={list.loading} data-testid="today-list">
        {groups.map((g) => (
          <section key={g.key} className={styles.group} aria-label={g.title}>
            <Title3 as="h2">{g.title}</Title3>
            <ul className={styles.list}>
              {g.items.map((r) => (
                <ReminderRow
                  key={r.key}
                  reminder={r}
                  showPerson={by === 'kind'}
                  onDone={() => void done(r)}
                  onSnooze={() => setSnoozing(r)}
                  onFollowUp={(id) => void openFollowUp(id)}
                />
              ))}
            </ul>
          </section>
        ))}
      </div>
      {snoozing && (
        <SnoozeDialog
          reminderKey={snoozing.key}
          title={snoozing.title}
          onClose={(c) => {
            setSnoozing(null);
            if (c) changed();
          }}
        />
      )}
      {followUp && (
        <FollowUpDialog
          followUp={followUp}
          onClose={(c) => {
            setFollowUp(null);
            if (c) changed();
          }}
        />
      )}
      {newTask && (
        <TaskDialog
          onClose={(c) => {
            setNewTask(false);
            if (c) changed();
          }}
        />
      )}
    </section>
  );
}
