import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  participantInput,
  type DuplicateMatch,
  type Participant,
  type ParticipantInput,
} from '../../../../shared/domain/participants.js';
import { ApiError, errorText, invoke } from '../../api/client.js';
import { FormCheckbox, FormDate, FormInput, FormSelect, FormTextarea } from '../../components/form/fields.js';
import { FormErrorBar } from '../../components/form/FormDialog.js';
import { useLotseForm, useNavigationGuard } from '../../components/form/useLotseForm.js';
import { formatDate } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { characteristicsInput, characteristicsOf, EntryCharacteristicsFields } from './EntryCharacteristicsFields.js';
import { CommuneOptions, CountryList, GermanLevelOptions } from './personOptions.js';
import { TitleHistoryFields, titleInputsOf, titleRowsOf } from './TitleHistoryFields.js';

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

function valuesOf(p: Participant | null) {
  const text: Record<TextKey, string> = {
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
  return {
    ...text,
    consentSuccessStory: p?.consentSuccessStory ?? false,
    consentSharePartners: p?.consentSharePartners ?? false,
    titles: titleRowsOf(p?.titles ?? []),
    characteristics: characteristicsOf(p),
  };
}
type Values = ReturnType<typeof valuesOf>;

function inputOf(v: Values, p: Participant | null): ParticipantInput {
  const { titles, characteristics, ...rest } = v;
  return {
    ...rest,
    communeId: v.communeId === '' ? null : Number(v.communeId),
    consentPrograms: p?.consentPrograms ?? [],
    // the titles decide; without any, only an old value waiting for a decision is kept (removing every title clears)
    residenceStatus: p?.residenceStatusOpen ? p.residenceStatus : null,
    titles: titleInputsOf(titles),
    ...characteristicsInput(characteristics),
  };
}

/**
 * The form's field of a schema path: the entry characteristics sit under `characteristics`, and a title's index
 * counts only the rows with a title chosen (empty rows are not sent).
 */
function fieldOfPath(path: string, v: Values): string {
  const title = /^titles\.(\d+)(\..*)?$/.exec(path);
  if (title) {
    const filled = v.titles.flatMap((r, i) => (r.titleCode !== '' ? [i] : []));
    return `titles.${filled[Number(title[1])] ?? title[1]}${title[2] ?? ''}`;
  }
  const key = path.split('.')[0]!;
  return key in v.characteristics ? `characteristics.${path}` : path;
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
  const navigate = useNavigate();
  const communes = useCall('communes.list', {});
  const [duplicates, setDuplicates] = useState<DuplicateMatch[] | null>(null);
  const [stale, setStale] = useState<string | null>(null);
  // "Trotzdem speichern" saves through the same form with the duplicate confirmed
  const confirmDuplicate = useRef(false);
  const f = useLotseForm({
    schema: participantInput,
    defaultValues: valuesOf(participant),
    toInput: (v) => inputOf(v, participant),
    fieldOf: fieldOfPath,
    submit: (input) =>
      participant
        ? invoke('participants.update', { id: participant.id, data: input, confirmDuplicate: confirmDuplicate.current, expectedUpdatedAt: participant.updatedAt })
        : invoke('participants.create', { data: input, confirmDuplicate: confirmDuplicate.current }),
    onSaved: (saved) => {
      setDuplicates(null);
      setStale(null);
      onSaved(saved);
    },
    onFailure: (err) => {
      if (err instanceof ApiError && err.code === 'conflict' && err.error.details?.changedAt !== undefined) {
        // someone saved this person meanwhile: say who, keep what was typed, offer to load the newer state
        setStale(errorText(err));
        return true;
      }
      if (err instanceof ApiError && err.code === 'duplicate') {
        setDuplicates((err.error.details?.matches as DuplicateMatch[] | undefined) ?? []);
        return true;
      }
      return false;
    },
  });
  useNavigationGuard(f);
  const save = (confirm: boolean) => {
    confirmDuplicate.current = confirm;
    void f.save();
  };

  // Ask while typing, so a coordinator sees "already registered" before filling in the rest of the form.
  const [lastName, firstName, birthDate, caseNumber, communeId, nationality] = f.form.watch([
    'lastName',
    'firstName',
    'birthDate',
    'caseNumber',
    'communeId',
    'nationality',
  ]);
  const exceptId = participant?.id ?? null;
  const { setError, clearErrors, getFieldState } = f.form;
  useEffect(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate) && caseNumber.trim() === '') return;
    let live = true;
    const timer = setTimeout(() => {
      invoke('participants.checkDuplicates', { lastName, firstName, birthDate: birthDate || null, caseNumber: caseNumber || null, exceptId }).then(
        (matches) => {
          if (!live) return;
          const byName = matches.filter((m) => m.by === 'name');
          setDuplicates(byName.length > 0 ? byName : null);
          if (matches.some((m) => m.by === 'caseNumber')) setError('caseNumber', { type: 'duplicate', message: t('duplicate.caseNumberTaken') });
          else if (getFieldState('caseNumber').error?.type === 'duplicate') clearErrors('caseNumber');
        },
        () => undefined,
      );
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [lastName, firstName, birthDate, caseNumber, exceptId, t, setError, clearErrors, getFieldState]);

  const text = (k: TextKey, opts: { required?: boolean; type?: 'date' | 'email' | 'tel' } = {}) =>
    opts.type === 'date' ? (
      <FormDate form={f} name={k} label={t(`fields.${k}`)} required={opts.required} />
    ) : (
      <FormInput form={f} name={k} label={t(`fields.${k}`)} required={opts.required} type={opts.type} />
    );

  return (
    <form
      noValidate
      className={styles.form}
      onSubmit={(e) => {
        confirmDuplicate.current = false;
        f.onSubmit(e);
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
                <Button size="small" onClick={() => f.leaveWithoutAsking(() => navigate(`/teilnehmende/${m.id}`))}>
                  {t('duplicate.open')}
                </Button>
              </div>
            ))}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" disabled={f.busy} onClick={() => save(true)}>
              {t('duplicate.saveAnyway')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <fieldset className={styles.fieldset}>
        <legend>{t('sections.person')}</legend>
        <FormInput form={f} name="lastName" label={t('fields.lastName')} required autoFocus={!participant} />
        {text('firstName', { required: true })}
        {text('birthDate', { type: 'date' })}
        <FormSelect form={f} name="gender" label={t('fields.gender')}>
          <option value="">{t('gender.none')}</option>
          <option value="w">{t('gender.w')}</option>
          <option value="m">{t('gender.m')}</option>
          <option value="d">{t('gender.d')}</option>
        </FormSelect>
        <FormInput
          form={f}
          name="nationality"
          label={t('fields.nationality')}
          list="lotse-countries"
          note={
            participant?.nationalityOpen
              ? { message: nationality === participant.nationality ? t('model.openNationality') : '', state: 'warning' }
              : undefined
          }
        />
        <CountryList id="lotse-countries" />
        {text('caseNumber')}
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>{t('sections.residence')}</legend>
        <FormSelect
          form={f}
          name="communeId"
          label={t('fields.communeId')}
          note={participant?.communeText && communeId === '' ? { message: t('model.openCommune', { value: participant.communeText }), state: 'warning' } : undefined}
        >
          <CommuneOptions communes={communes.data ?? []} none={t('none')} />
        </FormSelect>
        <Controller
          control={f.control}
          name="titles"
          render={({ field }) => (
            <TitleHistoryFields
              rows={field.value}
              onChange={field.onChange}
              errors={f.errors}
              openValue={participant?.residenceStatusOpen ? participant.residenceStatus : null}
              currentCode={participant?.residenceTitleCode ?? null}
            />
          )}
        />
        {text('arrivalInSaxony', { type: 'date' })}
        <FormSelect form={f} name="germanLevel" label={t('fields.germanLevel')}>
          <GermanLevelOptions none={t('none')} />
        </FormSelect>
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>{t('model.section')}</legend>
        <Controller
          control={f.control}
          name="characteristics"
          render={({ field }) => <EntryCharacteristicsFields value={field.value} onChange={field.onChange} errors={f.errorsUnder('characteristics')} />}
        />
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
        <FormCheckbox form={f} name="consentSuccessStory" label={t('fields.consentSuccessStory')} />
        <FormCheckbox form={f} name="consentSharePartners" label={t('fields.consentSharePartners')} />
      </fieldset>
      <FormTextarea form={f} name="notes" label={t('fields.notes')} resize="vertical" />
      <FormErrorBar message={f.formError} />
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={f.busy}>
          {t('common:actions.save')}
        </Button>
        {onCancel && <Button onClick={() => f.requestLeave(onCancel)}>{t('common:actions.cancel')}</Button>}
      </div>
      {f.discardPrompt}
    </form>
  );
}
