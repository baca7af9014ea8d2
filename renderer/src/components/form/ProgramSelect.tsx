import { type FieldPathByValue, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { programInView } from '../programInView.js';
import { useCall } from '../useCall.js';
import { FormSelect } from './fields.js';
import { useLateDefault } from './useLotseForm.js';

/**
 * The program of a new record (a fair, an activity): the current programs; once the list has loaded, unless the
 * form already names one, the program in view (the page's, else the one chosen last, else the first).
 */
export function ProgramSelect<T extends FieldValues>({
  form,
  name,
  label,
  shownProgramId,
}: {
  form: { control: UseFormReturn<T>['control']; form: UseFormReturn<T> };
  name: FieldPathByValue<T, string>;
  label: string;
  /** the program the page shows, if any */
  shownProgramId?: number | null;
}) {
  const programs = useCall('programs.list', { includeArchived: false });
  const inView = programs.data ? programInView(programs.data, shownProgramId) : undefined;
  useLateDefault(form.form, name, inView ? String(inView.id) : undefined);
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
