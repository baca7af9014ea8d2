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
  Select,
  Textarea,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  companySizes,
  organisationInput,
  partnerTypeSuggestions,
  type Organisation,
  type OrganisationKind,
} from '../../../../shared/domain/organisations.js';
import { invoke } from '../../api/client.js';
import { useNotify } from '../../components/useNotify.js';
import { fieldErrors, serverFieldErrors } from '../../components/zodFields.js';

/** Create or edit a company or partner. */
export function OrganisationDialog({
  organisation,
  kind,
  onClose,
}: {
  organisation: Organisation | null;
  kind: OrganisationKind;
  onClose: (saved: Organisation | null) => void;
}) {
  const { t } = useTranslation('organisations');
  const notify = useNotify();
  const typesId = useId();
  const [form, setForm] = useState({
    kind: organisation?.kind ?? kind,
    name: organisation?.name ?? '',
    sector: organisation?.sector ?? '',
    partnerType: organisation?.partnerType ?? '',
    city: organisation?.city ?? 'Dresden',
    contactPerson: organisation?.contactPerson ?? '',
    size: organisation?.size ?? '',
    email: organisation?.email ?? '',
    phone: organisation?.phone ?? '',
    notes: organisation?.notes ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (_: unknown, d: { value: string }) => setForm((f) => ({ ...f, [k]: d.value }));

  async function save() {
    const input = { ...form, kind: form.kind };
    const parsed = organisationInput.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setBusy(true);
    try {
      const saved = organisation
        ? await invoke('organisations.update', { id: organisation.id, data: input })
        : await invoke('organisations.create', input);
      notify.success(t('saved', { name: saved.name }));
      onClose(saved);
    } catch (err) {
      const fields = serverFieldErrors(err);
      if (fields) {
        setErrors(fields);
      } else notify.failure(err);
    } finally {
      setBusy(false);
    }
  }

  const company = form.kind === 'company';
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onClose(null)}>
      <DialogSurface>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <DialogBody>
            <DialogTitle>{organisation ? t('editTitle') : company ? t('createCompany') : t('createPartner')}</DialogTitle>
            <DialogContent style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
              <Field label={t('fields.kind')}>
                <Select value={form.kind} onChange={(_, d) => setForm((f) => ({ ...f, kind: d.value as OrganisationKind }))}>
                  <option value="company">{t('kinds.company')}</option>
                  <option value="partner">{t('kinds.partner')}</option>
                </Select>
              </Field>
              <Field label={t('fields.name')} required validationMessage={errors.name}>
                <Input value={form.name} onChange={set('name')} autoFocus />
              </Field>
              {company ? (
                <Field label={t('fields.sector')} validationMessage={errors.sector}>
                  <Input value={form.sector} onChange={set('sector')} />
                </Field>
              ) : (
                <Field label={t('fields.partnerType')} validationMessage={errors.partnerType}>
                  <Input value={form.partnerType} onChange={set('partnerType')} list={typesId} />
                </Field>
              )}
              <datalist id={typesId}>
                {partnerTypeSuggestions.map((p) => (
                  <option key={p} value={p} />
                ))}
              </datalist>
              <Field label={t('fields.city')} validationMessage={errors.city}>
                <Input value={form.city} onChange={set('city')} />
              </Field>
              <Field label={t('fields.contactPerson')} validationMessage={errors.contactPerson}>
                <Input value={form.contactPerson} onChange={set('contactPerson')} />
              </Field>
              {company && (
                <Field label={t('fields.size')}>
                  <Select value={form.size} onChange={set('size')}>
                    <option value="">—</option>
                    {companySizes.map((s) => (
                      <option key={s} value={s}>
                        {t('sizeLabel', { size: s })}
                      </option>
                    ))}
                  </Select>
                </Field>
              )}
              <Field label={t('fields.email')} validationMessage={errors.email}>
                <Input type="email" value={form.email} onChange={set('email')} />
              </Field>
              <Field label={t('fields.phone')} validationMessage={errors.phone}>
                <Input value={form.phone} onChange={set('phone')} />
              </Field>
              <Field label={t('fields.notes')} style={{ gridColumn: '1 / -1' }}>
                <Textarea value={form.notes} onChange={set('notes')} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => onClose(null)}>
                {t('common:actions.cancel')}
              </Button>
              <Button appearance="primary" type="submit" disabled={busy}>
                {t('common:actions.save')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
