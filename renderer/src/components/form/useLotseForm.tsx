import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useForm, type DefaultValues, type FieldPath, type FieldPathByValue, type FieldValues, type PathValue, type Resolver, type UseFormReturn } from 'react-hook-form';
import { useBlocker } from 'react-router';
import type { z } from 'zod';
import { errorText, isElectron } from '../../api/client.js';
import { useNotify } from '../useNotify.js';
import { DiscardPrompt } from './DiscardPrompt.js';
import { flatMessages, messageAt, nestErrors, serverFieldErrors, splitErrors, zodFieldErrors, type FlatErrors } from './formErrors.js';

export interface LotseFormOptions<TValues extends FieldValues, TInput, TResult> {
  /** the shared schema the handler validates with (shared/domain, shared/contract); the call's types check the input */
  schema: z.ZodType;
  /** what the fields show at first; every field needs a value (not undefined), '' for an empty text */
  defaultValues: TValues;
  /** the call's input from what the fields hold (numbers from text, null for empty); the values themselves if absent */
  toInput?: (values: TValues) => TInput;
  /** the form's own checks, by field path (e.g. an amount that is no number); their words win over the schema's */
  check?: (values: TValues) => FlatErrors;
  /** the form field a schema or server path belongs to; "data." of an update's input is dropped by default */
  fieldOf?: (path: string, values: TValues) => string;
  /** the call; its failure with field messages lands on the fields, any other in the form's message bar */
  submit: (input: TInput, values: TValues) => Promise<TResult>;
  onSaved?: (result: TResult, values: TValues) => void;
  /** the server's whole message stays in the bar beside its field messages, where it says more (which commune is full) */
  keepMessage?: boolean;
  /** a failure the form answers itself (a duplicate, a newer version); true when handled */
  onFailure?: (err: unknown) => boolean;
}

const dropData = (path: string) => path.replace(/^data\./, '');
const samePath = (path: string) => path;

/**
 * One form's state, check and save: the fields hold `TValues`, a save turns them into the call's input, checks it
 * with the shared schema (messages in the UI language on their fields) and calls `submit`; server field messages go
 * onto their fields, everything else into `formError`. Leaving with changes asks "verwerfen?" (see `requestLeave`,
 * and `useNavigationGuard` for a form on a page).
 */
export function useLotseForm<TValues extends FieldValues, TInput, TResult>(opts: LotseFormOptions<TValues, TInput, TResult>) {
  const latest = useRef(opts);
  latest.current = opts;
  const [formError, setFormError] = useState<string | null>(null);

  // the resolver reads the newest options, so a form's checks may use state that changed since the first render
  const resolver = useCallback<Resolver<TValues>>(async (values) => {
    const { schema, toInput, check, fieldOf = samePath } = latest.current;
    const input = toInput ? toInput(values) : (values as unknown as TInput);
    const parsed = schema.safeParse(input);
    const flat = { ...(parsed.success ? {} : zodFieldErrors(parsed.error)), ...check?.(values) };
    if (Object.keys(flat).length === 0) {
      setFormError(null);
      return { values, errors: {} };
    }
    const { fields, rest } = splitErrors(flat, values, (path) => fieldOf(dropData(path), values));
    setFormError(rest.length > 0 ? rest.join(' · ') : null);
    return { values: {}, errors: nestErrors<TValues>(fields) };
  }, []);

  const form = useForm<TValues>({ defaultValues: opts.defaultValues as DefaultValues<TValues>, resolver });
  const { isDirty, isSubmitting, errors } = form.formState;
  // after a save nothing is unsaved, even before the reset below has rendered
  const dirty = useRef(false);
  dirty.current = isDirty;
  // a save on its way counts as saved for leaving; should it fail after the form is gone, a toast says so
  const saving = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const notify = useNotify();

  const run = useCallback(
    async (values: TValues) => {
      const { toInput, submit, onSaved, onFailure, keepMessage, fieldOf = samePath } = latest.current;
      const input = toInput ? toInput(values) : (values as unknown as TInput);
      setFormError(null);
      saving.current = true;
      try {
        const result = await submit(input, values);
        form.reset(values);
        dirty.current = false;
        onSaved?.(result, values);
      } catch (err) {
        if (!mounted.current) return notify.failure(err);
        if (onFailure?.(err)) return;
        const flat = serverFieldErrors(err);
        if (!flat) return setFormError(errorText(err));
        const { fields, rest } = splitErrors(flat, values, (path) => fieldOf(dropData(path), values));
        for (const [name, message] of Object.entries(fields)) form.setError(name as FieldPath<TValues>, { type: 'server', message });
        const shown = keepMessage ? [errorText(err), ...rest] : rest;
        setFormError(shown.length > 0 ? shown.join(' · ') : null);
      } finally {
        saving.current = false;
      }
    },
    [form, notify],
  );

  const save = useCallback(() => form.handleSubmit(run)(), [form, run]);
  const onSubmit = useCallback(
    (e?: FormEvent) => {
      e?.preventDefault();
      // a form inside another (the new-commune box in the program dialog) must not submit the outer one too
      e?.stopPropagation();
      void save();
    },
    [save],
  );

  const hasChanges = useCallback(() => dirty.current && !saving.current, []);
  const { requestLeave, discardPrompt } = useLeaveQuestion(hasChanges);
  /** Leaves without asking: the user chose to drop the input (e.g. to open the person a duplicate matched). */
  const leaveWithoutAsking = useCallback(
    (leave: () => void) => {
      dirty.current = false;
      form.reset(form.getValues());
      leave();
    },
    [form],
  );

  useUnloadGuard(isDirty);

  return {
    form,
    control: form.control,
    /** the form element's onSubmit */
    onSubmit,
    /** saves as the submit button would (for a second button such as "Trotzdem speichern") */
    save,
    busy: isSubmitting,
    isDirty,
    formError,
    /** the message of one field, client or server, by dotted path */
    errorOf: (path: string) => messageAt(errors, path),
    /** every field's message by its dotted path */
    errors: flatMessages(errors),
    /** the messages under a part of the values (e.g. "characteristics"), by their paths below it */
    errorsUnder: (prefix: string) => flatMessages(errors, prefix),
    requestLeave,
    leaveWithoutAsking,
    hasChanges,
    /** render once in the form: the question before changes are dropped */
    discardPrompt,
  };
}

