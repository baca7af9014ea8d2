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
import type { ReactElement } from 'react';
import { Controller, type Control, type FieldPathByValue, type FieldValues, type RefCallBack } from 'react-hook-form';
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

/** What a text-like control needs from its form field: value, change (Fluent's (event, data) shape), blur, ref. */
interface TextBinding {
  ref: RefCallBack;
  value: string;
  onChange: (ev: unknown, data: { value: string }) => void;
  onBlur: () => void;
}

/** One labelled field whose control `render` draws with the binding; the shared part of the adapters below. */
function BoundText<T extends FieldValues>({ form, name, render, ...field }: Bound<T, string> & { render: (b: TextBinding) => ReactElement }) {
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field: f, fieldState }) => (
        <Labelled {...field} error={fieldState.error?.message}>
          {render({ ref: f.ref, value: f.value, onChange: (_, d) => f.onChange(d.value), onBlur: f.onBlur })}
        </Labelled>
      )}
    />
  );
}

/** Splits an adapter's props into the field's and the control's. */
function split<T extends FieldValues, V, P>(props: Bound<T, V> & P): [Bound<T, V>, Omit<P, keyof Bound<T, V>>] {
  const { form, name, label, required, hint, fieldClassName, note, ...control } = props;
  return [{ form, name, label, required, hint, fieldClassName, note }, control as Omit<P, keyof Bound<T, V>>];
}

export function FormInput<T extends FieldValues>(props: Bound<T, string> & Omit<InputProps, Omitted>) {
  const [field, input] = split(props);
  return <BoundText {...field} render={(b) => <Input {...input} {...b} />} />;
}

export function FormTextarea<T extends FieldValues>(props: Bound<T, string> & Omit<TextareaProps, Omitted>) {
  const [field, area] = split(props);
  return <BoundText {...field} render={(b) => <Textarea {...area} {...b} />} />;
}

/** A native select (Fluent's Select): the options are its children, their values text. */
export function FormSelect<T extends FieldValues>(props: Bound<T, string> & Omit<SelectProps, Omitted>) {
  const [field, select] = split(props);
  return <BoundText {...field} render={(b) => <Select {...select} {...b} />} />;
}

/** A date as TT.MM.JJJJ; the form holds `YYYY-MM-DD` (or the text typed so far, which the schema refuses). */
export function FormDate<T extends FieldValues>(props: Bound<T, string> & Omit<DateFieldProps, Omitted>) {
  const [field, date] = split(props);
  return <BoundText {...field} render={(b) => <DateField {...date} {...b} />} />;
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
