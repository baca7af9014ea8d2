import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { nationalityOptions } from '../../../../shared/rules/countries.js';
import {
  germanLevels,
  participantInput,
  type DuplicateMatch,
  type Participant,
  type ParticipantInput,
} from '../../../../shared/domain/participants.js';
import { ApiError, errorText, invoke } from '../../api/client.js';
import { DateField } from '../../components/DateField.js';
import { formatDate } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { fieldErrors } from '../../components/zodFields.js';
import { characteristicsInput, characteristicsOf, EntryCharacteristicsFields } from './EntryCharacteristicsFields.js';
import { TitleHistoryFields, titleInputsOf, titleRowsOf } from './TitleHistoryFields.js';

const countryNames = nationalityOptions().map((n) => n.name);

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '960px' },
  fieldset: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  wide: { gridColumn: '1 / -1' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  match: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

type TextKey =
  | 'lastName'
  | 'firstName'
  | 'birthDate'
  | 'gender'
  | 'nationality'
  | 'communeId'
  | 'residenceStatus'
  | 'arrivalInSaxony'
  | 'germanLevel'
  | 'phone'
  | 'email'
  | 'caseNumber'
  | 'caseManager'
  | 'referredBy'
  | 'socialWorker'
  | 'consentDate'
  | 'consentWithdrawnOn'
  | 'notes';

function initial(p: Participant | null): Record<TextKey, string> {
  return {
    lastName: p?.lastName ?? '',
    firstName: p?.firstName ?? '',
    birthDate: p?.birthDate ?? '',
    gender: p?.gender ?? '',
    nationality: p?.nationality ?? '',
    communeId: p?.communeId ? String(p.communeId) : '',
    residenceStatus: p?.residenceStatus ?? '',
    arrivalInSaxony: p?.arrivalInSaxony ?? '',
    germanLevel: p?.germanLevel ?? '',
    phone: p?.phone ?? '',
    email: p?.email ?? '',
    caseNumber: p?.caseNumber ?? '',
    caseManager: p?.caseManager ?? '',
    referredBy: p?.referredBy ?? '',
    socialWorker: p?.socialWorker ?? '',
    consentDate: p?.consentDate ?? '',
    consentWithdrawnOn: p?.consentWithdrawnOn ?? '',
    notes: p?.notes ?? '',
  };
}

/**
 * The Stammdaten form, for a new person and for editing. Validates with the shared schema before sending; the
 * server's duplicate answer is shown with "Öffnen" and "Trotzdem speichern".
 */
export function ParticipantForm({
  participant,
  onSaved,
  onCancel,
}: {
  participant: Participant | null;
  onSaved: (p: Participant) => void;
  onCancel?: () => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation('participants');
  const notify = useNotify();
  const navigate = useNavigate();
  const communes = useCall('communes.list', {});
  const [form, setForm] = useState(() => initial(participant));
  const [consent, setConsent] = useState({
    consentSuccessStory: participant?.consentSuccessStory ?? false,
    consentSharePartners: participant?.consentSharePartners ?? false,
  });
  const [titles, setTitles] = useState(() => titleRowsOf(participant?.titles ?? []));
  const [characteristics, setCharacteristics] = useState(() => characteristicsOf(participant));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [duplicates, setDuplicates] = useState<DuplicateMatch[] | null>(null);
  const [stale, setStale] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (k: TextKey) => (_: unknown, d: { value: string }) => setForm((f) => ({ ...f, [k]: d.value }));

  // Ask while typing, so a coordinator sees "already registered" before filling in the rest of the form.
  const { lastName, firstName, birthDate, caseNumber } = form;
  const exceptId = participant?.id ?? null;
  useEffect(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate) && caseNumber.trim() === '') return;
    let live = true;
    const timer = setTimeout(() => {
      invoke('participants.checkDuplicates', { lastName, firstName, birthDate: birthDate || null, caseNumber: caseNumber || null, exceptId }).then(
        (matches) => {
          if (!live) return;
          const byName = matches.filter((m) => m.by === 'name');
          setDuplicates(byName.length > 0 ? byName : null);
          const caseTaken = matches.some((m) => m.by === 'caseNumber');
          setErrors((e) => {
            const { caseNumber: _old, ...rest } = e;
            return caseTaken ? { ...rest, caseNumber: t('duplicate.caseNumberTaken') } : rest;
          });
        },
        () => undefined,
      );
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [lastName, firstName, birthDate, caseNumber, exceptId, t]);

  function buildInput(): ParticipantInput {
    return {
      ...form,
      communeId: form.communeId === '' ? null : Number(form.communeId),
      consentPrograms: participant?.consentPrograms ?? [],
      ...consent,
      // the titles decide; without any, only an old value waiting for a decision is kept (removing every title clears)
      residenceStatus: participant?.residenceStatusOpen ? participant.residenceStatus : null,
      titles: titleInputsOf(titles),
      ...characteristicsInput(characteristics),
    };
  }

  async function save(confirmDuplicate: boolean) {
    const input = buildInput();
    const parsed = participantInput.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = participant
        ? await invoke('participants.update', { id: participant.id, data: input, confirmDuplicate, expectedUpdatedAt: participant.updatedAt })
        : await invoke('participants.create', { data: input, confirmDuplicate });
      setDuplicates(null);
      setStale(null);
      onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict' && err.error.details?.changedAt !== undefined) {
        // someone saved this person meanwhile: say who, keep what was typed, offer to load the newer state
        setStale(errorText(err));
      } else if (err instanceof ApiError && err.code === 'duplicate') {
        setDuplicates((err.error.details?.matches as DuplicateMatch[] | undefined) ?? []);
      } else if (err instanceof ApiError && err.error.details?.fields?.length) {
        // the handler's paths carry the "data." of the procedure input; the form's do not
        setErrors(Object.fromEntries(err.error.details.fields.map((f) => [f.path.replace(/^data\./, ''), f.message])));
      } else {
        notify.failure(err);
      }
    } finally {
      setBusy(false);
    }
  }

  const text = (k: TextKey, opts: { required?: boolean; type?: 'date' | 'email' | 'tel'; wide?: boolean } = {}) => (
    <Field label={t(`fields.${k}`)} required={opts.required} validationMessage={errors[k]} className={opts.wide ? styles.wide : undefined}>
      {opts.type === 'date' ? (
        <DateField value={form[k]} onChange={set(k)} />
      ) : (
        <Input type={opts.type} value={form[k]} onChange={set(k)} />
      )}
    </Field>
  );

  return (
    <form
      noValidate
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        void save(false);
      }}
    >
      {stale !== null && (
        <MessageBar intent="warning" layout="multiline" data-testid="stale-warning">
          <MessageBarBody>{stale}</MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => window.location.reload()}>
              {t('stale.reload')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {duplicates !== null && (
        <MessageBar intent="warning" layout="multiline" data-testid="duplicate-warning">
          <MessageBarBody>
            <MessageBarTitle>{t('duplicate.title')}</MessageBarTitle>
            <Text block>{t('duplicate.body')}</Text>
            {duplicates.map((m) => (
              <div key={m.id} className={styles.match}>
                <Text>
                  {t('duplicate.match', { name: `${m.lastName ?? ''}, ${m.firstName ?? ''}`, birthDate: formatDate(m.birthDate) })}
                  {m.archived ? ` ${t('duplicate.archived')}` : ''}
                </Text>
                <Button size="small" onClick={() => navigate(`/teilnehmende/${m.id}`)}>
                  {t('duplicate.open')}
                </Button>
              </div>
            ))}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" disabled={busy} onClick={() => void save(true)}>
              {t('duplicate.saveAnyway')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <fieldset className={styles.fieldset}>
        <legend>{t('sections.person')}</legend>
        <Field label={t('fields.lastName')} required validationMessage={errors.lastName}>
          <Input value={form.lastName} onChange={set('lastName')} autoFocus={!participant} />
        </Field>
        {text('firstName', { required: true })}
        {text('birthDate', { type: 'date' })}
        <Field label={t('fields.gender')} validationMessage={errors.gender}>
          <Select value={form.gender} onChange={set('gender')}>
            <option value="">{t('gender.none')}</option>
            <option value="w">{t('gender.w')}</option>
            <option value="m">{t('gender.m')}</option>
            <option value="d">{t('gender.d')}</option>
          </Select>
        </Field>
        <Field
          label={t('fields.nationality')}
          validationMessage={errors.nationality ?? (participant?.nationalityOpen && form.nationality === participant.nationality ? t('model.openNationality') : undefined)}
          validationState={errors.nationality ? 'error' : participant?.nationalityOpen ? 'warning' : 'none'}
        >
          <Input value={form.nationality} onChange={set('nationality')} list="lotse-countries" />
        </Field>
        <datalist id="lotse-countries">
          {countryNames.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        {text('caseNumber')}
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>{t('sections.residence')}</legend>
        <Field
          label={t('fields.communeId')}
          validationMessage={errors.communeId ?? (participant?.communeText && form.communeId === '' ? t('model.openCommune', { value: participant.communeText }) : undefined)}
          validationState={errors.communeId ? 'error' : participant?.communeText && form.communeId === '' ? 'warning' : 'none'}
        >
          <Select value={form.communeId} onChange={set('communeId')}>
            <option value="">{t('none')}</option>
            {(communes.data ?? []).map((c) => (
              <option key={c.id} value={String(c.id)}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
        <TitleHistoryFields
          rows={titles}
          onChange={setTitles}
          errors={errors}
          openValue={participant?.residenceStatusOpen ? participant.residenceStatus : null}
          currentCode={participant?.residenceTitleCode ?? null}
        />
        {text('arrivalInSaxony', { type: 'date' })}
        <Field label={t('fields.germanLevel')} validationMessage={errors.germanLevel}>
          <Select value={form.germanLevel} onChange={set('germanLevel')}>
            <option value="">{t('none')}</option>
            {germanLevels.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </Select>
        </Field>
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>{t('model.section')}</legend>
        <EntryCharacteristicsFields value={characteristics} onChange={setCharacteristics} errors={errors} />
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>{t('sections.contact')}</legend>
        {text('phone', { type: 'tel' })}
        {text('email', { type: 'email' })}
        {text('caseManager')}
        {text('referredBy')}
        {text('socialWorker')}
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>{t('sections.consent')}</legend>
        {text('consentDate', { type: 'date' })}
        {text('consentWithdrawnOn', { type: 'date' })}
        <Checkbox
          label={t('fields.consentSuccessStory')}
          checked={consent.consentSuccessStory}
          onChange={(_, d) => setConsent((c) => ({ ...c, consentSuccessStory: d.checked === true }))}
        />
        <Checkbox
          label={t('fields.consentSharePartners')}
          checked={consent.consentSharePartners}
          onChange={(_, d) => setConsent((c) => ({ ...c, consentSharePartners: d.checked === true }))}
        />
      </fieldset>
      <Field label={t('fields.notes')} validationMessage={errors.notes}>
        <Textarea value={form.notes} onChange={set('notes')} resize="vertical" />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('common:actions.save')}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('common:actions.cancel')}</Button>}
      </div>
    </form>
  );
}
