import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({ content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/** What a dialog needs of useLotseForm's result. */
export interface DialogForm {
  onSubmit: (e?: FormEvent) => void;
  busy: boolean;
  formError: string | null;
  requestLeave: (leave: () => void) => void;
  discardPrompt: ReactNode;
}

/**
 * The frame of a form in a modal dialog: title, the fields, the form's message bar, Abbrechen and the save button.
 * Escape, a click outside and Abbrechen all close through the form, so unsaved changes are asked about first.
 */
export function FormDialog({
  form,
  title,
  onClose,
  children,
  submitLabel,
  cancelLabel,
  surfaceClassName,
  contentClassName,
  actions,
  submitDisabled,
  ariaLabel,
  modalType = 'modal',
}: {
  form: DialogForm;
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  /** the save button's text; "Speichern" if absent */
  submitLabel?: ReactNode;
  /** the other button's text; "Abbrechen" if absent ("Schließen" where the dialog only offers something) */
  cancelLabel?: ReactNode;
  surfaceClassName?: string;
  /** replaces the default column layout of the fields */
  contentClassName?: string;
  /** more buttons, before Abbrechen */
  actions?: ReactNode;
  submitDisabled?: boolean;
  /** the form element's accessible name, where tests or assistive technology look for the form itself */
  ariaLabel?: string;
  /** 'alert' for a question the app asks on its own (no closing by a click outside) */
  modalType?: 'modal' | 'alert';
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const close = () => form.requestLeave(onClose);
  return (
    <Dialog open modalType={modalType} onOpenChange={(_, d) => !d.open && close()}>
      <DialogSurface className={surfaceClassName}>
        <form noValidate aria-label={ariaLabel} onSubmit={form.onSubmit}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={contentClassName ?? styles.content}>
              {children}
              <FormErrorBar message={form.formError} />
            </DialogContent>
            <DialogActions>
              {actions}
              <Button appearance="secondary" onClick={close}>
                {cancelLabel ?? t('actions.cancel')}
              </Button>
              <Button appearance="primary" type="submit" disabled={form.busy || submitDisabled}>
                {submitLabel ?? t('actions.save')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
        {form.discardPrompt}
      </DialogSurface>
    </Dialog>
  );
}

/** The form's message that belongs to no field (a refused save, a rule across fields). */
export function FormErrorBar({ message }: { message: string | null }) {
  if (message === null) return null;
  return (
    <MessageBar intent="error" layout="multiline" data-testid="form-error">
      <MessageBarBody>{message}</MessageBarBody>
    </MessageBar>
  );
}
