import { Button, Field, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { personDocumentInput, personDocumentKinds, type PersonDocument, type PersonDocumentKind } from '../../../../shared/domain/person-documents.js';
import { invoke, uploadFile } from '../../api/client.js';
import { FormCheckbox, FormDate, FormInput, FormSelect } from '../../components/form/fields.js';
import { FormDialog } from '../../components/form/FormDialog.js';
import { useLotseForm } from '../../components/form/useLotseForm.js';
import { useNotify } from '../../components/useNotify.js';
import { announceRemindersChanged } from '../today/settleLink.js';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  hidden: { display: 'none' },
});

interface ChosenFile {
  name: string;
  upload?: File;
  handle?: string;
}

/** Record or edit a person's document, with an optional file uploaded and stored encrypted. */
export function PersonDocumentDialog({
  participantId,
  document: doc,
  initialKind,
  onClose,
}: {
  participantId: number;
  document: PersonDocument | null;
  initialKind?: PersonDocumentKind;
  onClose: (changed: boolean) => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation('personDocuments');
  const notify = useNotify();
  const fileInput = useRef<HTMLInputElement>(null);
  const f = useLotseForm({
    schema: personDocumentInput,
    defaultValues: {
      kind: (doc?.kind ?? initialKind ?? 'aufenthaltsdokument') as string,
      number: doc?.number ?? '',
      issuedBy: doc?.issuedBy ?? '',
      validFrom: doc?.validFrom ?? '',
      validUntil: doc?.validUntil ?? '',
      // web mode: a File to upload on save; Electron: the handle of a file main's open dialog registered
      file: null as ChosenFile | null,
      removeFile: false,
    },
    toInput: (v) => ({
      participantId,
      kind: v.kind as PersonDocumentKind,
      number: v.number,
      issuedBy: v.issuedBy,
      validFrom: v.validFrom || null,
      validUntil: v.validUntil || null,
    }),
    submit: async (data, v) => {
      const handle = v.file?.handle ?? (v.file?.upload ? (await uploadFile(v.file.upload)).handle : null);
      if (!doc) return invoke('personDocuments.create', { data, fileHandle: handle });
      const change = handle ? { handle } : v.removeFile ? { remove: true as const } : undefined;
      return invoke('personDocuments.update', { id: doc.id, data, file: change });
    },
    onSaved: () => {
      notify.success(t('saved'));
      announceRemindersChanged();
      onClose(true);
    },
  });
  const file = f.form.watch('file');
  const setFile = (chosen: ChosenFile | null) => f.form.setValue('file', chosen, { shouldDirty: true });

  async function chooseFile() {
    if (!window.lotse?.pickFile) return fileInput.current?.click();
    const picked = await window.lotse.pickFile([{ name: 'PDF, JPG, PNG', extensions: ['pdf', 'jpg', 'jpeg', 'png'] }]);
    if (picked) setFile({ name: picked.name, handle: picked.handle });
  }

  return (
    <FormDialog form={f} title={doc ? t('edit') : t('add')} onClose={() => onClose(false)} ariaLabel={doc ? t('edit') : t('add')}>
      <FormSelect form={f} name="kind" label={t('fields.kind')}>
        {personDocumentKinds.map((k) => (
          <option key={k} value={k}>
            {t(`kinds.${k}`)}
          </option>
        ))}
      </FormSelect>
      <div className={styles.row}>
        <FormInput form={f} name="number" label={t('fields.number')} />
        <FormInput form={f} name="issuedBy" label={t('fields.issuedBy')} />
      </div>
      <div className={styles.row}>
        <FormDate form={f} name="validFrom" label={t('fields.validFrom')} />
        <FormDate form={f} name="validUntil" label={t('fields.validUntil')} />
      </div>
      <Field label={t('fields.file')} hint={t('fields.encrypted')}>
        <div className={styles.row}>
          <Button onClick={() => void chooseFile()}>{t('fields.chooseFile')}</Button>
          <Text>{file?.name ?? doc?.file?.name ?? t('fields.noFile')}</Text>
          <input
            ref={fileInput}
            className={styles.hidden}
            type="file"
            aria-label={t('fields.chooseFile')}
            accept=".pdf,.jpg,.jpeg,.png"
            onChange={(e) => {
              const chosen = e.target.files?.[0];
              setFile(chosen ? { name: chosen.name, upload: chosen } : null);
            }}
          />
        </div>
      </Field>
      {doc?.file && !file && <FormCheckbox form={f} name="removeFile" label={t('fields.removeFile')} />}
    </FormDialog>
  );
}
