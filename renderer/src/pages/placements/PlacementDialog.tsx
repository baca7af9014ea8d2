import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../../shared/domain/common.js';
import type { CommuneBoard, PlacementWarning } from '../../../../shared/domain/placements.js';
import type { Program } from '../../../../shared/domain/programs.js';
import { ApiError, invoke } from '../../api/client.js';
import { formatEuro } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalM },
  wide: { gridColumn: '1 / span 2' },
});

/** Places an enrolled person in a commune; shows the quota and, after saving, the warnings the rules raised. */
export function PlacementDialog({
  program,
  communeId: initialCommune,
  board,
  onClose,
}: {
  program: Program;
  communeId: number;
  board: CommuneBoard[];
  onClose: (changed: boolean) => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation('placements');
  const notify = useNotify();
  const candidates = useCall('placements.candidates', { programId: program.id });
  const [enrollmentId, setEnrollmentId] = useState('');
  const [communeId, setCommuneId] = useState(initialCommune);
  const [site, setSite] = useState('');
  const [activity, setActivity] = useState('');
  const [applicationDate, setApplicationDate] = useState('');
  const [startDate, setStartDate] = useState(todayIso());
  const [plannedEndDate, setPlannedEndDate] = useState('');
  const [hoursPerWeek, setHoursPerWeek] = useState('20');
  const [agreementSignedOn, setAgreementSignedOn] = useState('');
  const [waiting, setWaiting] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [savedWarnings, setSavedWarnings] = useState<PlacementWarning[] | null>(null);

  const open = (candidates.data ?? []).filter((c) => !c.hasOpenPlacement);
  const commune = board.find((b) => b.communeId === communeId);
  const full = !waiting && commune !== undefined && commune.free === 0;
  const selected = open.find((c) => String(c.enrollmentId) === enrollmentId);

  async function save() {
    const nextErrors: Record<string, string> = {};
    if (!selected) nextErrors.enrollmentId = t('form.pickPerson');
    const hours = hoursPerWeek.trim() === '' ? null : Number(hoursPerWeek.replace(',', '.'));
    if (hours !== null && !Number.isFinite(hours)) nextErrors.hoursPerWeek = t('form.hoursPerWeek');
    if (Object.keys(nextErrors).length > 0) return setErrors(nextErrors);
    setBusy(true);
    setErrors({});
    setGeneral(null);
    try {
      const created = await invoke('placements.create', {
        enrollmentId: selected!.enrollmentId,
        communeId,
        site,
        activity,
        applicationDate: applicationDate || null,
        startDate,
        plannedEndDate: plannedEndDate || null,
        hoursPerWeek: hours,
        agreementSignedOn: agreementSignedOn || null,
        status: waiting ? 'wartend' : 'aktiv',
        quotaOverrideReason: reason || null,
      });
      notify.success(t('form.created'));
      if (created.warnings.length > 0) setSavedWarnings(created.warnings);
      else onClose(true);
    } catch (err) {
      if (err instanceof ApiError) {
        const fields = err.error.details?.fields ?? [];
        setErrors(Object.fromEntries(fields.map((f) => [f.path, f.message])));
        setGeneral(err.message);
      } else setGeneral(String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onClose(savedWarnings !== null)}>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (savedWarnings) onClose(true);
            else void save();
          }}
        >
          <DialogBody>
            <DialogTitle>{t('form.title')}</DialogTitle>
            <DialogContent>
              {savedWarnings ? (
                <MessageBar intent="warning" data-testid="placement-warnings">
                  <MessageBarBody>
                    <MessageBarTitle>{t('form.savedWithWarnings')}</MessageBarTitle>
                    <ul>
                      {savedWarnings.map((w) => (
                        <li key={w.code}>{w.message}</li>
                      ))}
                    </ul>
                  </MessageBarBody>
                </MessageBar>
              ) : (
                <div className={styles.grid}>
                  {general && (
                    <MessageBar intent="error" className={styles.wide}>
                      <MessageBarBody>{general}</MessageBarBody>
                    </MessageBar>
                  )}
                  <Field className={styles.wide} label={t('form.person')} required validationMessage={errors.enrollmentId}>
                    <Select value={enrollmentId} onChange={(_, d) => setEnrollmentId(d.value)} autoFocus>
                      <option value="">{t('form.pickPerson')}</option>
                      {open.map((c) => (
                        <option key={c.enrollmentId} value={c.enrollmentId}>
                          {c.name}
                          {c.eligible ? '' : ` (${t('form.notEligible')})`}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  {candidates.data && open.length === 0 && <Text className={styles.wide}>{t('form.noCandidates')}</Text>}
                  <Field label={t('form.commune')} required validationMessage={errors.communeId}>
                    <Select value={String(communeId)} onChange={(_, d) => setCommuneId(Number(d.value))}>
                      {program.communes.map((c) => (
                        <option key={c.communeId} value={c.communeId}>
                          {c.communeName}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label={t('form.hoursPerWeek')} validationMessage={errors.hoursPerWeek}>
                    <Input inputMode="decimal" value={hoursPerWeek} onChange={(_, d) => setHoursPerWeek(d.value)} />
                  </Field>
                  <Field label={t('form.site')} required validationMessage={errors.site}>
                    <Input value={site} placeholder={t('form.sitePlaceholder')} onChange={(_, d) => setSite(d.value)} />
                  </Field>
                  <Field label={t('form.activity')} required validationMessage={errors.activity}>
                    <Input value={activity} placeholder={t('form.activityPlaceholder')} onChange={(_, d) => setActivity(d.value)} />
                  </Field>
                  <Field label={t('form.applicationDate')} validationMessage={errors.applicationDate}>
                    <Input type="date" value={applicationDate} onChange={(_, d) => setApplicationDate(d.value)} />
                  </Field>
                  <Field label={t('form.agreementSignedOn')} validationMessage={errors.agreementSignedOn}>
                    <Input type="date" value={agreementSignedOn} onChange={(_, d) => setAgreementSignedOn(d.value)} />
                  </Field>
                  <Field label={t('form.startDate')} required validationMessage={errors.startDate}>
                    <Input type="date" value={startDate} onChange={(_, d) => setStartDate(d.value)} />
                  </Field>
                  <Field label={t('form.plannedEndDate')} validationMessage={errors.plannedEndDate}>
                    <Input type="date" value={plannedEndDate} onChange={(_, d) => setPlannedEndDate(d.value)} />
                  </Field>
                  <Checkbox className={styles.wide} checked={waiting} onChange={(_, d) => setWaiting(d.checked === true)} label={t('form.waiting')} />
                  {full && (
                    <>
                      <MessageBar intent="warning" className={styles.wide}>
                        <MessageBarBody>{t('form.quotaFull')}</MessageBarBody>
                      </MessageBar>
                      <Field className={styles.wide} label={t('form.quotaOverrideReason')} validationMessage={errors.quotaOverrideReason}>
                        <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
                      </Field>
                    </>
                  )}
                  <Text className={styles.wide} size={200}>
                    {t('form.rate', { rate: formatEuro(program.hourlyRateCents) })}
                  </Text>
                </div>
              )}
            </DialogContent>
            <DialogActions>
              {savedWarnings ? (
                <Button appearance="primary" type="submit">
                  {t('common:actions.close')}
                </Button>
              ) : (
                <>
                  <Button appearance="secondary" onClick={() => onClose(false)}>
                    {t('common:actions.cancel')}
                  </Button>
                  <Button appearance="primary" type="submit" disabled={busy}>
                    {t('common:actions.save')}
                  </Button>
                </>
              )}
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
