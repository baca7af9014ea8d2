import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../shared/contract/index.js';
import { keptOnAnonymise, removedOnAnonymise } from '../../../../shared/domain/privacy.js';
import { invoke } from '../../api/client.js';
import { useNotify } from '../../components/useNotify.js';

const useStyles = makeStyles({
  columns: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalL, marginTop: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  note: { display: 'block', marginTop: tokens.spacingVerticalM },
});

/**
 * The confirmation before anonymising: names what goes, what stays and why, and that older backups still hold
 * the data. Used for one person (Recht auf Löschung) and for the retention clean-up.
 */
export function AnonymiseDialog({
  request,
  count,
  onClose,
}: {
  request: InputOf<'privacy.anonymise'>;
  count: number;
  onClose: (done: boolean) => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation('privacy');
  const notify = useNotify();
  const [busy, setBusy] = useState(false);

  async function run() {
    setBusy(true);
    try {
      const res = await invoke('privacy.anonymise', request);
      notify.success(t('retention.done', { count: res.participantIds.length }));
      onClose(true);
    } catch (err) {
      notify.failure(err);
      setBusy(false);
    }
  }

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{count === 1 ? t('anonymise.title') : t('anonymise.titleMany', { count })}</DialogTitle>
          <DialogContent>
            <Text>{t('anonymise.intro')}</Text>
            <div className={styles.columns}>
              <div>
                <Text weight="semibold">{t('anonymise.removed')}</Text>
                <ul className={styles.list}>
                  {removedOnAnonymise.map((k) => (
                    <li key={k}>{t(`anonymise.removedItems.${k}`)}</li>
                  ))}
                </ul>
              </div>
              <div>
                <Text weight="semibold">{t('anonymise.kept')}</Text>
                <ul className={styles.list}>
                  {keptOnAnonymise.map((k) => (
                    <li key={k}>{t(`anonymise.keptItems.${k}`)}</li>
                  ))}
                </ul>
              </div>
            </div>
            <Text className={styles.note}>{t('anonymise.why')}</Text>
            <Text className={styles.note} size={200}>
              {t('anonymise.backupsNote')}
            </Text>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={() => onClose(false)}>
              {t('common:actions.cancel')}
            </Button>
            <Button appearance="primary" disabled={busy} onClick={() => void run()}>
              {t('anonymise.confirm')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
