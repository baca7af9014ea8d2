import { useTranslation } from 'react-i18next';
import { reminderDecision } from '../../../../shared/domain/reminders.js';
import { addDays, todayIso } from '../../../../shared/domain/dates.js';
import { invoke } from '../../api/client.js';
import { FormDate, FormTextarea } from '../../components/form/fields.js';
import { FormDialog } from '../../components/form/FormDialog.js';
import { useLotseForm } from '../../components/form/useLotseForm.js';
import { formatDate } from '../../components/format.js';
import { useNotify } from '../../components/useNotify.js';

/** Snooze a reminder until a day, with the reason (required: a snooze without one is forgotten why). */
export function SnoozeDialog({ reminderKey, title, onClose }: { reminderKey: string; title: string; onClose: (changed: boolean) => void }) {
  const { t } = useTranslation('today');
  const notify = useNotify();
  const f = useLotseForm({
    schema: reminderDecision,
    defaultValues: { until: addDays(todayIso(), 7), reason: '' },
    toInput: (v) => ({ key: reminderKey, state: 'snoozed' as const, ...v }),
    submit: (input) => invoke('reminders.decide', input),
    onSaved: (_, values) => {
      notify.success(t('snoozeSaved', { date: formatDate(values.until) }));
      onClose(true);
    },
  });
  return (
    <FormDialog form={f} title={`${t('snoozeTitle')}: ${title}`} submitLabel={t('snooze')} onClose={() => onClose(false)}>
      <FormDate form={f} name="until" label={t('snoozeUntil')} required />
      <FormTextarea form={f} name="reason" label={t('snoozeReason')} required />
    </FormDialog>
  );
}
