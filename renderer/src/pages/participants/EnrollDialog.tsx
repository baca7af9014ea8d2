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
  Spinner,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/contract/index.js';
import { enrollmentCreateInput } from '../../../../shared/domain/enrollments.js';
import { invoke } from '../../api/client.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { fieldErrors, serverFieldErrors } from '../../components/zodFields.js';
import { EligibilityBox } from './EligibilityBox.js';
import { DateField } from '../../components/DateField.js';
import { todayIso } from '../../../../shared/domain/dates.js';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
  wide: { gridColumn: '1 / span 2' },
});

type Eligibility = OutputOf<'enrollments.checkEligibility'>;

/** Enrol a person: pick program and dates, see the eligibility reason live; ineligible needs a stated reason. */
export function EnrollDialog({ participantId, onClose }: { participantId: number; onClose: (changed: boolean) => void }) {
  const styles = useStyles();
  const { t } = useTranslation('participants');
  const notify = useNotify();
  const programs = useCall('programs.list', { includeArchived: false });
  const [form, setForm] = useState({ programId: '', status: 'interessiert', appliedOn: todayIso(), startDate: '', overrideReason: '' });
  // "Angemeldet am" starts as today; until the user sets it, an earlier start date moves it along (no start before it)
  const [appliedSet, setAppliedSet] = useState(false);
  const [check, setCheck] = useState<Eligibility | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (_: unknown, d: { value: string }) => setForm((f) => ({ ...f, [k]: d.value }));
  const setApplied = (_: unknown, d: { value: string }) => {
    setAppliedSet(true);
    setForm((f) => ({ ...f, appliedOn: d.value }));
  };
  const setStart = (_: unknown, d: { value: string }) =>
    setForm((f) => {
      const earlier = !appliedSet && /^\d{4}-\d{2}-\d{2}$/.test(d.value) && d.value < todayIso();
      return { ...f, startDate: d.value, appliedOn: appliedSet ? f.appliedOn : earlier ? d.value : todayIso() };
    });

  const onDate = form.startDate || form.appliedOn || null;
  useEffect(() => {
    setCheck(null);
    if (!form.programId || (onDate && !/^\d{4}-\d{2}-\d{2}$/.test(onDate))) return;
    let live = true;
    invoke('enrollments.checkEligibility', { participantId, programId: Number(form.programId), onDate }).then(
      (r) => live && setCheck(r),
      () => live && setCheck(null),
    );
    return () => {
      live = false;
    };
  }, [participantId, form.programId, onDate]);

  async function save() {
    const input = {
      participantId,
      programId: Number(form.programId),
      status: form.status as 'interessiert' | 'aktiv',
      appliedOn: form.appliedOn,
      startDate: form.startDate,
      overrideReason: form.overrideReason,
    };
    const parsed = enrollmentCreateInput.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    if (check && !check.eligible && !form.overrideReason.trim()) {
      return setErrors({ overrideReason: t('enrollments.overrideHint') });
    }
    setErrors({});
    setBusy(true);
    try {
      const e = await invoke('enrollments.create', input);
      notify.success(t('enrollments.created', { program: e.programName }));
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
            <DialogTitle>{t('enrollments.enrolTitle')}</DialogTitle>
            <DialogContent>
              <div className={styles.grid}>
                <Field className={styles.wide} label={t('enrollments.program')} required validationMessage={errors.programId}>
                  <Select value={form.programId} onChange={set('programId')}>
                    <option value="">{t('enrollments.pickProgram')}</option>
                    {(programs.data ?? []).map((p) => (
                      <option key={p.id} value={String(p.id)}>
                        {p.name}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={t('enrollments.status')} validationMessage={errors.status}>
                  <Select value={form.status} onChange={set('status')}>
                    <option value="interessiert">{t('enrollments.statuses.interessiert')}</option>
                    <option value="aktiv">{t('enrollments.statuses.aktiv')}</option>
                  </Select>
                </Field>
                <Field label={t('enrollments.appliedOn')} validationMessage={errors.appliedOn}>
                  <DateField value={form.appliedOn} onChange={setApplied} />
                </Field>
                <Field label={t('enrollments.startDate')} validationMessage={errors.startDate}>
                  <DateField value={form.startDate} onChange={setStart} />
                </Field>
                <div className={styles.wide}>
                  {form.programId && !check && <Spinner size="tiny" label={t('enrollments.checking')} />}
                  {check && <EligibilityBox result={check} />}
                </div>
                {check && !check.eligible && (
                  <Field className={styles.wide} label={t('enrollments.overrideReason')} required validationMessage={errors.overrideReason}>
                    <Textarea value={form.overrideReason} onChange={set('overrideReason')} />
                  </Field>
                )}
                {check && !check.eligible && (
                  <Text className={styles.wide} size={200}>
                    {t('enrollments.overrideHint')}
                  </Text>
                )}
              </div>
            </DialogContent>
            <DialogActions>
              <Button onClick={() => onClose(false)}>{t('common:actions.cancel')}</Button>
              <Button type="submit" appearance="primary" disabled={busy || !form.programId}>
                {t('enrollments.enrol')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
