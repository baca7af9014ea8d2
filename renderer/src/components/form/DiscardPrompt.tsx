import { Button, Dialog, DialogActions, DialogBody, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

/** "Ungespeicherte Änderungen verwerfen?" before a form with changes is left; keeping is the safe default. */
export function DiscardPrompt({ open, onDiscard, onKeep }: { open: boolean; onDiscard: () => void; onKeep: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, d) => !d.open && onKeep()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('form.discardTitle')}</DialogTitle>
          <DialogActions>
            <Button appearance="primary" onClick={onKeep}>
              {t('form.keepEditing')}
            </Button>
            <Button onClick={onDiscard}>{t('form.discard')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
