import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Placement } from '../../../../shared/domain/placements.js';
import { ApiError, errorText, invoke } from '../../api/client.js';
import { useNotify } from '../../components/useNotify.js';

/**
 * Moves a waiting placement onto a slot. When the commune is full (known from the board, or learnt from the
 * server's refusal) it asks for the reason the quota may be exceeded, as placing does.
 */
export function ActivatePlacementDialog({ placement, full, onClose }: { placement: Placement; full: boolean; onClose: (changed: boolean) => void }) {
  const { t } = useTranslation('placements');
  const notify = useNotify();
  const [needsReason, setNeedsReason] = useState(full);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function activate() {
    setBusy(true);
    setError(null);
    setFieldError(undefined);
    try {
      await invoke('placements.activate', { id: placement.id, quotaOverrideReason: reason.trim() || null });
      notify.success(t('activate.done'));
      onClose(true);
    } catch (err) {
      if (err instanceof ApiError) {
        if (err.error.code === 'quota_exceeded') setNeedsReason(true);
        setFieldError(err.error.details?.fields?.find((f) => f.path === 'quotaOverrideReason')?.message);
        setError(err.message);
      } else setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onClose(false)}>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void activate();
          }}
        >
          <DialogBody>
            <DialogTitle>{t('activate.title', { name: placement.participantName })}</DialogTitle>
            <DialogContent>
              <Text block>{t('activate.text', { commune: placement.communeName })}</Text>
              {error && (
                <MessageBar intent="error" data-testid="activate-error">
                  <MessageBarBody>{error}</MessageBarBody>
                </MessageBar>
              )}
              {needsReason && (
                <>
                  {!error && (
                    <MessageBar intent="warning">
                      <MessageBarBody>{t('activate.full')}</MessageBarBody>
                    </MessageBar>
                  )}
                  <Field label={t('form.quotaOverrideReason')} validationMessage={fieldError}>
                    <Textarea value={reason} onChange={(_, d) => setReason(d.value)} autoFocus />
                  </Field>
                </>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => onClose(false)}>
                {t('common:actions.cancel')}
              </Button>
              <Button appearance="primary" type="submit" disabled={busy}>
                {t('activate.action')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
