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
import type { CommuneBoard, Placement, PlacementWarning } from '../../../../shared/domain/placements.js';
import type { Program } from '../../../../shared/domain/programs.js';
import { ApiError, errorText, invoke } from '../../api/client.js';
import { formatDate, formatEuro } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { DateField } from '../../components/DateField.js';
import { todayIso } from '../../../../shared/domain/dates.js';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalM },
  wide: { gridColumn: '1 / span 2' },
});

type PlacementDialogProps =
  | { mode: 'new'; program: Program; communeId: number; board: CommuneBoard[]; onClose: (changed: boolean) => void }
  | { mode: 'edit'; placement: Placement; onClose: (changed: boolean) => void };

/** Lower case without accents, so "muller" finds Müller and "sahin" finds Şahin. */
const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/**
 * The person picker of a new placement: only people enrolled in the program without an open placement. A search
 * field narrows the list (a program has dozens of candidates), and each name shows the birth date, so two people
 * with the same name can be told apart.
 */
function CandidateField({ programId, value, onChange, error }: { programId: number; value: string; onChange: (v: string) => void; error?: string }) {
  const { t } = useTranslation('placements');
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const candidates = useCall('placements.candidates', { programId });
  const open = (candidates.data ?? []).filter((c) => !c.hasOpenPlacement);
  const label = (c: (typeof open)[number]) =>
    `${c.name}${c.birthDate ? `, ${t('form.born', { date: formatDate(c.birthDate) })}` : ''}${c.eligible ? '' : ` (${t('form.notEligible')})`}`;
  const words = fold(query).split(/\s+/).filter(Boolean);
  // the chosen person stays in the list even when the search no longer matches them
  const shown = open.filter((c) => String(c.enrollmentId) === value || words.every((w) => fold(label(c)).includes(w)));
  return (
    <>
      <Field className={styles.wide} label={t('form.searchPerson')}>
        <Input type="search" value={query} onChange={(_, d) => setQuery(d.value)} placeholder={t('form.searchPlaceholder')} autoFocus />
      </Field>
      <Field className={styles.wide} label={t('form.person')} required validationMessage={error}>
        <Select value={value} onChange={(_, d) => onChange(d.value)}>
          <option value="">{words.length > 0 ? t('form.matches', { count: shown.length }) : t('form.pickPerson')}</option>
          {shown.map((c) => (
            <option key={c.enrollmentId} value={c.enrollmentId}>
              {label(c)}
            </option>
          ))}
        </Select>
      </Field>
      {candidates.data && open.length === 0 && <Text className={styles.wide}>{t('form.noCandidates')}</Text>}
    </>
  );
}

/**
 * Places an enrolled person in a commune, or (mode 'edit') corrects an existing placement with the same form
 * prefilled; person, program and commune are fixed then. After saving, the warnings the rules raised are shown.
 */
