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
  makeStyles,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { personDocumentInput, personDocumentKinds, type PersonDocument, type PersonDocumentKind } from '../../../../shared/domain/person-documents.js';
import { invoke, uploadFile } from '../../api/client.js';
import { DateField } from '../../components/DateField.js';
import { useNotify } from '../../components/useNotify.js';
import { fieldErrors, serverFieldErrors } from '../../components/zodFields.js';
import { announceRemindersChanged } from '../today/settleLink.js';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  hidden: { display: 'none' },
});

/** Strips the `data.` prefix of the server's field paths (the procedure wraps the form in `data`). */
const unwrap = (e: Record<string, string>) => Object.fromEntries(Object.entries(e).map(([k, v]) => [k.replace(/^data\./, ''), v]));

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
  const [form, setForm] = useState({
    kind: doc?.kind ?? initialKind ?? 'aufenthaltsdokument',
    number: doc?.number ?? '',
    issuedBy: doc?.issuedBy ?? '',
    validFrom: doc?.validFrom ?? '',
    validUntil: doc?.validUntil ?? '',
  });
  // web mode: a File to upload on save; Electron: the handle of a file main's open dialog registered
  const [file, setFile] = useState<{ name: string; upload?: File; handle?: string } | null>(null);
  const [removeFile, setRemoveFile] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (_: unknown, d: { value: string }) => setForm((f) => ({ ...f, [k]: d.value }));

  async function chooseFile() {
    if (!window.lotse?.pickFile) return fileInput.current?.click();
    const picked = await window.lotse.pickFile([{ name: 'PDF, JPG, PNG', extensions: ['pdf', 'jpg', 'jpeg', 'png'] }]);
    if (picked) setFile({ name: picked.name, handle: picked.handle });
  }

  async function save() {
    const data = { participantId, ...form, validFrom: form.validFrom || null, validUntil: form.validUntil || null, kind: form.kind as PersonDocumentKind };
    const parsed = personDocumentInput.safeParse(data);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setBusy(true);
    try {
      const handle = file?.handle ?? (file?.upload ? (await uploadFile(file.upload)).handle : null);
      if (doc) {
        const change = handle ? { handle } : removeFile ? { remove: true as const } : undefined;
        await invoke('personDocuments.update', { id: doc.id, data, file: change });
      } else {
        await invoke('personDocuments.create', { data, fileHandle: handle });
      }
      notify.success(t('saved'));
      announceRemindersChanged();
      onClose(true);
    } catch (err) {
      const fields = serverFieldErrors(err);
      if (fields) setErrors(unwrap(fields));
      else setErrors({ file: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onClose(false)}>
      <DialogSurface>
        <form
          noValidate
          aria-label={doc ? t('edit') : t('add')}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <DialogBody>
            <DialogTitle>{doc ? t('edit') : t('add')}</DialogTitle>
            <DialogContent className={styles.content}>
              <Field label={t('fields.kind')} validationMessage={errors.kind}>
                <Select value={form.kind} onChange={set('kind')}>
                  {personDocumentKinds.map((k) => (
                    <option key={k} value={k}>
                      {t(`kinds.${k}`)}
                    </option>
                  ))}
                </Select>
              </Field>
              <div className={styles.row}>
                <Field label={t('fields.number')} validationMessage={errors.number}>
                  <Input value={form.number} onChange={set('number')} />
                </Field>
                <Field label={t('fields.issuedBy')} validationMessage={errors.issuedBy}>
                  <Input value={form.issuedBy} onChange={set('issuedBy')} />
                </Field>
              </div>
              <div className={styles.row}>
                <Field label={t('fields.validFrom')} validationMessage={errors.validFrom}>
                  <DateField value={form.validFrom} onChange={set('validFrom')} />
                </Field>
                <Field label={t('fields.validUntil')} validationMessage={errors.validUntil}>
                  <DateField value={form.validUntil} onChange={set('validUntil')} />
                </Field>
              </div>
              <Field label={t('fields.file')} validationMessage={errors.file} hint={t('fields.encrypted')}>
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
                      const f = e.target.files?.[0];
                      setFile(f ? { name: f.name, upload: f } : null);
                      setErrors((x) => ({ ...x, file: '' }));
                    }}
                  />
                </div>
              </Field>
              {doc?.file && !file && (
                <Checkbox label={t('fields.removeFile')} checked={removeFile} onChange={(_, d) => setRemoveFile(d.checked === true)} />
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => onClose(false)}>
                {t('cancel')}
              </Button>
              <Button appearance="primary" type="submit" disabled={busy}>
                {t('save')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
