import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client.js';
import { DateField } from '../../components/DateField.js';
import { useNotify } from '../../components/useNotify.js';
import { serverFieldErrors } from '../../components/zodFields.js';
import { todayIso } from '../../../../shared/domain/dates.js';

const useStyles = makeStyles({ col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

export type StateStep = 'establish' | 'reopen' | 'pay';

/**
 * One step of a statement's life: feststellen (who checked it, when), wiedereröffnen (why) or ausgezahlt (when).
 * The server checks the order of the steps; its messages are shown at the fields.
 */
export function StatementStateDialog({
  step,
  statementKey,
  onClose,
}: {
  step: StateStep;
  statementKey: { programId: number; communeId: number; month: string };
  onClose: (changed: boolean) => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation('placements');
  const notify = useNotify();
  const [text, setText] = useState('');
  const [date, setDate] = useState(todayIso());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    try {
      if (step === 'establish') await invoke('placements.establishStatement', { ...statementKey, checkedBy: text, establishedOn: date });
      else if (step === 'reopen') await invoke('placements.reopenStatement', { ...statementKey, reason: text });
      else await invoke('placements.payStatement', { ...statementKey, paidOn: date });
      notify.success(t(`statementState.${step}.done`));
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
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <DialogBody>
            <DialogTitle>{t(`statementState.${step}.title`)}</DialogTitle>
            <DialogContent className={styles.col}>
              {step === 'establish' && (
                <Field label={t('statementState.establish.checkedBy')} required validationMessage={errors['checkedBy']}>
                  <Input value={text} onChange={(_, d) => setText(d.value)} autoFocus />
                </Field>
              )}
              {step === 'reopen' && (
                <Field label={t('statementState.reopen.reason')} required validationMessage={errors['reason']}>
                  <Textarea value={text} onChange={(_, d) => setText(d.value)} autoFocus />
                </Field>
              )}
              {step !== 'reopen' && (
                <Field label={t(`statementState.${step}.date`)} required validationMessage={errors[step === 'pay' ? 'paidOn' : 'establishedOn']}>
                  <DateField value={date} onChange={(_, d) => setDate(d.value)} />
                </Field>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => onClose(false)}>
                {t('common:actions.cancel')}
              </Button>
              <Button appearance="primary" type="submit" disabled={busy}>
                {t(`statementState.${step}.submit`)}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
