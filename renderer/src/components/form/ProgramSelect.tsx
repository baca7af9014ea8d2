import { type FieldPathByValue, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { useCall } from '../useCall.js';
import { FormSelect } from './fields.js';
import { useLateDefault } from './useLotseForm.js';

/**
 * The program of a new record (a fair, an activity): the current programs, the first of them chosen once the list
 * has loaded unless the form already names one.
 */
export function ProgramSelect<T extends FieldValues>({
  form,
  name,
  label,
}: {
  form: { control: UseFormReturn<T>['control']; form: UseFormReturn<T> };
  name: FieldPathByValue<T, string>;
  label: string;
}) {
  const programs = useCall('programs.list', { includeArchived: false });
  const first = programs.data?.[0];
  useLateDefault(form.form, name, first ? String(first.id) : undefined);
  return (
    <FormSelect form={form} name={name} label={label} required>
      {(programs.data ?? []).map((p) => (
        <option key={p.id} value={String(p.id)}>
          {p.name}
        </option>
      ))}
    </FormSelect>
  );
}
