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
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../../shared/domain/dates.js';
import {
  placementInput,
  placementUpdateInput,
  type CommuneBoard,
  type Placement,
  type PlacementInput,
  type PlacementUpdateInput,
  type PlacementWarning,
} from '../../../../shared/domain/placements.js';
import type { Program } from '../../../../shared/domain/programs.js';
import { invoke } from '../../api/client.js';
import { formatDate, formatEuro } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { FormCheckbox, FormDate, FormInput, FormSelect, FormTextarea } from '../../components/form/fields.js';
import { FormErrorBar } from '../../components/form/FormDialog.js';
import { useLotseForm } from '../../components/form/useLotseForm.js';

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
  const [savedWarnings, setSavedWarnings] = useState<PlacementWarning[] | null>(null);
  const f = useLotseForm({
    schema: editing ? placementUpdateInput : placementInput,
    defaultValues: {
      enrollmentId: '',
      communeId: String(props.mode === 'new' ? props.communeId : props.placement.communeId),
      site: editing?.site ?? '',
      activity: editing?.activity ?? '',
      applicationDate: editing?.applicationDate ?? '',
      startDate: editing?.startDate ?? todayIso(),
      plannedEndDate: editing?.plannedEndDate ?? '',
      hoursPerWeek: editing ? (editing.hoursPerWeek === null ? '' : String(editing.hoursPerWeek).replace('.', ',')) : '20',
      agreementSignedOn: editing?.agreementSignedOn ?? '',
      waiting: false,
      quotaOverrideReason: '',
    },
    toInput: (v) => ({
      site: v.site,
      activity: v.activity,
      applicationDate: v.applicationDate || null,
      startDate: v.startDate,
      plannedEndDate: v.plannedEndDate || null,
      hoursPerWeek: v.hoursPerWeek.trim() === '' ? null : Number(v.hoursPerWeek.replace(',', '.')),
      agreementSignedOn: v.agreementSignedOn || null,
      ...(editing
        ? { id: editing.id }
        : {
            enrollmentId: Number(v.enrollmentId),
            communeId: Number(v.communeId),
            status: v.waiting ? ('wartend' as const) : ('aktiv' as const),
            quotaOverrideReason: v.quotaOverrideReason || null,
          }),
    }),
    // no person chosen and hours that are no number get the dialog's own words
    check: (v) => {
      const out: Record<string, string> = {};
      if (!editing && v.enrollmentId === '') out.enrollmentId = t('form.pickPerson');
      if (v.hoursPerWeek.trim() !== '' && !Number.isFinite(Number(v.hoursPerWeek.replace(',', '.')))) out.hoursPerWeek = t('form.hoursInvalid');
      return out;
    },
    keepMessage: true,
    submit: (input) =>
      editing
        ? invoke('placements.update', { ...(input as PlacementUpdateInput), id: editing.id })
        : invoke('placements.create', input as PlacementInput),
    onSaved: (saved) => {
      notify.success(t(editing ? 'form.updated' : 'form.created'));
      if (saved.warnings.length > 0) setSavedWarnings(saved.warnings);
      else onClose(true);
    },
  });
  const [communeId, waiting] = f.form.watch(['communeId', 'waiting']);
  const commune = props.mode === 'new' ? props.board.find((b) => b.communeId === Number(communeId)) : undefined;
  const full = !waiting && commune !== undefined && commune.free === 0;
  const rateCents = props.mode === 'new' ? props.program.hourlyRateCents : props.placement.rateCents;
  const close = () => (savedWarnings ? onClose(true) : f.requestLeave(() => onClose(false)));

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && close()}>
      <DialogSurface>
        <form
          noValidate
          onSubmit={(e) => {
            if (!savedWarnings) return f.onSubmit(e);
            e.preventDefault();
            onClose(true);
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
                  <div className={styles.wide}>
                    <FormErrorBar message={f.formError} />
                  </div>
                  {props.mode === 'new' ? (
                    <>
                      <Controller
                        control={f.control}
                        name="enrollmentId"
                        render={({ field, fieldState }) => (
                          <CandidateField programId={props.program.id} value={field.value} onChange={field.onChange} error={fieldState.error?.message} />
                        )}
                      />
                      <FormSelect form={f} name="communeId" label={t('form.commune')} required>
                        {props.program.communes.map((c) => (
                          <option key={c.communeId} value={c.communeId}>
                            {c.communeName}
                          </option>
                        ))}
                      </FormSelect>
                    </>
                  ) : (
                    <Text className={styles.wide} weight="semibold" data-testid="placement-edit-who">
                      {t('form.editWho', { name: props.placement.participantName, commune: props.placement.communeName })}
                    </Text>
                  )}
                  <FormInput form={f} name="hoursPerWeek" label={t('form.hoursPerWeek')} inputMode="decimal" autoFocus={editing !== null} />
                  <FormInput form={f} name="site" label={t('form.site')} required placeholder={t('form.sitePlaceholder')} />
                  <FormInput form={f} name="activity" label={t('form.activity')} required placeholder={t('form.activityPlaceholder')} />
                  <FormDate form={f} name="applicationDate" label={t('form.applicationDate')} />
                  <FormDate form={f} name="agreementSignedOn" label={t('form.agreementSignedOn')} />
                  <FormDate form={f} name="startDate" label={t('form.startDate')} required />
                  <FormDate form={f} name="plannedEndDate" label={t('form.plannedEndDate')} />
                  {!editing && <FormCheckbox form={f} name="waiting" fieldClassName={styles.wide} label={t('form.waiting')} />}
                  {full && (
                    <>
                      <MessageBar intent="warning" className={styles.wide}>
                        <MessageBarBody>{t('form.quotaFull')}</MessageBarBody>
                      </MessageBar>
                      <FormTextarea form={f} name="quotaOverrideReason" fieldClassName={styles.wide} label={t('form.quotaOverrideReason')} />
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
                  <Button appearance="secondary" onClick={close}>
                    {t('common:actions.cancel')}
                  </Button>
                  <Button appearance="primary" type="submit" disabled={f.busy}>
                    {t('common:actions.save')}
                  </Button>
                </>
              )}
            </DialogActions>
          </DialogBody>
        </form>
        {f.discardPrompt}
      </DialogSurface>
    </Dialog>
  );
}
