import { Button, Checkbox, Field, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { Commune } from '../../../../shared/domain/communes.js';
import {
  residenceStatuses,
  type EligibilityCondition,
  type EligibilityGroup,
} from '../../../../shared/domain/eligibility.js';
import { employmentStatuses, employmentStatusLabels } from '../../../../shared/domain/participant-model.js';
import { describeRule } from '../../../../shared/rules/eligibility.js';
import { residenceGroupLabels, residenceGroups } from '../../../../shared/rules/residence-groups.js';
import { labourMarketLabels } from '../../../../shared/rules/residence-titles.js';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  group: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  condition: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start', flexWrap: 'wrap' },
  options: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  summary: { color: tokens.colorNeutralForeground2 },
});

type Kind = EligibilityCondition['kind'];
const kinds: Kind[] = [
  'residenceCommune',
  'titleGroup',
  'asylblgEntitled',
  'labourMarketAccess',
  'seekingProtection',
  'migrationBackground',
  'employmentStatus',
  'ageRange',
  'maxYearsInSaxony',
  'maxYearsInGermany',
  'minAge',
  'residenceStatus',
];
/** groups below the top level the editor offers: Dresden's rule needs AND(…, OR(…, AND(…))) */
const maxDepth = 3;
const accessOptions = ['allowed', 'permission'] as const;

function fresh(kind: Kind): EligibilityCondition {
  switch (kind) {
    case 'residenceCommune':
      return { kind, communeIds: [] };
    case 'residenceStatus':
      return { kind, statuses: ['Aufenthaltsgestattung', 'Duldung'] };
    case 'minAge':
      return { kind, years: 18 };
    case 'maxYearsInSaxony':
    case 'maxYearsInGermany':
      return { kind, years: 5 };
    case 'titleGroup':
      return { kind, groups: ['asyl', 'duldung'] };
    case 'labourMarketAccess':
      return { kind, access: ['allowed', 'permission'] };
    case 'employmentStatus':
      return { kind, statuses: ['arbeitslos', 'langzeitarbeitslos', 'nicht_erwerbstaetig'] };
    case 'ageRange':
      return { kind, min: 18, max: null };
    case 'asylblgEntitled':
    case 'seekingProtection':
    case 'migrationBackground':
      return { kind };
  }
}

/** Checkboxes for a list of values of a condition. */
function Choices<T extends string>({ label, options, chosen, labelOf, onChange }: {
  label: string;
  options: readonly T[];
  chosen: readonly T[];
  labelOf: (v: T) => string;
  onChange: (next: T[]) => void;
}) {
  const styles = useStyles();
  return (
    <div className={styles.options} role="group" aria-label={label}>
      {options.map((o) => (
        <Checkbox key={o} label={labelOf(o)} checked={chosen.includes(o)} onChange={(_, d) => onChange(toggle(chosen, o, d.checked === true))} />
      ))}
    </div>
  );
}

const wholeYears = (v: string) => (v === '' ? 0 : Math.max(0, Math.trunc(Number(v)) || 0));

function isGroup(item: EligibilityCondition | EligibilityGroup): item is EligibilityGroup {
  return 'op' in item;
}

function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== value), value] : list.filter((x) => x !== value);
}

