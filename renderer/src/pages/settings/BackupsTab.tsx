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
import type { BackupInfo } from '../../../../shared/domain/settings.js';
import { invoke } from '../../api/client.js';
import { formatNumber } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { formatTimestamp } from './formatTimestamp.js';

const useStyles = makeStyles({
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalL },
});

/** Backups: list, "Jetzt sichern", restore after a confirmation that says what will be replaced. */
export function BackupsTab() {
  const styles = useStyles();
  const { t } = useTranslation('settings');
  const notify = useNotify();
  const backups = useCall('settings.backups', {});
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);

  async function backupNow() {
    setBusy(true);
    try {
      const b = await invoke('settings.backupNow', {});
      notify.success(t('backups.created', { name: b.name }));
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
      const res = await invoke('settings.restore', { name: b.name, confirm: true });
      notify.success(t('backups.restored', { name: res.restoredFrom, safety: res.safetyBackup }));
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
        <Button appearance="primary" icon={<SaveRegular />} onClick={() => void backupNow()} disabled={busy}>
          {t('backups.now')}
        </Button>
        <Text>{t('backups.intro')}</Text>
      </div>
      {backups.loading && !backups.data && <Spinner label={t('common:states.loading')} />}
      {backups.error !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{(backups.error as Error).message}</MessageBarBody>
        </MessageBar>
      )}
      {backups.data?.length === 0 && <Text>{t('backups.empty')}</Text>}
      {backups.data && backups.data.length > 0 && (
        <Table aria-label={t('tabs.backups')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('backups.createdAt')}</TableHeaderCell>
              <TableHeaderCell>{t('backups.reason')}</TableHeaderCell>
              <TableHeaderCell>{t('backups.name')}</TableHeaderCell>
              <TableHeaderCell>{t('backups.size')}</TableHeaderCell>
              <TableHeaderCell aria-label={t('backups.restore')} />
            </TableRow>
          </TableHeader>
          <TableBody>
            {backups.data.map((b) => (
              <TableRow key={b.name} data-testid="backup-row">
                <TableCell>{formatTimestamp(b.createdAt)}</TableCell>
                <TableCell>{t(`backups.reasons.${b.reason}`, { defaultValue: b.reason })}</TableCell>
                <TableCell>{b.name}</TableCell>
                <TableCell>{formatNumber(b.size / 1024 / 1024)} MB</TableCell>
                <TableCell>
                  <Button
                    appearance="subtle"
                    icon={<ArrowCounterclockwiseRegular />}
                    onClick={() => setRestoring(b)}
                    aria-label={`${t('backups.restore')}: ${b.name}`}
                  >
                    {t('backups.restore')}
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
            <DialogTitle>{t('backups.restoreTitle')}</DialogTitle>
            <DialogContent>{restoring && t('backups.restoreText', { name: restoring.name })}</DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setRestoring(null)}>
                {t('common:actions.cancel')}
              </Button>
              <Button appearance="primary" disabled={busy} onClick={() => restoring && void restore(restoring)}>
                {t('backups.restoreConfirm')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
