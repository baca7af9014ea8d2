import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { certificatesContract } from '../../../../shared/contract/certificates.contract.js';
import { todayIso } from '../../../../shared/domain/dates.js';
import type { Placement } from '../../../../shared/domain/placements.js';
import { downloadFile, invoke } from '../../api/client.js';
import { FormCheckbox, FormDate, FormInput } from '../../components/form/fields.js';
import { FormDialog } from '../../components/form/FormDialog.js';
import { useLotseForm } from '../../components/form/useLotseForm.js';
import { useNotify } from '../../components/useNotify.js';

/** Creates the Teilnehmerbescheinigung PDF of a placement and hands it to the user (download / save dialog). */
export function CertificateDialog({ placement, onClose }: { placement: Placement; onClose: () => void }) {
  const { t } = useTranslation('placements');
  const notify = useNotify();
  const closedJustNow = placement.status === 'beendet' || placement.status === 'abgebrochen';
  const f = useLotseForm({
    schema: certificatesContract['certificates.create'].input,
    defaultValues: { bilingual: false, place: placement.communeName, issuedOn: todayIso() },
    toInput: (v) => ({ placementId: placement.id, ...v }),
    submit: async (input) => {
      const out = await invoke('certificates.create', input);
      await downloadFile(out.handle, out.name);
    },
    onSaved: () => {
      notify.success(t('certificate.created'));
      onClose();
    },
  });
  return (
    <FormDialog
      form={f}
      title={t('certificate.title', { name: placement.participantName })}
      submitLabel={t('certificate.create')}
      cancelLabel={t('common:actions.close')}
      onClose={onClose}
    >
      {closedJustNow && (
        <MessageBar intent="success">
          <MessageBarBody>{t('close.done')}</MessageBarBody>
        </MessageBar>
      )}
      <FormInput form={f} name="place" label={t('certificate.place')} />
      <FormDate form={f} name="issuedOn" label={t('certificate.issuedOn')} />
      <FormCheckbox form={f} name="bilingual" label={t('certificate.bilingual')} />
    </FormDialog>
  );
}
