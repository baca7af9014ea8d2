import type { FieldPathByValue, FieldValues, Control } from 'react-hook-form';
import { FormSelect } from '../../components/form/fields.js';
import { useCall } from '../../components/useCall.js';

/** A company of the register for a form field (an outcome's employer, an application's addressee); "—" for none. */
export function CompanySelect<T extends FieldValues>({ form, name, label }: { form: { control: Control<T> }; name: FieldPathByValue<T, string>; label: string }) {
  const companies = useCall('organisations.list', { kind: 'company', query: '', includeArchived: false });
  return (
    <FormSelect form={form} name={name} label={label}>
      <option value="">—</option>
      {(companies.data ?? []).map((c) => (
        <option key={c.id} value={String(c.id)}>
          {c.name}
        </option>
      ))}
    </FormSelect>
  );
}
