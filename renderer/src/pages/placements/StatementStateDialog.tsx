import { useTranslation } from 'react-i18next';
import { establishStatementInput, payStatementInput, reopenStatementInput } from '../../../../shared/domain/agh.js';
import { todayIso } from '../../../../shared/domain/dates.js';
import { invoke } from '../../api/client.js';
import { FormDate, FormInput, FormTextarea } from '../../components/form/fields.js';
import { FormDialog } from '../../components/form/FormDialog.js';
import { useLotseForm } from '../../components/form/useLotseForm.js';
import { useNotify } from '../../components/useNotify.js';

export type StateStep = 'establish' | 'reopen' | 'pay';
type StatementKey = { programId: number; communeId: number; month: string };
type Values = { checkedBy: string; establishedOn: string; reason: string; paidOn: string };

/** Each step's schema and call; the form holds the fields of all three and sends those of its step. */
const steps = {
  establish: {
    schema: establishStatementInput,
    send: (key: StatementKey, v: Values) => invoke('placements.establishStatement', { ...key, checkedBy: v.checkedBy, establishedOn: v.establishedOn }),
  },
  reopen: { schema: reopenStatementInput, send: (key: StatementKey, v: Values) => invoke('placements.reopenStatement', { ...key, reason: v.reason }) },
  pay: { schema: payStatementInput, send: (key: StatementKey, v: Values) => invoke('placements.payStatement', { ...key, paidOn: v.paidOn }) },
};

/**
 * One step of a statement's life: feststellen (who checked it, when), wiedereröffnen (why) or ausgezahlt (when).
 * The server checks the order of the steps; its messages are shown at the fields.
 */
export function StatementStateDialog({ step, statementKey, onClose }: { step: StateStep; statementKey: StatementKey; onClose: (changed: boolean) => void }) {
  const { t } = useTranslation('placements');
  const notify = useNotify();
  const f = useLotseForm({
    // the form's values hold every step's fields; the step's schema checks its own
    schema: steps[step].schema,
    defaultValues: { checkedBy: '', establishedOn: todayIso(), reason: '', paidOn: todayIso() } as Values,
    toInput: (v) => ({ ...statementKey, ...v }),
    submit: (_, v) => steps[step].send(statementKey, v),
    onSaved: () => {
      notify.success(t(`statementState.${step}.done`));
      onClose(true);
    },
  });
  return (
    <FormDialog form={f} title={t(`statementState.${step}.title`)} submitLabel={t(`statementState.${step}.submit`)} onClose={() => onClose(false)}>
      {step === 'establish' && (
        <>
          <FormInput form={f} name="checkedBy" label={t('statementState.establish.checkedBy')} required autoFocus />
          <FormDate form={f} name="establishedOn" label={t('statementState.establish.date')} required />
        </>
      )}
      {step === 'reopen' && <FormTextarea form={f} name="reason" label={t('statementState.reopen.reason')} required autoFocus />}
      {step === 'pay' && <FormDate form={f} name="paidOn" label={t('statementState.pay.date')} required />}
    </FormDialog>
  );
}
