import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reminderDecision } from '../../../../shared/domain/reminders.js';
import { invoke } from '../../api/client.js';
import { DateField } from '../../components/DateField.js';
import { formatDate } from '../../components/format.js';
import { useNotify } from '../../components/useNotify.js';
import { fieldErrors, serverFieldErrors } from '../../components/zodFields.js';
import { addDays, todayIso } from '../../../../shared/domain/dates.js';

const useStyles = makeStyles({ content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/** Snooze a reminder until a day, with the reason (required: a snooze without one is forgotten why). */
export function SnoozeDialog({ reminderKey, title, onClose }: { reminderKey: string; title: string; onClose: (changed: boolean) => void }) {
  const styles = useStyles();
  const { t } = useTranslation('today');
  const notify = useNotify();
  const [until, setUntil] = useState(addDays(todayIso(), 7));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function save() {
    const input = { key: reminderKey, state: 'snoozed' as const, until, reason };
    const parsed = reminderDecision.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setBusy(true);
    try {
      await invoke('reminders.decide', input);
      notify.success(t('snoozeSaved', { date: formatDate(until) }));
      onClose(true);
    } catch (err) {
      const fields = serverFieldErrors(err);
      if (fields) setErrors(fields);
      else notify.failure(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onClose(false)}>
      <DialogSurface>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <DialogBody>
            <DialogTitle>{t('snoozeTitle')}: {title}</DialogTitle>
            <DialogContent className={styles.content}>
              <Field label={t('snoozeUntil')} required validationMessage={errors.until}>
                <DateField value={until} onChange={(_, d) => setUntil(d.value)} />
              </Field>
              <Field label={t('snoozeReason')} required validationMessage={errors.reason}>
                <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => onClose(false)}>
                {t('cancel')}
              </Button>
              <Button appearance="primary" type="submit" disabled={busy}>
                {t('snooze')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
