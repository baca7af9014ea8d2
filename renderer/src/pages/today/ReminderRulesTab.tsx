import { Button, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { personDocumentSettings } from '../../../../shared/domain/person-documents.js';
import { reminderRule, type ReminderRule } from '../../../../shared/domain/reminders.js';
import { invoke } from '../../api/client.js';
import { FormCheckbox, FormInput } from '../../components/form/fields.js';
import { FormErrorBar } from '../../components/form/FormDialog.js';
import { useLotseForm } from '../../components/form/useLotseForm.js';
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
  const f = useLotseForm({
    schema: reminderRule,
    defaultValues: { days: String(rule.days), active: rule.active },
    toInput: (v) => ({ code: rule.code, days: v.days.trim() === '' ? NaN : Number(v.days), active: v.active }),
    submit: (input) => invoke('reminders.updateRule', input),
    onSaved: () => {
      notify.success(t('rules.saved'));
      announceRemindersChanged();
    },
  });
  return (
    <TableRow>
      <TableCell>
        <Text weight="semibold">{t(`kinds.${rule.code}`)}</Text>
      </TableCell>
      <TableCell>
        <FormInput form={f} name="days" className={styles.days} type="number" min={0} max={366} aria-label={`${t('rules.days')}: ${t(`kinds.${rule.code}`)}`} />
        <Text size={200}>{t(`rules.meaning.${rule.code}`)}</Text>
        <FormErrorBar message={f.formError} />
      </TableCell>
      <TableCell>
        <FormCheckbox form={f} name="active" label={t('rules.active')} />
      </TableCell>
      <TableCell>
        <Button size="small" disabled={f.busy} onClick={() => void f.save()}>
          {t('rules.save')}
        </Button>
      </TableCell>
    </TableRow>
  );
}

/** The largest document file a person's document may carry (a setting, MB on screen, bytes stored). */
function FileLimit() {
  const current = useCall('personDocuments.settings', {});
  return current.data ? <FileLimitForm maxFileBytes={current.data.maxFileBytes} /> : null;
}

const mbOf = (bytes: number) => String(Math.round((bytes / 1024 / 1024) * 10) / 10);

function FileLimitForm({ maxFileBytes }: { maxFileBytes: number }) {
  const styles = useStyles();
  const { t } = useTranslation('today');
  const notify = useNotify();
  const f = useLotseForm({
    schema: personDocumentSettings,
    // the field shows megabytes; the setting is stored in bytes
    defaultValues: { maxFileBytes: mbOf(maxFileBytes) },
    toInput: (v) => ({ maxFileBytes: Math.round(Number(v.maxFileBytes.replace(',', '.')) * 1024 * 1024) }),
    submit: (input) => invoke('personDocuments.updateSettings', input),
    onSaved: () => notify.success(t('rules.maxFileSaved')),
  });
  return (
    <form className={styles.row} noValidate onSubmit={f.onSubmit}>
      <FormInput form={f} name="maxFileBytes" label={t('rules.maxFile')} className={styles.days} />
      <Button type="submit" disabled={f.busy}>
        {t('rules.save')}
      </Button>
      <FormErrorBar message={f.formError} />
    </form>
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
