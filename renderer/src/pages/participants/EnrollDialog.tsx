import { makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/contract/index.js';
import { todayIso } from '../../../../shared/domain/dates.js';
import { enrollmentCreateInput } from '../../../../shared/domain/enrollments.js';
import { invoke } from '../../api/client.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { FormDate, FormSelect, FormTextarea } from '../../components/form/fields.js';
import { FormDialog } from '../../components/form/FormDialog.js';
import { useLotseForm } from '../../components/form/useLotseForm.js';
import { EligibilityBox } from './EligibilityBox.js';

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
  const [check, setCheck] = useState<Eligibility | null>(null);
  const f = useLotseForm({
    schema: enrollmentCreateInput,
    defaultValues: { programId: '', status: 'interessiert', appliedOn: todayIso(), startDate: '', overrideReason: '' },
    toInput: (v) => ({ participantId, ...v, programId: Number(v.programId), status: v.status as 'interessiert' | 'aktiv' }),
    check: (v): Record<string, string> => (check && !check.eligible && !v.overrideReason.trim() ? { overrideReason: t('enrollments.overrideHint') } : {}),
    submit: (input) => invoke('enrollments.create', input),
    onSaved: (e) => {
      notify.success(t('enrollments.created', { program: e.programName }));
      onClose(true);
    },
  });
  const { watch, setValue, getFieldState } = f.form;
  // "Angemeldet am" starts as today; until the user sets it, an earlier start date moves it along (no start before it)
  useEffect(() => {
    const sub = watch((v, { name }) => {
      if (name !== 'startDate' || getFieldState('appliedOn').isDirty) return;
      const start = v.startDate ?? '';
      const earlier = /^\d{4}-\d{2}-\d{2}$/.test(start) && start < todayIso();
      setValue('appliedOn', earlier ? start : todayIso());
    });
    return () => sub.unsubscribe();
  }, [watch, setValue, getFieldState]);

  const [programId, startDate, appliedOn] = watch(['programId', 'startDate', 'appliedOn']);
  const onDate = startDate || appliedOn || null;
  useEffect(() => {
    setCheck(null);
    if (!programId || (onDate && !/^\d{4}-\d{2}-\d{2}$/.test(onDate))) return;
    let live = true;
    invoke('enrollments.checkEligibility', { participantId, programId: Number(programId), onDate }).then(
      (r) => live && setCheck(r),
      () => live && setCheck(null),
    );
    return () => {
      live = false;
    };
  }, [participantId, programId, onDate]);

  return (
    <FormDialog
      form={f}
      title={t('enrollments.enrolTitle')}
      submitLabel={t('enrollments.enrol')}
      submitDisabled={!programId}
      onClose={() => onClose(false)}
      contentClassName={styles.grid}
    >
      <FormSelect form={f} name="programId" fieldClassName={styles.wide} label={t('enrollments.program')} required>
        <option value="">{t('enrollments.pickProgram')}</option>
        {(programs.data ?? []).map((p) => (
          <option key={p.id} value={String(p.id)}>
            {p.name}
          </option>
        ))}
      </FormSelect>
      <FormSelect form={f} name="status" label={t('enrollments.status')}>
        <option value="interessiert">{t('enrollments.statuses.interessiert')}</option>
        <option value="aktiv">{t('enrollments.statuses.aktiv')}</option>
      </FormSelect>
      <FormDate form={f} name="appliedOn" label={t('enrollments.appliedOn')} />
      <FormDate form={f} name="startDate" label={t('enrollments.startDate')} />
      <div className={styles.wide}>
        {programId && !check && <Spinner size="tiny" label={t('enrollments.checking')} />}
        {check && <EligibilityBox result={check} />}
      </div>
      {check && !check.eligible && (
        <FormTextarea form={f} name="overrideReason" fieldClassName={styles.wide} label={t('enrollments.overrideReason')} required />
      )}
      {check && !check.eligible && (
        <Text className={styles.wide} size={200}>
          {t('enrollments.overrideHint')}
        </Text>
      )}
    </FormDialog>
  );
}