export function PlacementDialog(props: PlacementDialogProps) {
  const { onClose } = props;
  const editing = props.mode === 'edit' ? props.placement : null;
  const styles = useStyles();
  const { t } = useTranslation('placements');
  const notify = useNotify();
  const [enrollmentId, setEnrollmentId] = useState('');
  const [communeId, setCommuneId] = useState(props.mode === 'new' ? props.communeId : props.placement.communeId);
  const [site, setSite] = useState(editing?.site ?? '');
  const [activity, setActivity] = useState(editing?.activity ?? '');
  const [applicationDate, setApplicationDate] = useState(editing?.applicationDate ?? '');
  const [startDate, setStartDate] = useState(editing?.startDate ?? todayIso());
  const [plannedEndDate, setPlannedEndDate] = useState(editing?.plannedEndDate ?? '');
  const [hoursPerWeek, setHoursPerWeek] = useState(
    editing ? (editing.hoursPerWeek === null ? '' : String(editing.hoursPerWeek).replace('.', ',')) : '20',
  );
  const [agreementSignedOn, setAgreementSignedOn] = useState(editing?.agreementSignedOn ?? '');
  const [waiting, setWaiting] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [savedWarnings, setSavedWarnings] = useState<PlacementWarning[] | null>(null);

  const commune = props.mode === 'new' ? props.board.find((b) => b.communeId === communeId) : undefined;
  const full = !waiting && commune !== undefined && commune.free === 0;
  const rateCents = props.mode === 'new' ? props.program.hourlyRateCents : props.placement.rateCents;

  async function save() {
    const nextErrors: Record<string, string> = {};
    if (!editing && enrollmentId === '') nextErrors.enrollmentId = t('form.pickPerson');
    const hours = hoursPerWeek.trim() === '' ? null : Number(hoursPerWeek.replace(',', '.'));
    if (hours !== null && !Number.isFinite(hours)) nextErrors.hoursPerWeek = t('form.hoursInvalid');
    if (Object.keys(nextErrors).length > 0) return setErrors(nextErrors);
    setBusy(true);
    setErrors({});
    setGeneral(null);
    const fields = {
      site,
      activity,
      applicationDate: applicationDate || null,
      startDate,
      plannedEndDate: plannedEndDate || null,
      hoursPerWeek: hours,
      agreementSignedOn: agreementSignedOn || null,
    };
    try {
      const saved = editing
        ? await invoke('placements.update', { id: editing.id, ...fields })
        : await invoke('placements.create', {
            ...fields,
            enrollmentId: Number(enrollmentId),
            communeId,
            status: waiting ? 'wartend' : 'aktiv',
            quotaOverrideReason: reason || null,
          });
      notify.success(t(editing ? 'form.updated' : 'form.created'));
      if (saved.warnings.length > 0) setSavedWarnings(saved.warnings);
      else onClose(true);
    } catch (err) {
      if (err instanceof ApiError) {
        const fields = err.error.details?.fields ?? [];
        setErrors(Object.fromEntries(fields.map((f) => [f.path, f.message])));
        setGeneral(err.message);
      } else setGeneral(errorText(err));
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
            <DialogTitle>{editing ? t('form.editTitle', { name: editing.participantName }) : t('form.title')}</DialogTitle>
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
                  {props.mode === 'new' ? (
                    <>
                      <CandidateField programId={props.program.id} value={enrollmentId} onChange={setEnrollmentId} error={errors.enrollmentId} />
                      <Field label={t('form.commune')} required validationMessage={errors.communeId}>
                        <Select value={String(communeId)} onChange={(_, d) => setCommuneId(Number(d.value))}>
                          {props.program.communes.map((c) => (
                            <option key={c.communeId} value={c.communeId}>
                              {c.communeName}
                            </option>
                          ))}
                        </Select>
                      </Field>
                    </>
                  ) : (
                    <Text className={styles.wide} weight="semibold" data-testid="placement-edit-who">
                      {t('form.editWho', { name: props.placement.participantName, commune: props.placement.communeName })}
                    </Text>
                  )}
                  <Field label={t('form.hoursPerWeek')} validationMessage={errors.hoursPerWeek}>
                    <Input inputMode="decimal" value={hoursPerWeek} onChange={(_, d) => setHoursPerWeek(d.value)} autoFocus={editing !== null} />
                  </Field>
                  <Field label={t('form.site')} required validationMessage={errors.site}>
                    <Input value={site} placeholder={t('form.sitePlaceholder')} onChange={(_, d) => setSite(d.value)} />
                  </Field>
                  <Field label={t('form.activity')} required validationMessage={errors.activity}>
                    <Input value={activity} placeholder={t('form.activityPlaceholder')} onChange={(_, d) => setActivity(d.value)} />
                  </Field>
                  <Field label={t('form.applicationDate')} validationMessage={errors.applicationDate}>
                    <DateField value={applicationDate} onChange={(_, d) => setApplicationDate(d.value)} />
                  </Field>
                  <Field label={t('form.agreementSignedOn')} validationMessage={errors.agreementSignedOn}>
                    <DateField value={agreementSignedOn} onChange={(_, d) => setAgreementSignedOn(d.value)} />
                  </Field>
                  <Field label={t('form.startDate')} required validationMessage={errors.startDate}>
                    <DateField value={startDate} onChange={(_, d) => setStartDate(d.value)} />
                  </Field>
                  <Field label={t('form.plannedEndDate')} validationMessage={errors.plannedEndDate}>
                    <DateField value={plannedEndDate} onChange={(_, d) => setPlannedEndDate(d.value)} />
                  </Field>
                  {!editing && (
                    <Checkbox className={styles.wide} checked={waiting} onChange={(_, d) => setWaiting(d.checked === true)} label={t('form.waiting')} />
                  )}
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
                    {t(editing ? 'form.rateFixed' : 'form.rate', { rate: formatEuro(rateCents) })}
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
