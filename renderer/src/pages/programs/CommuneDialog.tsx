import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { communeInput, type Commune } from '../../../../shared/domain/communes.js';
import { ApiError, invoke } from '../../api/client.js';
import { fieldErrors } from '../../components/zodFields.js';

/** Creates a commune from inside the program form, so a new installation needs no separate setup step. */
export function CommuneDialog({ onClose }: { onClose: (created: Commune | null) => void }) {
  const { t } = useTranslation('programs');
  const [name, setName] = useState('');
  const [district, setDistrict] = useState('');
  const [ags, setAgs] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function save() {
    const input = { name, district, ags: ags.trim() === '' ? null : ags };
    const parsed = communeInput.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setBusy(true);
    try {
      onClose(await invoke('communes.create', input));
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(Object.fromEntries((err.error.details?.fields ?? []).map((f) => [f.path, f.message])));
        if (!err.error.details?.fields?.length) setErrors({ name: err.message });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onClose(null)}>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <DialogBody>
            <DialogTitle>{t('newCommuneTitle')}</DialogTitle>
            <DialogContent style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
              <Field label={t('fields.commune')} required validationMessage={errors.name}>
                <Input value={name} onChange={(_, d) => setName(d.value)} autoFocus />
              </Field>
              <Field label={t('district')} validationMessage={errors.district}>
                <Input value={district} onChange={(_, d) => setDistrict(d.value)} />
              </Field>
              <Field label={t('ags')} validationMessage={errors.ags}>
                <Input value={ags} onChange={(_, d) => setAgs(d.value)} inputMode="numeric" maxLength={8} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button onClick={() => onClose(null)}>{t('common:actions.cancel')}</Button>
              <Button type="submit" appearance="primary" disabled={busy}>
                {t('common:actions.create')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