function ConditionEditor({
  value,
  communes,
  onChange,
  onRemove,
}: {
  value: EligibilityCondition;
  communes: Commune[];
  onChange: (c: EligibilityCondition) => void;
  onRemove: () => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation('programs');
  return (
    <div className={styles.condition} data-testid="rule-condition">
      <Field label={t('rule.kind')}>
        <Select value={value.kind} onChange={(_, d) => onChange(fresh(d.value as Kind))}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`rule.kinds.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      {value.kind === 'residenceCommune' && (
        <div className={styles.options} role="group" aria-label={t('rule.kinds.residenceCommune')}>
          {communes.map((c) => (
            <Checkbox
              key={c.id}
              label={c.name}
              checked={value.communeIds.includes(c.id)}
              onChange={(_, d) => onChange({ ...value, communeIds: toggle(value.communeIds, c.id, d.checked === true) })}
            />
          ))}
        </div>
      )}
      {value.kind === 'residenceStatus' && (
        <Choices
          label={t('rule.kinds.residenceStatus')}
          options={residenceStatuses}
          chosen={value.statuses as (typeof residenceStatuses)[number][]}
          labelOf={(x) => x}
          onChange={(statuses) => onChange({ ...value, statuses })}
        />
      )}
      {value.kind === 'titleGroup' && (
        <Choices
          label={t('rule.kinds.titleGroup')}
          options={residenceGroups}
          chosen={value.groups}
          labelOf={(g) => residenceGroupLabels[g]}
          onChange={(groups) => onChange({ ...value, groups })}
        />
      )}
      {value.kind === 'labourMarketAccess' && (
        <Choices
          label={t('rule.kinds.labourMarketAccess')}
          options={accessOptions}
          chosen={value.access}
          labelOf={(a) => labourMarketLabels[a]}
          onChange={(access) => onChange({ ...value, access })}
        />
      )}
      {value.kind === 'employmentStatus' && (
        <Choices
          label={t('rule.kinds.employmentStatus')}
          options={employmentStatuses}
          chosen={value.statuses}
          labelOf={(e) => employmentStatusLabels[e]}
          onChange={(statuses) => onChange({ ...value, statuses })}
        />
      )}
      {(value.kind === 'minAge' || value.kind === 'maxYearsInSaxony' || value.kind === 'maxYearsInGermany') && (
        <Field label={t('rule.years')} style={{ width: 110 }}>
          <Input type="number" min={0} value={String(value.years)} onChange={(_, d) => onChange({ ...value, years: wholeYears(d.value) })} />
        </Field>
      )}
      {value.kind === 'ageRange' && (
        <>
          <Field label={t('rule.minYears')} style={{ width: 110 }}>
            <Input
              type="number"
              min={0}
              value={value.min === null ? '' : String(value.min)}
              onChange={(_, d) => onChange({ ...value, min: d.value === '' ? null : wholeYears(d.value) })}
            />
          </Field>
          <Field label={t('rule.maxYears')} style={{ width: 110 }}>
            <Input
              type="number"
              min={0}
              value={value.max === null ? '' : String(value.max)}
              onChange={(_, d) => onChange({ ...value, max: d.value === '' ? null : wholeYears(d.value) })}
            />
          </Field>
        </>
      )}
      <Button appearance="subtle" icon={<DeleteRegular />} aria-label={t('rule.removeCondition')} onClick={onRemove} />
    </div>
  );
}

function GroupEditor({
  value,
  communes,
  depth,
  onChange,
  onRemove,
}: {
  value: EligibilityGroup;
  communes: Commune[];
  depth: number;
  onChange: (g: EligibilityGroup) => void;
  onRemove?: () => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation('programs');
  const nested = depth > 0;
  const setItem = (i: number, item: EligibilityCondition | EligibilityGroup) =>
    onChange({ ...value, items: value.items.map((x, j) => (j === i ? item : x)) });
  const removeItem = (i: number) => onChange({ ...value, items: value.items.filter((_, j) => j !== i) });
  return (
    <div className={styles.group} data-testid={nested ? 'rule-subgroup' : 'rule-group'}>
      <div className={styles.actions}>
        <Field label={nested ? t('rule.subgroupOp') : t('rule.op')}>
          <Select value={value.op} onChange={(_, d) => onChange({ ...value, op: d.value as 'and' | 'or' })}>
            <option value="and">{t('rule.and')}</option>
            <option value="or">{t('rule.or')}</option>
          </Select>
        </Field>
        {onRemove && <Button appearance="subtle" icon={<DeleteRegular />} aria-label={t('rule.removeGroup')} onClick={onRemove} />}
      </div>
      {value.items.length === 0 && <Text>{t('rule.empty')}</Text>}
      {value.items.map((item, i) =>
        isGroup(item) ? (
          <GroupEditor key={i} value={item} communes={communes} depth={depth + 1} onChange={(g) => setItem(i, g)} onRemove={() => removeItem(i)} />
        ) : (
          <ConditionEditor key={i} value={item} communes={communes} onChange={(c) => setItem(i, c)} onRemove={() => removeItem(i)} />
        ),
      )}
      <div className={styles.actions}>
        <Button icon={<AddRegular />} onClick={() => onChange({ ...value, items: [...value.items, fresh('residenceCommune')] })}>
          {t('rule.addCondition')}
        </Button>
        {depth < maxDepth - 1 && (
          <Button
            icon={<AddRegular />}
            onClick={() => onChange({ ...value, items: [...value.items, { op: value.op === 'and' ? 'or' : 'and', items: [] }] })}
          >
            {t('rule.addGroup')}
          </Button>
        )}
      </div>
    </div>
  );
}

/**
 * Editor of a program's eligibility rule: conditions on residence commune, the residence title (group, AsylbLG
 * entitlement, labour-market access, protection), migration background, employment status, age and years in
 * Germany/Saxony, combined by AND/OR in nested groups. The rule stays data.
 */
export function RuleEditor({
  value,
  communes,
  error,
  onChange,
}: {
  value: EligibilityGroup;
  communes: Commune[];
  error?: string;
  onChange: (rule: EligibilityGroup) => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation('programs');
  const names = new Map(communes.map((c) => [c.id, c.name]));
  return (
    <fieldset style={{ border: 'none', padding: 0 }} className={styles.box}>
      <legend>
        <Text weight="semibold">{t('rule.title')}</Text>
      </legend>
      <Text size={200} className={styles.summary} data-testid="rule-summary">
        {describeRule(value, (id) => names.get(id))}
      </Text>
      <GroupEditor value={value} communes={communes} depth={0} onChange={onChange} />
      {error && (
        <Text role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
          {error}
        </Text>
      )}
    </fieldset>
  );
}
