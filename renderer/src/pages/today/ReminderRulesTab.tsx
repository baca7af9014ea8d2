import { Button, Checkbox, Field, Input, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReminderRule } from '../../../../shared/domain/reminders.js';
import { invoke } from '../../api/client.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { announceRemindersChanged } from './settleLink.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '900px' },
  days: { width: '90px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
});

/** One rule: its days and whether it runs, saved on its own. */
function RuleRow({ rule }: { rule: ReminderRule }) {
  const styles = useStyles();
  const { t } = useTranslation('today');
  const notify = useNotify();
  const [days, setDays] = useState(String(rule.days));
  const [active, setActive] = useState(rule.active);
  const [error, setError] = useState<string | undefined>();
  async function save() {
    try {
      await invoke('reminders.updateRule', { code: rule.code, days: Number(days), active });
      setError(undefined);
      notify.success(t('rules.saved'));
      announceRemindersChanged();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }
  return (
    <TableRow>
      <TableCell>
        <Text weight="semibold">{t(`kinds.${rule.code}`)}</Text>
      </TableCell>
      <TableCell>
        <Field validationMessage={error}>
          <Input className={styles.days} type="number" min={0} max={366} value={days} aria-label={`${t('rules.days')}: ${t(`kinds.${rule.code}`)}`} onChange={(_, d) => setDays(d.value)} />
        </Field>
        <Text size={200}>{t(`rules.meaning.${rule.code}`)}</Text>
      </TableCell>
      <TableCell>
        <Checkbox label={t('rules.active')} checked={active} onChange={(_, d) => setActive(d.checked === true)} />
      </TableCell>
      <TableCell>
        <Button size="small" onClick={() => void save()}>
          {t('rules.save')}
        </Button>
      </TableCell>
    </TableRow>
  );
}

/** The largest document file a person's document may carry (a setting, MB on screen, bytes stored). */
function FileLimit() {
  const styles = useStyles();
  const { t } = useTranslation('today');
  const notify = useNotify();
  const current = useCall('personDocuments.settings', {});
  const [mb, setMb] = useState('');
  useEffect(() => {
    if (current.data) setMb(String(Math.round((current.data.maxFileBytes / 1024 / 1024) * 10) / 10));
  }, [current.data]);
  async function save() {
    try {
      await invoke('personDocuments.updateSettings', { maxFileBytes: Math.round(Number(mb.replace(',', '.')) * 1024 * 1024) });
      notify.success(t('rules.maxFileSaved'));
    } catch (err) {
      notify.failure(err);
    }
  }
  return (
    <div className={styles.row}>
      <Field label={t('rules.maxFile')}>
        <Input className={styles.days} value={mb} onChange={(_, d) => setMb(d.value)} />
      </Field>
      <Button onClick={() => void save()}>{t('rules.save')}</Button>
    </div>
  );
}

/** Einstellungen → Erinnerungen: the rules behind Heute with their lead times, and the document file limit. */
export function ReminderRulesTab() {
  const styles = useStyles();
  const { t } = useTranslation('today');
  const rules = useCall('reminders.rules', {});
  return (
    <div className={styles.root}>
      <Text>{t('rules.intro')}</Text>
      <Table aria-label={t('rules.title')} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell />
            <TableHeaderCell>{t('rules.days')}</TableHeaderCell>
            <TableHeaderCell />
            <TableHeaderCell />
          </TableRow>
        </TableHeader>
        <TableBody>
          {(rules.data ?? []).map((r) => (
            <RuleRow key={r.code} rule={r} />
          ))}
        </TableBody>
      </Table>
      <FileLimit />
    </div>
  );
}
