import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../../shared/domain/dates.js';
import { taskInput } from '../../../../shared/domain/reminders.js';
import { invoke } from '../../api/client.js';
import { FormDate, FormInput } from '../../components/form/fields.js';
import { FormDialog } from '../../components/form/FormDialog.js';
import { useLotseForm } from '../../components/form/useLotseForm.js';
import { useNotify } from '../../components/useNotify.js';

/** A manual task with a due day (optionally about a person, when opened from one). */
export function TaskDialog({ participantId = null, onClose }: { participantId?: number | null; onClose: (changed: boolean) => void }) {
  const { t } = useTranslation('today');
  const notify = useNotify();
  const f = useLotseForm({
    schema: taskInput,
    defaultValues: { title: '', dueOn: todayIso() },
    toInput: (v) => ({ participantId, ...v }),
    submit: (input) => invoke('reminders.createTask', input),
    onSaved: () => {
      notify.success(t('taskSaved'));
      onClose(true);
    },
  });
  return (
    <FormDialog form={f} title={t('newTask')} onClose={() => onClose(false)}>
      <FormInput form={f} name="title" label={t('taskTitle')} required />
      <FormDate form={f} name="dueOn" label={t('taskDue')} required />
    </FormDialog>
  );
}
