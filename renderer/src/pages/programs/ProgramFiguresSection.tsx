import { Checkbox, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { successKeys, targetKeys, type SuccessKey } from '../../../../shared/domain/programs.js';
import type { ProgramFiguresForm } from './programFigures.js';

/** Display order: qualified employment right after employment, so the two read as a pair. */
const successOrder: SuccessKey[] = [
  'sv_beschaeftigung',
  'sv_beschaeftigung_qualifiziert',
  ...successKeys.filter((k) => k !== 'sv_beschaeftigung' && k !== 'sv_beschaeftigung_qualifiziert'),
];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, border: 'none', padding: 0, margin: 0 },
  kinds: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', columnGap: tokens.spacingHorizontalM },
  targets: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: tokens.spacingHorizontalM },
});

/**
 * Program settings for reports: which outcome kinds count as success (the report prints the definition next to
 * the rate), how many months after exit outcomes and the follow-up still count, and the planned values of the
 * grant decision (whole program duration).
 */
export function ProgramFiguresSection({
  value,
  onChange,
  errorOf,
  className,
}: {
  value: ProgramFiguresForm;
  onChange: (v: ProgramFiguresForm) => void;
  /** a message by the figures' own paths: followUpMonths, successKinds, targets.<key> */
  errorOf: (path: string) => string | undefined;
  className?: string;
}) {
  const styles = useStyles();
  const { t } = useTranslation('programs');
  const toggle = (k: SuccessKey, on: boolean) =>
    onChange({ ...value, successKinds: on ? [...value.successKinds, k] : value.successKinds.filter((x) => x !== k) });
  return (
    <fieldset className={`${styles.root} ${className ?? ''}`} data-testid="program-figures">
      <legend>
        <Text weight="semibold">{t('figures.title')}</Text>
      </legend>
      <Field label={t('figures.successKinds')} hint={t('figures.successHint')} validationMessage={errorOf('successKinds')}>
        <div className={styles.kinds} role="group" aria-label={t('figures.successKinds')}>
          {successOrder.map((k) => (
            <Checkbox key={k} label={t(`successKeys.${k}`)} checked={value.successKinds.includes(k)} onChange={(_, d) => toggle(k, d.checked === true)} />
          ))}
        </div>
      </Field>
      <Field label={t('figures.followUpMonths')} hint={t('figures.followUpHint')} validationMessage={errorOf('followUpMonths')} style={{ maxWidth: 420 }}>
        <Input type="number" min={0} max={36} value={value.followUpMonths} onChange={(_, d) => onChange({ ...value, followUpMonths: d.value })} />
      </Field>
      <Text>{t('figures.targetsHint')}</Text>
      <div className={styles.targets}>
        {targetKeys.map((k) => (
          <Field key={k} label={t(`targets.${k}`)} validationMessage={errorOf(`targets.${k}`)}>
            <Input
              type="number"
              min={0}
              value={value.targets[k]}
              onChange={(_, d) => onChange({ ...value, targets: { ...value.targets, [k]: d.value } })}
            />
          </Field>
        ))}
      </div>
      <Field hint={t('figures.esfPlusHint')}>
        <Checkbox label={t('figures.esfPlus')} checked={value.esfPlus} onChange={(_, d) => onChange({ ...value, esfPlus: d.checked === true })} />
      </Field>
    </fieldset>
  );
}
