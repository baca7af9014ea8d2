import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  Select,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.js';
import { outcomeKinds, type FollowUp, type OutcomeKind } from '../../../../shared/domain/outcomes.js';
import { invoke } from '../../api/client.js';
import { serverFieldErrors } from '../../components/zodFields.js';
import { formatDate } from '../../components/format.js';
import { useNotify } from '../../components/useNotify.js';
import { todayIso } from '../../../../shared/domain/dates.js';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Records the result of a follow-up: when asked, what the person does now, and whether the result at exit held. */
export function FollowUpDialog({ followUp, onClose }: { followUp: FollowUp; onClose: (changed: boolean) => void }) {
  const styles = useStyles();
  const { t } = useTranslation('outcomes');
  const notify = useNotify();
  const [form, setForm] = useState({
    checkedOn: followUp.checkedOn ?? todayIso(),
    resultKind: (followUp.resultKind ?? 'sv_beschaeftigung') as string,
    lasted: followUp.lasted === true,
    notes: followUp.notes ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function save() {
    setBusy(true);
    try {
      await invoke('outcomes.recordFollowUp', {
        id: followUp.id,
        checkedOn: form.checkedOn,
        resultKind: form.resultKind as OutcomeKind,
        lasted: form.lasted,
        notes: form.notes === '' ? null : form.notes,
      });
      notify.success(t('followUps.saved'));
      onClose(true);
    } catch (err) {
      const fields = serverFieldErrors(err);
      if (fields) {
        setErrors(fields);
      } else notify.failure(err);
    } finally {
      setBusy(false);
    }
  }

  const name = `${followUp.lastName ?? ''}, ${followUp.firstName ?? ''}`;
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
            <DialogTitle>{t('followUps.recordTitle', { name })}</DialogTitle>
            <DialogContent className={styles.column}>
              <span>{t('followUps.dueHint', { program: followUp.programName, due: formatDate(followUp.dueOn) })}</span>
              <Field label={t('followUps.checkedOn')} validationMessage={errors.checkedOn}>
                <DateField value={form.checkedOn} onChange={(_, d) => setForm((f) => ({ ...f, checkedOn: d.value }))} />
              </Field>
              <Field label={t('followUps.resultKind')} validationMessage={errors.resultKind}>
                <Select value={form.resultKind} onChange={(_, d) => setForm((f) => ({ ...f, resultKind: d.value }))}>
                  {outcomeKinds.map((k) => (
                    <option key={k} value={k}>
                      {t(`kinds.${k}`)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Checkbox
                label={t('followUps.lasted')}
                checked={form.lasted}
                onChange={(_, d) => setForm((f) => ({ ...f, lasted: d.checked === true }))}
              />
              <Field label={t('followUps.notes')} validationMessage={errors.notes}>
                <Textarea value={form.notes} onChange={(_, d) => setForm((f) => ({ ...f, notes: d.value }))} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button onClick={() => onClose(false)}>{t('common:actions.cancel')}</Button>
              <Button type="submit" appearance="primary" disabled={busy}>
                {t('common:actions.save')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
