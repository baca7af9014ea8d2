import {
  Checkbox,
  Field,
  Input,
  Select,
  Textarea,
  type CheckboxProps,
  type FieldProps,
  type InputProps,
  type SelectProps,
  type TextareaProps,
} from '@fluentui/react-components';
import { Controller, type Control, type FieldPathByValue, type FieldValues } from 'react-hook-form';
import { DateField, type DateFieldProps } from '../DateField.js';

/**
 * Fluent UI fields bound to a form of useLotseForm: the label, the required mark, the field's message (client or
 * server, in the UI language) and the control. Props beyond these go to the control itself.
 */
interface Bound<T extends FieldValues, V> {
  form: { control: Control<T> };
  name: FieldPathByValue<T, V>;
  /** none where the control carries its own aria-label (a value in a table of rules) */
  label?: FieldProps['label'];
  required?: boolean;
  hint?: FieldProps['hint'];
  fieldClassName?: string;
  /** shown when the field has no error message of its own (a warning such as an open value) */
  note?: { message: string; state: 'warning' | 'none' };
}

// `form` is the bound form here, not the HTML attribute of the same name
type Omitted = 'value' | 'defaultValue' | 'onChange' | 'name' | 'required' | 'form';

function Labelled({ label, required, hint, fieldClassName, error, note, children }: {
  label?: FieldProps['label'];
  required?: boolean;
  hint?: FieldProps['hint'];
  fieldClassName?: string;
  error?: string;
  note?: { message: string; state: 'warning' | 'none' };
  children: FieldProps['children'];
}) {
  return (
    <Field
      label={label}
      required={required}
      hint={hint}
      className={fieldClassName}
      validationMessage={error ?? note?.message}
      validationState={error ? 'error' : (note?.state ?? 'none')}
    >
      {children}
    </Field>
  );
}

export function FormInput<T extends FieldValues>({ form, name, label, required, hint, fieldClassName, note, ...input }: Bound<T, string> & Omit<InputProps, Omitted>) {
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <Labelled {...{ label, required, hint, fieldClassName, note }} error={fieldState.error?.message}>
          <Input {...input} ref={field.ref} value={field.value} onChange={(_, d) => field.onChange(d.value)} onBlur={field.onBlur} />
        </Labelled>
      )}
    />
  );
}

export function FormTextarea<T extends FieldValues>({ form, name, label, required, hint, fieldClassName, note, ...area }: Bound<T, string> & Omit<TextareaProps, Omitted>) {
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <Labelled {...{ label, required, hint, fieldClassName, note }} error={fieldState.error?.message}>
          <Textarea {...area} ref={field.ref} value={field.value} onChange={(_, d) => field.onChange(d.value)} onBlur={field.onBlur} />
        </Labelled>
      )}
    />
  );
}

/** A native select (Fluent's Select): the options are its children, their values text. */
export function FormSelect<T extends FieldValues>({ form, name, label, required, hint, fieldClassName, note, ...select }: Bound<T, string> & Omit<SelectProps, Omitted>) {
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <Labelled {...{ label, required, hint, fieldClassName, note }} error={fieldState.error?.message}>
          <Select {...select} ref={field.ref} value={field.value} onChange={(_, d) => field.onChange(d.value)} onBlur={field.onBlur} />
        </Labelled>
      )}
    />
  );
}

/** A date as TT.MM.JJJJ; the form holds `YYYY-MM-DD` (or the text typed so far, which the schema refuses). */
export function FormDate<T extends FieldValues>({ form, name, label, required, hint, fieldClassName, note, ...date }: Bound<T, string> & Omit<DateFieldProps, Omitted>) {
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <Labelled {...{ label, required, hint, fieldClassName, note }} error={fieldState.error?.message}>
          <DateField {...date} ref={field.ref} value={field.value} onChange={(_, d) => field.onChange(d.value)} onBlur={field.onBlur} />
        </Labelled>
      )}
    />
  );
}

/** A yes/no field; its label sits beside the box, a message (rare) below it. */
export function FormCheckbox<T extends FieldValues>({
  form,
  name,
  label,
  fieldClassName,
  ...box
}: Omit<Bound<T, boolean>, 'required' | 'hint' | 'note' | 'label'> & { label: CheckboxProps['label'] } & Omit<CheckboxProps, Omitted | 'checked' | 'label'>) {
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field, fieldState }) =>
        fieldState.error ? (
          <Field className={fieldClassName} validationMessage={fieldState.error.message}>
            <Checkbox {...box} ref={field.ref} label={label} checked={field.value} onChange={(_, d) => field.onChange(d.checked === true)} />
          </Field>
        ) : (
          <Checkbox {...box} className={fieldClassName} ref={field.ref} label={label} checked={field.value} onChange={(_, d) => field.onChange(d.checked === true)} />
        )
      }
    />
  );
}
