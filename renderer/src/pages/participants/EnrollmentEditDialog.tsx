import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { enrollmentTransitions, enrollmentUpdateInput, type Enrollment, type EnrollmentStatus } from '../../../../shared/domain/enrollments.js';
import { invoke } from '../../api/client.js';
import { FormDate, FormSelect, FormTextarea } from '../../components/form/fields.js';
import { FormDialog } from '../../components/form/FormDialog.js';
import { useLotseForm } from '../../components/form/useLotseForm.js';
import { useNotify } from '../../components/useNotify.js';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
  wide: { gridColumn: '1 / span 2' },
});

/** Move an enrollment along its status flow and set dates and exit reason; only allowed statuses are offered. */
export function EnrollmentEditDialog({ enrollment, onClose }: { enrollment: Enrollment; onClose: (changed: boolean) => void }) {
  const styles = useStyles();
  const { t } = useTranslation('participants');
  const notify = useNotify();
  const f = useLotseForm({
    schema: enrollmentUpdateInput,
    defaultValues: {
      status: enrollment.status as string,
      appliedOn: enrollment.appliedOn ?? '',
      startDate: enrollment.startDate ?? '',
      endDate: enrollment.endDate ?? '',
      exitReason: enrollment.exitReason ?? '',
    },
    toInput: (v) => ({ id: enrollment.id, ...v, status: v.status as EnrollmentStatus }),
    submit: (input) => invoke('enrollments.update', input),
    onSaved: () => {
      notify.success(t('enrollments.updated'));
      onClose(true);
    },
  });
  return (
    <FormDialog form={f} title={t('enrollments.editTitle')} onClose={() => onClose(false)} contentClassName={styles.grid}>
      <FormSelect form={f} name="status" fieldClassName={styles.wide} label={t('enrollments.status')}>
        {enrollmentTransitions[enrollment.status].map((s) => (
          <option key={s} value={s}>
            {t(`enrollments.statuses.${s}`)}
          </option>
        ))}
      </FormSelect>
      <FormDate form={f} name="appliedOn" label={t('enrollments.appliedOn')} />
      <FormDate form={f} name="startDate" label={t('enrollments.startDate')} />
      <FormDate form={f} name="endDate" label={t('enrollments.endDate')} />
      <FormTextarea form={f} name="exitReason" fieldClassName={styles.wide} label={t('enrollments.exitReason')} />
    </FormDialog>
  );
}
