import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../../shared/domain/dates.js';
import { followUpResultInput, outcomeKinds, type FollowUp, type OutcomeKind } from '../../../../shared/domain/outcomes.js';
import { invoke } from '../../api/client.js';
import { FormCheckbox, FormDate, FormSelect, FormTextarea } from '../../components/form/fields.js';
import { FormDialog } from '../../components/form/FormDialog.js';
import { useLotseForm } from '../../components/form/useLotseForm.js';
import { formatDate } from '../../components/format.js';
import { useNotify } from '../../components/useNotify.js';

/** Records the result of a follow-up: when asked, what the person does now, and whether the result at exit held. */
export function FollowUpDialog({ followUp, onClose }: { followUp: FollowUp; onClose: (changed: boolean) => void }) {
  const { t } = useTranslation('outcomes');
  const notify = useNotify();
  const f = useLotseForm({
    schema: followUpResultInput,
    defaultValues: {
      checkedOn: followUp.checkedOn ?? todayIso(),
      resultKind: (followUp.resultKind ?? 'sv_beschaeftigung') as string,
      lasted: followUp.lasted === true,
      notes: followUp.notes ?? '',
    },
    toInput: (v) => ({ id: followUp.id, ...v, resultKind: v.resultKind as OutcomeKind, notes: v.notes === '' ? null : v.notes }),
    submit: (input) => invoke('outcomes.recordFollowUp', input),
    onSaved: () => {
      notify.success(t('followUps.saved'));
      onClose(true);
    },
  });
  const name = `${followUp.lastName ?? ''}, ${followUp.firstName ?? ''}`;
  return (
    <FormDialog form={f} title={t('followUps.recordTitle', { name })} onClose={() => onClose(false)}>
      <span>{t('followUps.dueHint', { program: followUp.programName, due: formatDate(followUp.dueOn) })}</span>
      <FormDate form={f} name="checkedOn" label={t('followUps.checkedOn')} />
      <FormSelect form={f} name="resultKind" label={t('followUps.resultKind')}>
        {outcomeKinds.map((k) => (
          <option key={k} value={k}>
            {t(`kinds.${k}`)}
          </option>
        ))}
      </FormSelect>
      <FormCheckbox form={f} name="lasted" label={t('followUps.lasted')} />
      <FormTextarea form={f} name="notes" label={t('followUps.notes')} />
    </FormDialog>
  );
}
