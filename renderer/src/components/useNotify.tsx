import { Button, Toast, ToastBody, ToastTitle, ToastTrigger, useToastController, type ToasterProps } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/client.js';

export const toasterId = 'lotse-toaster';
/**
 * Top right, below where a dialog's buttons sit (a dialog is centred, its buttons at its bottom); at most three at
 * a time, so a burst of saves cannot pile toasts over the page. A fourth waits until one goes.
 */
export const toasterPosition: ToasterProps['position'] = 'top-end';
export const toastLimit = 3;
/** A success only confirms what the user just did: gone soon. */
const successMs = 2500;

/** Toasts for success and for failed calls; a failed call shows the server's specific message and stays until closed. */
export function useNotify() {
  const { dispatchToast } = useToastController(toasterId);
  const { t } = useTranslation();
  const success = useCallback(
    (title: string) =>
      dispatchToast(
        <Toast>
          <ToastTitle>{title}</ToastTitle>
        </Toast>,
        { intent: 'success', timeout: successMs },
      ),
    [dispatchToast],
  );
  const failure = useCallback(
    (err: unknown) => {
      const message = errorText(err);
      // the same failure again (a retried click) while its toast still shows adds no second one
      dispatchToast(
        <Toast>
          <ToastTitle
            action={
              <ToastTrigger>
                <Button appearance="transparent" size="small" icon={<DismissRegular />} aria-label={t('actions.close')} />
              </ToastTrigger>
            }
          >
            {t('errors.callFailed')}
          </ToastTitle>
          <ToastBody>{message}</ToastBody>
        </Toast>,
        { intent: 'error', timeout: -1, toastId: `failure:${message}` },
      );
    },
    [dispatchToast, t],
  );
  return { success, failure };
}
