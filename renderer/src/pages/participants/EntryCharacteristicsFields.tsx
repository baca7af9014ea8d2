import { Field, Input, Select } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.js';
import {
  employmentStatuses,
  employmentStatusLabels,
  iscedGroupLabels,
  iscedGroups,
  recognitionStatuses,
  recognitionStatusLabels,
} from '../../../../shared/domain/participant-model.js';

/** The characteristics a funder asks for at entry (issue 14 item 3), as strings of the form ("" = keine Angabe). */
export interface CharacteristicsState {
  employmentStatus: string;
  iscedGroup: string;
  qualificationRecognition: string;
  migrationBackground: string;
  arrivalInGermany: string;
  interpreterLanguage: string;
  childcareNeed: string;
  asylblgEntitled: string;
}

const triState = (v: boolean | null | undefined) => (v === true ? 'ja' : v === false ? 'nein' : '');
export const fromTriState = (v: string) => (v === 'ja' ? true : v === 'nein' ? false : null);

export function characteristicsOf(p: {
  employmentStatus?: string | null;
  iscedGroup?: string | null;
  qualificationRecognition?: string | null;
  migrationBackground?: boolean | null;
  arrivalInGermany?: string | null;
  interpreterLanguage?: string | null;
  childcareNeed?: boolean | null;
  asylblgEntitled?: boolean | null;
} | null): CharacteristicsState {
  return {
    employmentStatus: p?.employmentStatus ?? '',
    iscedGroup: p?.iscedGroup ?? '',
    qualificationRecognition: p?.qualificationRecognition ?? '',
    migrationBackground: triState(p?.migrationBackground),
    arrivalInGermany: p?.arrivalInGermany ?? '',
    interpreterLanguage: p?.interpreterLanguage ?? '',
    childcareNeed: triState(p?.childcareNeed),
    asylblgEntitled: triState(p?.asylblgEntitled),
  };
}

export function characteristicsInput(s: CharacteristicsState) {
  return {
    employmentStatus: s.employmentStatus as '',
    iscedGroup: s.iscedGroup as '',
    qualificationRecognition: s.qualificationRecognition as '',
    migrationBackground: fromTriState(s.migrationBackground),
    arrivalInGermany: s.arrivalInGermany,
    interpreterLanguage: s.interpreterLanguage,
    childcareNeed: fromTriState(s.childcareNeed),
    asylblgEntitled: fromTriState(s.asylblgEntitled),
  };
}

export function EntryCharacteristicsFields({
  value,
  onChange,
  errors,
  withAsylblg = true,
}: {
  value: CharacteristicsState;
  onChange: (v: CharacteristicsState) => void;
  errors: Record<string, string>;
  /** off where the entitlement is no field of its own (the entry snapshot derives it from the title) */
  withAsylblg?: boolean;
}) {
  const { t } = useTranslation('participants');
  const set = (k: keyof CharacteristicsState) => (_: unknown, d: { value: string }) => onChange({ ...value, [k]: d.value });
  const select = (k: keyof CharacteristicsState, options: ReadonlyArray<readonly [string, string]>) => (
    <Field label={t(`model.${k}`)} validationMessage={errors[k]}>
      <Select value={value[k]} onChange={set(k)}>
        <option value="">{t('none')}</option>
        {options.map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </Select>
    </Field>
  );
  const yesNo = [
    ['ja', t('model.yes')],
    ['nein', t('model.no')],
  ] as const;
  return (
    <>
      {select('employmentStatus', employmentStatuses.map((s) => [s, employmentStatusLabels[s]] as const))}
      {select('iscedGroup', iscedGroups.map((s) => [s, iscedGroupLabels[s]] as const))}
      {select('qualificationRecognition', recognitionStatuses.map((s) => [s, recognitionStatusLabels[s]] as const))}
      {select('migrationBackground', yesNo)}
      <Field label={t('model.arrivalInGermany')} validationMessage={errors.arrivalInGermany}>
        <DateField value={value.arrivalInGermany} onChange={set('arrivalInGermany')} />
      </Field>
      <Field label={t('model.interpreterLanguage')} validationMessage={errors.interpreterLanguage}>
        <Input value={value.interpreterLanguage} onChange={set('interpreterLanguage')} />
      </Field>
      {select('childcareNeed', yesNo)}
      {withAsylblg && select('asylblgEntitled', yesNo)}
    </>
  );
}
