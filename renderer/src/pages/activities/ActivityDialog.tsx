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
import { activityInput, activityKinds, type Activity, type ActivityKind } from '../../../../shared/domain/activities.js';
import { invoke } from '../../api/client.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { fieldErrors, serverFieldErrors } from '../../components/zodFields.js';
import { DateField } from '../../components/DateField.js';

/** Create or edit a seminar, coaching session or excursion. */
export function ActivityDialog({ activity, onClose }: { activity: Activity | null; onClose: (saved: Activity | null) => void }) {
  const { t } = useTranslation('activities');
  const notify = useNotify();
  const programs = useCall('programs.list', { includeArchived: false });
  const orgs = useCall('organisations.list', { query: '', includeArchived: false });
  const [form, setForm] = useState({
    programId: activity ? String(activity.programId) : '',
    kind: (activity?.kind ?? 'seminar') as ActivityKind,
    title: activity?.title ?? '',
    date: activity?.date ?? '',
    duration: activity ? String(activity.durationMinutes) : '90',
    place: activity?.place ?? '',
    mentor: activity?.mentor ?? '',
    organisationId: activity?.organisationId ? String(activity.organisationId) : '',
    notes: activity?.notes ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const programId = form.programId || String(programs.data?.[0]?.id ?? '');
  const set = (k: keyof typeof form) => (_: unknown, d: { value: string }) => setForm((f) => ({ ...f, [k]: d.value }));

  async function save() {
    const input = {
      programId: Number(programId),
      kind: form.kind,
      title: form.title,
      date: form.date,
      durationMinutes: form.duration.trim() === '' ? NaN : Number(form.duration),
      place: form.place,
      mentor: form.mentor,
      organisationId: form.organisationId ? Number(form.organisationId) : null,
      notes: form.notes,
    };
    const parsed = activityInput.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setBusy(true);
    try {
      const saved = activity ? await invoke('activities.update', { id: activity.id, data: input }) : await invoke('activities.create', input);
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
            <DialogTitle>{activity ? t('editTitle') : t('createTitle')}</DialogTitle>
            <DialogContent style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
              <Field label={t('fields.program')} required validationMessage={errors.programId}>
                <Select value={programId} onChange={set('programId')}>
                  {(programs.data ?? []).map((p) => (
                    <option key={p.id} value={String(p.id)}>
                      {p.name}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t('fields.kind')} required>
                <Select value={form.kind} onChange={set('kind')}>
                  {activityKinds.map((k) => (
                    <option key={k} value={k}>
                      {t(`kinds.${k}`)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t('fields.title')} required validationMessage={errors.title} style={{ gridColumn: '1 / -1' }}>
                <Input value={form.title} onChange={set('title')} autoFocus />
              </Field>
              <Field label={t('fields.date')} required validationMessage={errors.date}>
                <DateField value={form.date} onChange={set('date')} />
              </Field>
              <Field label={t('fields.duration')} required validationMessage={errors.durationMinutes}>
                <Input type="number" min={0} value={form.duration} onChange={set('duration')} />
              </Field>
              <Field label={t('fields.place')} validationMessage={errors.place}>
                <Input value={form.place} onChange={set('place')} />
              </Field>
              <Field label={t('fields.mentor')} validationMessage={errors.mentor}>
                <Input value={form.mentor} onChange={set('mentor')} />
              </Field>
              <Field label={t('fields.organisation')} validationMessage={errors.organisationId} style={{ gridColumn: '1 / -1' }}>
                <Select value={form.organisationId} onChange={set('organisationId')}>
                  <option value="">—</option>
                  {(orgs.data ?? []).map((o) => (
                    <option key={o.id} value={String(o.id)}>
                      {o.name}
                    </option>
                  ))}
                </Select>
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
