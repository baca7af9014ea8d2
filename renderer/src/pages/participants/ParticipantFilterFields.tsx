import { Field, Select } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { residenceGroupLabels, residenceGroups } from '../../../../shared/rules/residence-groups.js';
import { enrollmentStatuses } from '../../../../shared/domain/participants.js';

/** The Teilnehmende list's select filters, as the form holds them (empty string = all). */
export interface ParticipantFilterValues {
  communeId: string;
  programId: string;
  enrollmentStatus: string;
  residenceStatus: string;
}

export const noParticipantFilters: ParticipantFilterValues = { communeId: '', programId: '', enrollmentStatus: '', residenceStatus: '' };

/** The filter values as the participants and reports contracts take them. */
export function participantFilterQuery(f: ParticipantFilterValues) {
  return {
    communeId: f.communeId ? Number(f.communeId) : null,
    programId: f.programId ? Number(f.programId) : null,
    enrollmentStatus: (f.enrollmentStatus || null) as (typeof enrollmentStatuses)[number] | null,
    residenceStatus: f.residenceStatus || null,
  };
}

/**
 * Wohnort, Programm, Teilnahmestatus and Aufenthaltsstatus selects, shared by the Teilnehmende list and the named
 * list on the Berichte page, so both offer the same filters with the same words.
 */
export function ParticipantFilterFields({
  value,
  onChange,
  communes,
  programs,
  allLabel,
}: {
  value: ParticipantFilterValues;
  onChange: (next: ParticipantFilterValues) => void;
  communes: { id: number; name: string }[];
  programs: { id: number; name: string }[];
  /** the text of the "no filter" option (the pages word it differently) */
  allLabel?: string;
}) {
  const { t } = useTranslation('participants');
  const all = allLabel ?? t('filters.all');
  const set = (k: keyof ParticipantFilterValues) => (_: unknown, d: { value: string }) => onChange({ ...value, [k]: d.value });
  return (
    <>
      <Field label={t('filters.commune')}>
        <Select value={value.communeId} onChange={set('communeId')}>
          <option value="">{all}</option>
          {communes.map((c) => (
            <option key={c.id} value={String(c.id)}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('filters.program')}>
        <Select value={value.programId} onChange={set('programId')}>
          <option value="">{all}</option>
          {programs.map((p) => (
            <option key={p.id} value={String(p.id)}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('filters.status')}>
        <Select value={value.enrollmentStatus} onChange={set('enrollmentStatus')}>
          <option value="">{all}</option>
          {enrollmentStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`enrollments.statuses.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('filters.residenceStatus')}>
        <Select value={value.residenceStatus} onChange={set('residenceStatus')}>
          <option value="">{all}</option>
          {/* by group of the title catalogue; the list service also takes a title code or an old text */}
          {residenceGroups.map((g) => (
            <option key={g} value={g}>
              {residenceGroupLabels[g]}
            </option>
          ))}
        </Select>
      </Field>
    </>
  );
}
