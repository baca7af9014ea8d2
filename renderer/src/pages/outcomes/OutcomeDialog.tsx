import { Button, Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { OutcomeForm, type OutcomePrefill } from './OutcomeForm.js';

/** The outcome form in a dialog, prefilled from where it was opened (a fair contact with a contract). */
export function OutcomeDialog({
  participantId,
  name,
  prefill,
  onClose,
}: {
  participantId: number;
  name: string;
  prefill: OutcomePrefill;
  onClose: (saved: boolean) => void;
}) {
  const { t } = useTranslation('outcomes');
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onClose(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('dialogTitle', { name })}</DialogTitle>
          <DialogContent>
            <OutcomeForm
              participantId={participantId}
              prefill={prefill}
              layout="column"
              onSaved={() => onClose(true)}
              actions={<Button onClick={() => onClose(false)}>{t('common:actions.cancel')}</Button>}
            />
          </DialogContent>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
