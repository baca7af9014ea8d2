import { makeStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { activityInput, activityKinds, type Activity, type ActivityKind } from '../../../../shared/domain/activities.js';
import { invoke } from '../../api/client.js';
import { FormDate, FormInput, FormSelect, FormTextarea } from '../../components/form/fields.js';
import { FormDialog } from '../../components/form/FormDialog.js';
import { ProgramSelect } from '../../components/form/ProgramSelect.js';
import { useLotseForm } from '../../components/form/useLotseForm.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';

const useStyles = makeStyles({ grid: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '12px' }, wide: { gridColumn: '1 / -1' } });

/** Create or edit a seminar, coaching session or excursion. */
export function ActivityDialog({ activity, onClose }: { activity: Activity | null; onClose: (saved: Activity | null) => void }) {
  const styles = useStyles();
  const { t } = useTranslation('activities');
  const notify = useNotify();
  const orgs = useCall('organisations.list', { query: '', includeArchived: false });
  const f = useLotseForm({
    schema: activityInput,
    defaultValues: {
      programId: activity ? String(activity.programId) : '',
      kind: (activity?.kind ?? 'seminar') as string,
      title: activity?.title ?? '',
      date: activity?.date ?? '',
      durationMinutes: activity ? String(activity.durationMinutes) : '90',
      place: activity?.place ?? '',
      mentor: activity?.mentor ?? '',
      organisationId: activity?.organisationId ? String(activity.organisationId) : '',
      notes: activity?.notes ?? '',
    },
    toInput: (v) => ({
      ...v,
      programId: Number(v.programId),
      kind: v.kind as ActivityKind,
      durationMinutes: v.durationMinutes.trim() === '' ? NaN : Number(v.durationMinutes),
      organisationId: v.organisationId ? Number(v.organisationId) : null,
    }),
    submit: (input) => (activity ? invoke('activities.update', { id: activity.id, data: input }) : invoke('activities.create', input)),
    onSaved: (saved) => {
      notify.success(t('saved'));
      onClose(saved);
    },
  });
  return (
    <FormDialog form={f} title={activity ? t('editTitle') : t('createTitle')} onClose={() => onClose(null)} contentClassName={styles.grid}>
      <ProgramSelect form={f} name="programId" label={t('fields.program')} />
      <FormSelect form={f} name="kind" label={t('fields.kind')} required>
        {activityKinds.map((k) => (
          <option key={k} value={k}>
            {t(`kinds.${k}`)}
          </option>
        ))}
      </FormSelect>
      <FormInput form={f} name="title" label={t('fields.title')} required fieldClassName={styles.wide} autoFocus />
      <FormDate form={f} name="date" label={t('fields.date')} required />
      <FormInput form={f} name="durationMinutes" label={t('fields.duration')} required type="number" min={0} />
      <FormInput form={f} name="place" label={t('fields.place')} />
      <FormInput form={f} name="mentor" label={t('fields.mentor')} />
      <FormSelect form={f} name="organisationId" label={t('fields.organisation')} fieldClassName={styles.wide}>
        <option value="">—</option>
        {(orgs.data ?? []).map((o) => (
          <option key={o.id} value={String(o.id)}>
            {o.name}
          </option>
        ))}
      </FormSelect>
      <FormTextarea form={f} name="notes" label={t('fields.notes')} fieldClassName={styles.wide} />
    </FormDialog>
  );
}
