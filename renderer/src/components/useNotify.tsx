import { Toast, ToastBody, ToastTitle, useToastController } from '@fluentui/react-components';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/client.js';

export const toasterId = 'lotse-toaster';

/** Toasts for success and for failed calls; a failed call shows the server's specific German message. */
export function useNotify() {
  const { dispatchToast } = useToastController(toasterId);
  const { t } = useTranslation();
  const success = useCallback(
    (title: string) =>
      dispatchToast(
        <Toast>
          <ToastTitle>{title}</ToastTitle>
        </Toast>,
        { intent: 'success', timeout: 3000 },
      ),
    [dispatchToast],
  );
  const failure = useCallback(
    (err: unknown) => {
      const message = errorText(err);
      dispatchToast(
        <Toast>
          <ToastTitle>{t('errors.callFailed')}</ToastTitle>
          <ToastBody>{message}</ToastBody>
        </Toast>,
        { intent: 'error', timeout: 8000 },
      );
    },
    [dispatchToast, t],
  );
  return { success, failure };
}
