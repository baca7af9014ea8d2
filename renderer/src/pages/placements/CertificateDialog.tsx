import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Placement } from '../../../../shared/domain/placements.js';
import { downloadFile, invoke } from '../../api/client.js';
import { useNotify } from '../../components/useNotify.js';
import { DateField } from '../../components/DateField.js';
import { todayIso } from '../../../../shared/domain/dates.js';

const useStyles = makeStyles({ col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/** Creates the Teilnehmerbescheinigung PDF of a placement and hands it to the user (download / save dialog). */
export function CertificateDialog({ placement, onClose }: { placement: Placement; onClose: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation('placements');
  const notify = useNotify();
  const [bilingual, setBilingual] = useState(false);
  const [place, setPlace] = useState(placement.communeName);
  const [issuedOn, setIssuedOn] = useState(todayIso());
  const [busy, setBusy] = useState(false);
  const closedJustNow = placement.status === 'beendet' || placement.status === 'abgebrochen';

  async function create() {
    setBusy(true);
    try {
      const out = await invoke('certificates.create', { placementId: placement.id, bilingual, place, issuedOn });
      await downloadFile(out.handle, out.name);
      notify.success(t('certificate.created'));
      onClose();
    } catch (err) {
      notify.failure(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <DialogBody>
            <DialogTitle>{t('certificate.title', { name: placement.participantName })}</DialogTitle>
            <DialogContent className={styles.col}>
              {closedJustNow && (
                <MessageBar intent="success">
                  <MessageBarBody>{t('close.done')}</MessageBarBody>
                </MessageBar>
              )}
              <Field label={t('certificate.place')}>
                <Input value={place} onChange={(_, d) => setPlace(d.value)} />
              </Field>
              <Field label={t('certificate.issuedOn')}>
                <DateField value={issuedOn} onChange={(_, d) => setIssuedOn(d.value)} />
              </Field>
              <Checkbox checked={bilingual} onChange={(_, d) => setBilingual(d.checked === true)} label={t('certificate.bilingual')} />
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                {t('common:actions.close')}
              </Button>
              <Button appearance="primary" type="submit" disabled={busy} autoFocus>
                {t('certificate.create')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
