import { makeStyles } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  companySizes,
  organisationInput,
  partnerTypeSuggestions,
  type Organisation,
  type OrganisationKind,
} from '../../../../shared/domain/organisations.js';
import { invoke } from '../../api/client.js';
import { FormInput, FormSelect, FormTextarea } from '../../components/form/fields.js';
import { FormDialog } from '../../components/form/FormDialog.js';
import { useLotseForm } from '../../components/form/useLotseForm.js';
import { useNotify } from '../../components/useNotify.js';

const useStyles = makeStyles({ grid: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '12px' }, wide: { gridColumn: '1 / -1' } });

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
  const styles = useStyles();
  const { t } = useTranslation('organisations');
  const notify = useNotify();
  const typesId = useId();
  const f = useLotseForm({
    schema: organisationInput,
    defaultValues: {
      kind: (organisation?.kind ?? kind) as string,
      name: organisation?.name ?? '',
      sector: organisation?.sector ?? '',
      partnerType: organisation?.partnerType ?? '',
      city: organisation?.city ?? 'Dresden',
      contactPerson: organisation?.contactPerson ?? '',
      size: organisation?.size ?? '',
      email: organisation?.email ?? '',
      phone: organisation?.phone ?? '',
      notes: organisation?.notes ?? '',
    },
    toInput: (v) => ({ ...v, kind: v.kind as OrganisationKind }),
    submit: (input) => (organisation ? invoke('organisations.update', { id: organisation.id, data: input }) : invoke('organisations.create', input)),
    onSaved: (saved) => {
      notify.success(t('saved', { name: saved.name }));
      onClose(saved);
    },
  });
  const company = f.form.watch('kind') === 'company';
  return (
    <FormDialog
      form={f}
      title={organisation ? t('editTitle') : company ? t('createCompany') : t('createPartner')}
      onClose={() => onClose(null)}
      contentClassName={styles.grid}
    >
      <FormSelect form={f} name="kind" label={t('fields.kind')}>
        <option value="company">{t('kinds.company')}</option>
        <option value="partner">{t('kinds.partner')}</option>
      </FormSelect>
      <FormInput form={f} name="name" label={t('fields.name')} required autoFocus />
      {company ? (
        <FormInput form={f} name="sector" label={t('fields.sector')} />
      ) : (
        <FormInput form={f} name="partnerType" label={t('fields.partnerType')} list={typesId} />
      )}
      <datalist id={typesId}>
        {partnerTypeSuggestions.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      <FormInput form={f} name="city" label={t('fields.city')} />
      <FormInput form={f} name="contactPerson" label={t('fields.contactPerson')} />
      {company && (
        <FormSelect form={f} name="size" label={t('fields.size')}>
          <option value="">—</option>
          {companySizes.map((s) => (
            <option key={s} value={s}>
              {t('sizeLabel', { size: s })}
            </option>
          ))}
        </FormSelect>
      )}
      <FormInput form={f} name="email" label={t('fields.email')} type="email" />
      <FormInput form={f} name="phone" label={t('fields.phone')} />
      <FormTextarea form={f} name="notes" label={t('fields.notes')} fieldClassName={styles.wide} />
    </FormDialog>
  );
}
