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
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowCounterclockwiseRegular, SaveRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../../shared/domain/backups.js';
import { invoke } from '../../api/client.js';
import { formatNumber, formatTimestamp } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';

const useStyles = makeStyles({
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalL },
});

/** Backups (a tab of Einstellungen): list, "Jetzt sichern", restore after a confirmation that says what will be replaced. */
export function BackupsTab() {
  const styles = useStyles();
  const { t } = useTranslation('backups');
  const notify = useNotify();
  const backups = useCall('backups.list', {});
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);

  async function createBackup() {
    setBusy(true);
    try {
      const b = await invoke('backups.create', {});
      notify.success(t('created', { name: b.name }));
      backups.reload();
    } catch (err) {
      notify.failure(err);
    } finally {
      setBusy(false);
    }
  }

  async function restore(b: BackupInfo) {
    setBusy(true);
    try {
      const res = await invoke('backups.restore', { name: b.name, confirm: true });
      notify.success(t('restored', { name: res.restoredFrom, safety: res.safetyBackup }));
      setRestoring(null);
      backups.reload();
    } catch (err) {
      notify.failure(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <div className={styles.bar}>
        <Button appearance="primary" icon={<SaveRegular />} onClick={() => void createBackup()} disabled={busy}>
          {t('now')}
        </Button>
        <Text>{t('intro')}</Text>
      </div>
      {backups.loading && !backups.data && <Spinner label={t('common:states.loading')} />}
      {backups.error !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{(backups.error as Error).message}</MessageBarBody>
        </MessageBar>
      )}
      {backups.data?.length === 0 && <Text>{t('empty')}</Text>}
      {backups.data && backups.data.length > 0 && (
        <Table aria-label={t('title')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('createdAt')}</TableHeaderCell>
              <TableHeaderCell>{t('reason')}</TableHeaderCell>
              <TableHeaderCell>{t('name')}</TableHeaderCell>
              <TableHeaderCell>{t('size')}</TableHeaderCell>
              <TableHeaderCell aria-label={t('restore')} />
            </TableRow>
          </TableHeader>
          <TableBody>
            {backups.data.map((b) => (
              <TableRow key={b.name} data-testid="backup-row">
                <TableCell>{formatTimestamp(b.createdAt)}</TableCell>
                <TableCell>{t(`reasons.${b.reason}`, { defaultValue: b.reason })}</TableCell>
                <TableCell>{b.name}</TableCell>
                <TableCell>{formatNumber(b.size / 1024 / 1024)} MB</TableCell>
                <TableCell>
                  <Button
                    appearance="subtle"
                    icon={<ArrowCounterclockwiseRegular />}
                    onClick={() => setRestoring(b)}
                    aria-label={`${t('restore')}: ${b.name}`}
                  >
                    {t('restore')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Dialog open={restoring !== null} onOpenChange={(_, d) => !d.open && setRestoring(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('restoreTitle')}</DialogTitle>
            <DialogContent>{restoring && t('restoreText', { name: restoring.name })}</DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setRestoring(null)}>
                {t('common:actions.cancel')}
              </Button>
              <Button appearance="primary" disabled={busy} onClick={() => restoring && void restore(restoring)}>
                {t('restoreConfirm')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
