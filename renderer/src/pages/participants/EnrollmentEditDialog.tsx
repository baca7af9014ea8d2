import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  Select,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enrollmentTransitions, enrollmentUpdateInput, type Enrollment, type EnrollmentStatus } from '../../../../shared/domain/enrollments.js';
import { invoke } from '../../api/client.js';
import { useNotify } from '../../components/useNotify.js';
import { fieldErrors, serverFieldErrors } from '../../components/zodFields.js';
import { DateField } from '../../components/DateField.js';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
  wide: { gridColumn: '1 / span 2' },
});

/** Move an enrollment along its status flow and set dates and exit reason; only allowed statuses are offered. */
export function EnrollmentEditDialog({ enrollment, onClose }: { enrollment: Enrollment; onClose: (changed: boolean) => void }) {
  const styles = useStyles();
  const { t } = useTranslation('participants');
  const notify = useNotify();
  const [form, setForm] = useState({
    status: enrollment.status as string,
    appliedOn: enrollment.appliedOn ?? '',
    startDate: enrollment.startDate ?? '',
    endDate: enrollment.endDate ?? '',
    exitReason: enrollment.exitReason ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (_: unknown, d: { value: string }) => setForm((f) => ({ ...f, [k]: d.value }));

  async function save() {
    const input = { id: enrollment.id, ...form, status: form.status as EnrollmentStatus };
    const parsed = enrollmentUpdateInput.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    setBusy(true);
    try {
      await invoke('enrollments.update', input);
      notify.success(t('enrollments.updated'));
      onClose(true);
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
            <DialogTitle>{t('enrollments.editTitle')}</DialogTitle>
            <DialogContent>
              <div className={styles.grid}>
                <Field className={styles.wide} label={t('enrollments.status')} validationMessage={errors.status}>
                  <Select value={form.status} onChange={set('status')}>
                    {enrollmentTransitions[enrollment.status].map((s) => (
                      <option key={s} value={s}>
                        {t(`enrollments.statuses.${s}`)}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={t('enrollments.appliedOn')} validationMessage={errors.appliedOn}>
                  <DateField value={form.appliedOn} onChange={set('appliedOn')} />
                </Field>
                <Field label={t('enrollments.startDate')} validationMessage={errors.startDate}>
                  <DateField value={form.startDate} onChange={set('startDate')} />
                </Field>
                <Field label={t('enrollments.endDate')} validationMessage={errors.endDate}>
                  <DateField value={form.endDate} onChange={set('endDate')} />
                </Field>
                <Field className={styles.wide} label={t('enrollments.exitReason')} validationMessage={errors.exitReason}>
                  <Textarea value={form.exitReason} onChange={set('exitReason')} />
                </Field>
              </div>
            </DialogContent>
            <DialogActions>
              <Button onClick={() => onClose(false)}>{t('common:actions.cancel')}</Button>
              <Button type="submit" appearance="primary" disabled={busy}>
                {t('common:actions.save')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
