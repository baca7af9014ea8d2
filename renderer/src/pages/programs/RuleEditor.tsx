import { Button, Checkbox, Field, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { Commune } from '../../../../shared/domain/communes.js';
import {
  residenceStatuses,
  type EligibilityCondition,
  type EligibilityGroup,
} from '../../../../shared/domain/eligibility.js';
import { describeRule } from '../../../../shared/rules/eligibility.js';

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
const kinds: Kind[] = ['residenceCommune', 'residenceStatus', 'minAge', 'maxYearsInSaxony'];

function fresh(kind: Kind): EligibilityCondition {
  switch (kind) {
    case 'residenceCommune':
      return { kind, communeIds: [] };
    case 'residenceStatus':
      return { kind, statuses: ['Aufenthaltsgestattung', 'Duldung'] };
    case 'minAge':
      return { kind, years: 18 };
    case 'maxYearsInSaxony':
      return { kind, years: 5 };
  }
}

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
        <div className={styles.options} role="group" aria-label={t('rule.kinds.residenceStatus')}>
          {residenceStatuses.map((s) => (
            <Checkbox
              key={s}
              label={s}
              checked={value.statuses.includes(s)}
              onChange={(_, d) => onChange({ ...value, statuses: toggle(value.statuses, s, d.checked === true) })}
            />
          ))}
        </div>
      )}
      {(value.kind === 'minAge' || value.kind === 'maxYearsInSaxony') && (
        <Field label={t('rule.years')} style={{ width: 110 }}>
          <Input
            type="number"
            min={0}
            value={String(value.years)}
            onChange={(_, d) => onChange({ ...value, years: d.value === '' ? 0 : Math.max(0, Math.trunc(Number(d.value)) || 0) })}
          />
        </Field>
      )}
      <Button appearance="subtle" icon={<DeleteRegular />} aria-label={t('rule.removeCondition')} onClick={onRemove} />
    </div>
  );
}

function GroupEditor({
  value,
  communes,
  nested,
  onChange,
  onRemove,
}: {
  value: EligibilityGroup;
  communes: Commune[];
  nested: boolean;
  onChange: (g: EligibilityGroup) => void;
  onRemove?: () => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation('programs');
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
          <GroupEditor key={i} value={item} communes={communes} nested onChange={(g) => setItem(i, g)} onRemove={() => removeItem(i)} />
        ) : (
          <ConditionEditor key={i} value={item} communes={communes} onChange={(c) => setItem(i, c)} onRemove={() => removeItem(i)} />
        ),
      )}
      <div className={styles.actions}>
        <Button icon={<AddRegular />} onClick={() => onChange({ ...value, items: [...value.items, fresh('residenceCommune')] })}>
          {t('rule.addCondition')}
        </Button>
        {!nested && (
          <Button icon={<AddRegular />} onClick={() => onChange({ ...value, items: [...value.items, { op: 'or', items: [] }] })}>
            {t('rule.addGroup')}
          </Button>
        )}
      </div>
    </div>
  );
}

/**
 * Editor of a program's eligibility rule: conditions on residence commune, residence status, minimum age and
 * maximum years in Saxony, combined by AND/OR with one nested group level. The rule stays data.
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
      <GroupEditor value={value} communes={communes} nested={false} onChange={onChange} />
      {error && (
        <Text role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
          {error}
        </Text>
      )}
    </fieldset>
  );
}
