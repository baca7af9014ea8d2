import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { residenceTitles } from '../../../../shared/rules/residence-titles.js';
import { characteristicsOf, EntryCharacteristicsFields, fromTriState, type CharacteristicsState } from './EntryCharacteristicsFields.js';

/** the catalogue's labels: a corrected status is a title of the catalogue (its code follows from the label) */
const titleLabels = residenceTitles.map((x) => x.label);

/** The form's characteristics as the correction takes them ("" = keine Angabe = null). */
function correctedCharacteristics(c: CharacteristicsState) {
  return {
    employmentStatus: (c.employmentStatus || null) as EntryCorrectionInput['employmentStatus'],
    iscedGroup: (c.iscedGroup || null) as EntryCorrectionInput['iscedGroup'],
    qualificationRecognition: (c.qualificationRecognition || null) as EntryCorrectionInput['qualificationRecognition'],
    migrationBackground: fromTriState(c.migrationBackground),
    arrivalInGermany: c.arrivalInGermany || null,
    interpreterLanguage: c.interpreterLanguage.trim() || null,
    childcareNeed: fromTriState(c.childcareNeed),
  };
}
import { entryCorrectionInput, type Enrollment, type EntryCorrectionInput } from '../../../../shared/domain/enrollments.js';
import { germanLevels, genders } from '../../../../shared/domain/participants.js';
import { invoke } from '../../api/client.js';
import { FormInput, FormSelect, FormTextarea } from '../../components/form/fields.js';
import { FormDialog } from '../../components/form/FormDialog.js';
import { useLotseForm } from '../../components/form/useLotseForm.js';
import { useCall } from '../../components/useCall.js';
import { CommuneOptions, CountryList, GermanLevelOptions } from './personOptions.js';
import { useNotify } from '../../components/useNotify.js';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
  wide: { gridColumn: '1 / span 2' },
});

type Entry = NonNullable<Enrollment['entry']>;

/**
 * Corrects the characteristics stored at entry. Reports count from them, so a change needs a reason, which the
 * Protokoll keeps with the before and after values.
 */
export function CorrectEntryDialog({ enrollment, entry, onClose }: { enrollment: Enrollment; entry: Entry; onClose: (changed: boolean) => void }) {
  const styles = useStyles();
  const { t } = useTranslation('participants');
  const notify = useNotify();
  const communes = useCall('communes.list', {});
  const f = useLotseForm({
    schema: entryCorrectionInput,
    defaultValues: {
      birthYear: entry.birthYear === null ? '' : String(entry.birthYear),
      gender: entry.gender ?? '',
      communeId: entry.communeId === null ? '' : String(entry.communeId),
      residenceStatus: entry.residenceStatus ?? '',
      nationality: entry.nationality ?? '',
      germanLevel: entry.germanLevel ?? '',
      reason: '',
      characteristics: characteristicsOf(entry),
    },
    toInput: (v) => ({
      id: enrollment.id,
      birthYear: v.birthYear.trim() === '' ? null : Number(v.birthYear),
      gender: v.gender === '' ? null : (v.gender as (typeof genders)[number]),
      communeId: v.communeId === '' ? null : Number(v.communeId),
      residenceStatus: v.residenceStatus === '' ? null : v.residenceStatus,
      nationality: v.nationality.trim() === '' ? null : v.nationality.trim(),
      germanLevel: v.germanLevel === '' ? null : (v.germanLevel as (typeof germanLevels)[number]),
      ...correctedCharacteristics(v.characteristics),
      reason: v.reason.trim(),
    }),
    // the dialog's own words for a missing reason and a year that is no whole number
    check: (v) => {
      const out: Record<string, string> = {};
      if (v.reason.trim().length < 3) out.reason = t('entry.reasonRequired');
      if (v.birthYear.trim() !== '' && !Number.isInteger(Number(v.birthYear))) out.birthYear = t('entry.yearInvalid');
      return out;
    },
    fieldOf: (path, v) => (path.split('.')[0]! in v.characteristics ? `characteristics.${path}` : path),
    submit: (input) => invoke('enrollments.correctEntry', input),
    onSaved: () => {
      notify.success(t('entry.corrected'));
      onClose(true);
    },
  });
  const residenceStatus = f.form.watch('residenceStatus');

  return (
    <FormDialog
      form={f}
      title={t('entry.correctTitle', { program: enrollment.programName })}
      submitLabel={t('entry.saveCorrection')}
      onClose={() => onClose(false)}
      contentClassName={styles.grid}
    >
      <Text className={styles.wide}>{t('entry.correctHint')}</Text>
      <FormInput form={f} name="birthYear" label={t('entry.birthYear')} type="number" />
      <FormSelect form={f} name="gender" label={t('fields.gender')}>
        <option value="">{t('gender.none')}</option>
        {genders.map((g) => (
          <option key={g} value={g}>
            {t(`gender.${g}`)}
          </option>
        ))}
      </FormSelect>
      <FormSelect form={f} name="communeId" label={t('fields.communeId')}>
        <CommuneOptions communes={communes.data ?? []} none={t('none')} />
      </FormSelect>
      <FormSelect form={f} name="residenceStatus" label={t('fields.residenceStatus')}>
        <option value="">{t('none')}</option>
        {!titleLabels.includes(residenceStatus) && residenceStatus !== '' && <option value={residenceStatus}>{residenceStatus}</option>}
        {titleLabels.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </FormSelect>
      <FormInput form={f} name="nationality" label={t('fields.nationality')} list="lotse-entry-countries" />
      <CountryList id="lotse-entry-countries" />
      <FormSelect form={f} name="germanLevel" label={t('fields.germanLevel')}>
        <GermanLevelOptions none={t('none')} />
      </FormSelect>
      <Controller
        control={f.control}
        name="characteristics"
        render={({ field }) => (
          <EntryCharacteristicsFields value={field.value} onChange={field.onChange} errors={f.errorsUnder('characteristics')} withAsylblg={false} />
        )}
      />
      <FormTextarea form={f} name="reason" fieldClassName={styles.wide} label={t('entry.reason')} required />
    </FormDialog>
  );
}