export type LotseForm<TValues extends FieldValues> = ReturnType<typeof useLotseForm<TValues, unknown, unknown>>;

/**
 * The question before changes are dropped: `requestLeave` leaves at once without changes, else after "Verwerfen";
 * `stay` runs on "Weiter bearbeiten".
 */
function useLeaveQuestion(hasChanges: () => boolean) {
  const [pending, setPending] = useState<{ leave: () => void; stay: () => void } | null>(null);
  // "Weiter bearbeiten" goes back to the field the user was in (the question was opened without a trigger to return to)
  const refocus = useRef<HTMLElement | null>(null);
  const requestLeave = useCallback(
    (leave: () => void, stay: () => void = () => undefined) => {
      if (!hasChanges()) return leave();
      refocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setPending({ leave, stay });
    },
    [hasChanges],
  );
  useEffect(() => {
    if (pending !== null || !refocus.current) return;
    refocus.current.focus();
    refocus.current = null;
  }, [pending]);
  const answer = (choice: 'leave' | 'stay') => {
    if (choice === 'leave') refocus.current = null;
    pending?.[choice]();
    setPending(null);
  };
  const discardPrompt: ReactNode = <DiscardPrompt open={pending !== null} onDiscard={() => answer('leave')} onKeep={() => answer('stay')} />;
  return { requestLeave, discardPrompt };
}

/** Web mode: closing the tab or window with changes asks the browser's own question. The desktop window does not
 * (Electron would silently refuse to close instead of asking). */
function useUnloadGuard(isDirty: boolean) {
  useEffect(() => {
    if (!isDirty || isElectron()) return;
    const ask = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [isDirty]);
}

/**
 * A form on a page (not in a dialog): following a link away with changes asks first. Separate from the form hook
 * because the router keeps one such guard at a time, and dialogs are left by closing, not by navigating.
 */
export function useNavigationGuard(f: Pick<ReturnType<typeof useLotseForm>, 'hasChanges' | 'requestLeave'>) {
  const { hasChanges, requestLeave } = f;
  const blocker = useBlocker(({ currentLocation, nextLocation }) => hasChanges() && currentLocation.pathname !== nextLocation.pathname);
  const current = useRef(blocker);
  current.current = blocker;
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    requestLeave(
      () => current.current.proceed?.(),
      () => current.current.reset?.(),
    );
  }, [blocker.state, requestLeave]);
}

/**
 * A default that arrives after the form opened (the first program, once the list has loaded): an empty field takes
 * it as its starting value, so the form does not count it as a change.
 */
export function useLateDefault<TValues extends FieldValues>(form: UseFormReturn<TValues>, name: FieldPathByValue<TValues, string>, value: string | undefined) {
  useEffect(() => {
    // the field holds text, so the text default fits it whatever its path
    if (value !== undefined && form.getValues(name) === '') form.resetField(name, { defaultValue: value as PathValue<TValues, typeof name> });
  }, [form, name, value]);
}
