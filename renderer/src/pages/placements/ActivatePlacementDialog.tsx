import { MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activatePlacementInput, type Placement } from '../../../../shared/domain/placements.js';
import { ApiError, invoke } from '../../api/client.js';
import { FormTextarea } from '../../components/form/fields.js';
import { FormDialog } from '../../components/form/FormDialog.js';
import { useLotseForm } from '../../components/form/useLotseForm.js';
import { useNotify } from '../../components/useNotify.js';

/**
 * Moves a waiting placement onto a slot. When the commune is full (known from the board, or learnt from the
 * server's refusal) it asks for the reason the quota may be exceeded, as placing does.
 */
export function ActivatePlacementDialog({ placement, full, onClose }: { placement: Placement; full: boolean; onClose: (changed: boolean) => void }) {
  const { t } = useTranslation('placements');
  const notify = useNotify();
  const [needsReason, setNeedsReason] = useState(full);
  const f = useLotseForm({
    schema: activatePlacementInput,
    defaultValues: { quotaOverrideReason: '' },
    toInput: (v) => ({ id: placement.id, quotaOverrideReason: v.quotaOverrideReason.trim() || null }),
    submit: (input) => invoke('placements.activate', input),
    // the server's refusal says which commune is full and how many places it has
    keepMessage: true,
    onFailure: (err) => {
      if (err instanceof ApiError && err.error.code === 'quota_exceeded') setNeedsReason(true);
      return false;
    },
    onSaved: () => {
      notify.success(t('activate.done'));
      onClose(true);
    },
  });
  return (
    <FormDialog form={f} title={t('activate.title', { name: placement.participantName })} submitLabel={t('activate.action')} onClose={() => onClose(false)}>
      <Text block>{t('activate.text', { commune: placement.communeName })}</Text>
      {needsReason && !f.formError && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('activate.full')}</MessageBarBody>
        </MessageBar>
      )}
      {needsReason && <FormTextarea form={f} name="quotaOverrideReason" label={t('form.quotaOverrideReason')} autoFocus />}
    </FormDialog>
  );
}
