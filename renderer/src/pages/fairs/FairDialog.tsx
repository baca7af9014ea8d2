import { useTranslation } from 'react-i18next';
import { fairInput, type Fair } from '../../../../shared/domain/fairs.js';
import { invoke } from '../../api/client.js';
import { FormDate, FormInput, FormTextarea } from '../../components/form/fields.js';
import { FormDialog } from '../../components/form/FormDialog.js';
import { ProgramSelect } from '../../components/form/ProgramSelect.js';
import { useLotseForm } from '../../components/form/useLotseForm.js';
import { useNotify } from '../../components/useNotify.js';

/** Create or edit a fair: program, title, date, venue, program of the day. */
export function FairDialog({ fair, shownProgramId, onClose }: { fair: Fair | null; shownProgramId?: number | null; onClose: (saved: Fair | null) => void }) {
  const { t } = useTranslation('fairs');
  const notify = useNotify();
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
  return (
    <FormDialog form={f} title={fair ? t('editTitle') : t('createTitle')} onClose={() => onClose(null)}>
      <ProgramSelect form={f} name="programId" label={t('fields.program')} shownProgramId={shownProgramId} />
      <FormInput form={f} name="title" label={t('fields.title')} required autoFocus />
      <FormDate form={f} name="date" label={t('fields.date')} required />
      <FormInput form={f} name="venue" label={t('fields.venue')} />
      <FormTextarea form={f} name="notes" label={t('fields.notes')} resize="vertical" />
    </FormDialog>
  );
}
