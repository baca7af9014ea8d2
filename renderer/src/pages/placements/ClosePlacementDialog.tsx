import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../../shared/domain/dates.js';
import { closePlacementInput, outcomeKinds, type OutcomeKindName, type Placement } from '../../../../shared/domain/placements.js';
import { invoke } from '../../api/client.js';
import { DateField } from '../../components/DateField.js';
import { FormDate, FormInput, FormSelect } from '../../components/form/fields.js';
import { FormDialog } from '../../components/form/FormDialog.js';
import { useLotseForm } from '../../components/form/useLotseForm.js';
import { useNotify } from '../../components/useNotify.js';

/** Closes a placement and asks what came after it; the outcome is recorded with the placement as its source. */
export function ClosePlacementDialog({ placement, onClose }: { placement: Placement; onClose: (closed: Placement | null) => void }) {
  const { t } = useTranslation('placements');
  const notify = useNotify();
  const f = useLotseForm({
    schema: closePlacementInput,
    // the outcome's date follows the last day until it is set apart
    defaultValues: { endDate: todayIso(), status: 'beendet', kind: 'unbekannt', outcomeDate: '', notes: '' },
    toInput: (v) => ({
      id: placement.id,
      endDate: v.endDate,
      status: v.status as 'beendet' | 'abgebrochen',
      outcome: v.kind === '' ? null : { kind: v.kind as OutcomeKindName, date: v.outcomeDate || v.endDate, notes: v.notes || null },
    }),
    fieldOf: (path) => (path === 'outcome.date' ? 'outcomeDate' : path === 'outcome.kind' ? 'kind' : path.startsWith('outcome.') ? 'notes' : path),
    submit: (input) => invoke('placements.close', input),
    onSaved: (closed) => {
      notify.success(t('close.closed'));
      onClose(closed);
    },
  });
  const [kind, endDate, outcomeDate] = f.form.watch(['kind', 'endDate', 'outcomeDate']);
  return (
    <FormDialog form={f} title={t('close.title', { name: placement.participantName })} submitLabel={t('close.action')} onClose={() => onClose(null)}>
      <FormDate form={f} name="endDate" label={t('close.endDate')} required autoFocus />
      <Controller
        control={f.control}
        name="status"
        render={({ field }) => (
          <Field label={t('close.status')}>
            <RadioGroup value={field.value} onChange={(_, d) => field.onChange(d.value)} layout="horizontal">
              <Radio value="beendet" label={t('close.beendet')} />
              <Radio value="abgebrochen" label={t('close.abgebrochen')} />
            </RadioGroup>
          </Field>
        )}
      />
      <FormSelect form={f} name="kind" label={t('close.outcome')}>
        {outcomeKinds.map((k) => (
          <option key={k} value={k}>
            {t(`outcomes.${k}`)}
          </option>
        ))}
        <option value="">{t('close.noOutcome')}</option>
      </FormSelect>
      {kind !== '' && (
        <>
          <Controller
            control={f.control}
            name="outcomeDate"
            render={({ field, fieldState }) => (
              <Field label={t('close.outcomeDate')} validationMessage={fieldState.error?.message}>
                <DateField value={outcomeDate || endDate} onChange={(_, d) => field.onChange(d.value)} />
              </Field>
            )}
          />
          <FormInput form={f} name="notes" label={t('close.notes')} />
        </>
      )}
    </FormDialog>
  );
}
