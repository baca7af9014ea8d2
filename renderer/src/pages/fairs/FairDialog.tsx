import { useTranslation } from 'react-i18next';
import { fairInput, type Fair } from '../../../../shared/domain/fairs.js';
import { invoke } from '../../api/client.js';
import { FormDate, FormInput, FormSelect, FormTextarea } from '../../components/form/fields.js';
import { FormDialog } from '../../components/form/FormDialog.js';
import { useLateDefault, useLotseForm } from '../../components/form/useLotseForm.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';

/** Create or edit a fair: program, title, date, venue, program of the day. */
export function FairDialog({ fair, onClose }: { fair: Fair | null; onClose: (saved: Fair | null) => void }) {
  const { t } = useTranslation('fairs');
  const notify = useNotify();
  const programs = useCall('programs.list', { includeArchived: false });
  const f = useLotseForm({
    schema: fairInput,
    defaultValues: {
      programId: fair ? String(fair.programId) : '',
      title: fair?.title ?? t('defaultTitle'),
      date: fair?.date ?? '',
      venue: fair?.venue ?? '',
      notes: fair?.notes ?? '',
    },
    toInput: (v) => ({ ...v, programId: Number(v.programId) }),
    submit: (input) => (fair ? invoke('fairs.update', { id: fair.id, data: input }) : invoke('fairs.create', input)),
    onSaved: (saved) => {
      notify.success(t('saved'));
      onClose(saved);
    },
  });
  useLateDefault(f.form, 'programId', programs.data?.[0] ? String(programs.data[0].id) : undefined);
  return (
    <FormDialog form={f} title={fair ? t('editTitle') : t('createTitle')} onClose={() => onClose(null)}>
      <FormSelect form={f} name="programId" label={t('fields.program')} required>
        {(programs.data ?? []).map((p) => (
          <option key={p.id} value={String(p.id)}>
            {p.name}
          </option>
        ))}
      </FormSelect>
      <FormInput form={f} name="title" label={t('fields.title')} required autoFocus />
      <FormDate form={f} name="date" label={t('fields.date')} required />
      <FormInput form={f} name="venue" label={t('fields.venue')} />
      <FormTextarea form={f} name="notes" label={t('fields.notes')} resize="vertical" />
    </FormDialog>
  );
}
