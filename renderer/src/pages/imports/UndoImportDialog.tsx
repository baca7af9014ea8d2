import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Spinner, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client.js';
import { useCall } from '../../components/useCall.js';

/**
 * Asks before a whole import is undone (issue 19 item 6), naming what will be removed: the people the import
 * created, its enrollments (started ones with their records), and that matched people stay.
 */
export function UndoImportDialog({ batchId, onConfirm, onClose }: { batchId: number; onConfirm: () => void; onClose: () => void }) {
  const { t } = useTranslation('imports');
  const impact = useCall('imports.undoImpact', { batchId });
  const i = impact.data;
  return (
    <Dialog open modalType="alert" onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby="undo-impact">
        <DialogBody>
          <DialogTitle>{t('undoConfirm.title', { file: i?.fileName ?? '' })}</DialogTitle>
          <DialogContent id="undo-impact">
            {impact.loading && <Spinner size="tiny" />}
            {impact.error !== undefined && <Text role="alert">{errorText(impact.error)}</Text>}
            {i && (
              <>
                <Text as="p">{t('undoConfirm.removes')}</Text>
                <ul>
                  <li>{t('undoConfirm.people', { count: i.people })}</li>
                  {i.enrollments > 0 && (
                    <li>
                      {t('undoConfirm.enrollments', { count: i.enrollments })}
                      {i.startedEnrollments > 0 && ` ${t('undoConfirm.started', { count: i.startedEnrollments })}`}
                    </li>
                  )}
                </ul>
                {i.matchedStay > 0 && <Text as="p">{t('undoConfirm.matchedStay', { count: i.matchedStay })}</Text>}
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={!i} onClick={onConfirm}>
              {t('undoConfirm.confirm')}
            </Button>
            <Button onClick={onClose}>{t('undoConfirm.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
