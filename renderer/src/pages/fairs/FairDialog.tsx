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
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fairInput, type Fair } from '../../../../shared/domain/fairs.js';
import { invoke } from '../../api/client.js';
import { programInView } from '../../components/programInView.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { fieldErrors, serverFieldErrors } from '../../components/zodFields.js';
import { DateField } from '../../components/DateField.js';

/** Create or edit a fair: program (a new one: the program in view), title, date, venue, program of the day. */
export function FairDialog({ fair, shownProgramId, onClose }: { fair: Fair | null; shownProgramId?: number | null; onClose: (saved: Fair | null) => void }) {
  const { t } = useTranslation('fairs');
  const notify = useNotify();
  const programs = useCall('programs.list', { includeArchived: false });
  const [form, setForm] = useState({
    programId: fair ? String(fair.programId) : '',
    title: fair?.title ?? t('defaultTitle'),
    date: fair?.date ?? '',
    venue: fair?.venue ?? '',
    notes: fair?.notes ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const programId = form.programId || String(programInView(programs.data ?? [], shownProgramId)?.id ?? '');
  const set = (k: keyof typeof form) => (_: unknown, d: { value: string }) => setForm((f) => ({ ...f, [k]: d.value }));

  async function save() {
    const input = { programId: Number(programId), title: form.title, date: form.date, venue: form.venue, notes: form.notes };
    const parsed = fairInput.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setBusy(true);
    try {
      const saved = fair ? await invoke('fairs.update', { id: fair.id, data: input }) : await invoke('fairs.create', input);
      notify.success(t('saved'));
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
            <DialogTitle>{fair ? t('editTitle') : t('createTitle')}</DialogTitle>
            <DialogContent style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
              <Field label={t('fields.program')} required validationMessage={errors.programId}>
                <Select value={programId} onChange={set('programId')}>
                  {(programs.data ?? []).map((p) => (
                    <option key={p.id} value={String(p.id)}>
                      {p.name}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t('fields.title')} required validationMessage={errors.title}>
                <Input value={form.title} onChange={set('title')} autoFocus />
              </Field>
              <Field label={t('fields.date')} required validationMessage={errors.date}>
                <DateField value={form.date} onChange={set('date')} />
              </Field>
              <Field label={t('fields.venue')} validationMessage={errors.venue}>
                <Input value={form.venue} onChange={set('venue')} />
              </Field>
              <Field label={t('fields.notes')} validationMessage={errors.notes}>
                <Textarea value={form.notes} onChange={set('notes')} resize="vertical" />
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
