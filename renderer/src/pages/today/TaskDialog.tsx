import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { taskInput } from '../../../../shared/domain/reminders.js';
import { invoke } from '../../api/client.js';
import { DateField } from '../../components/DateField.js';
import { useNotify } from '../../components/useNotify.js';
import { fieldErrors, serverFieldErrors } from '../../components/zodFields.js';
import { todayIso } from '../../../../shared/domain/dates.js';

const useStyles = makeStyles({ content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/** A manual task with a due day (optionally about a person, when opened from one). */
export function TaskDialog({ participantId = null, onClose }: { participantId?: number | null; onClose: (changed: boolean) => void }) {
  const styles = useStyles();
  const { t } = useTranslation('today');
  const notify = useNotify();
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState(todayIso());
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function save() {
    const input = { participantId, title, dueOn };
    const parsed = taskInput.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    try {
      await invoke('reminders.createTask', input);
      notify.success(t('taskSaved'));
      onClose(true);
    } catch (err) {
      const fields = serverFieldErrors(err);
      if (fields) setErrors(fields);
      else notify.failure(err);
    }
  }

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onClose(false)}>
      <DialogSurface>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <DialogBody>
            <DialogTitle>{t('newTask')}</DialogTitle>
            <DialogContent className={styles.content}>
              <Field label={t('taskTitle')} required validationMessage={errors.title}>
                <Input value={title} onChange={(_, d) => setTitle(d.value)} />
              </Field>
              <Field label={t('taskDue')} required validationMessage={errors.dueOn}>
                <DateField value={dueOn} onChange={(_, d) => setDueOn(d.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => onClose(false)}>
                {t('cancel')}
              </Button>
              <Button appearance="primary" type="submit">
                {t('save')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
