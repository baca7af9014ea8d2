import { Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { aghSettings, ruleLevels, type AghRules, type AghSettings, type RuleLevel } from '../../../../shared/domain/agh.js';
import { formatHoursX100 } from '../../../../shared/rules/compensation.js';
import { invoke } from '../../api/client.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { FormCheckbox, FormInput, FormSelect, FormTextarea } from '../../components/form/fields.js';
import { FormDialog } from '../../components/form/FormDialog.js';
import { useLotseForm } from '../../components/form/useLotseForm.js';

const useStyles = makeStyles({
  rules: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 8rem 10rem',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    alignItems: 'start',
    '& > *': { minWidth: 0 },
  },
  head: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  fill: { width: '100%', minWidth: 0, '& input, & select': { minWidth: 0, width: '100%' } },
  surface: { maxWidth: 'min(720px, calc(100vw - 32px))', width: '100%' },
});

type LimitKey = Exclude<keyof AghRules, 'outsideCommune'>;
const limits: LimitKey[] = ['weekMinX100', 'weekMaxX100', 'monthMaxX100', 'dayMaxX100', 'maxDurationMonths', 'leadDays'];
/** Hours are typed as hours ("22,5"), the duration in months and the lead time in days as whole numbers. */
const isHours = (k: LimitKey) => k.endsWith('X100');

type Texts = Record<LimitKey, string>;

function textsOf(rules: AghRules): Texts {
  return Object.fromEntries(
    limits.map((k) => {
      const v = rules[k].value;
      return [k, v === null ? '' : isHours(k) ? formatHoursX100(v) : String(v)];
    }),
  ) as Texts;
}

/** The typed texts back into rule values; a field that does not parse gets a message instead. */
function rulesOf(rules: AghRules, texts: Texts, t: (k: string) => string): { rules: AghRules; errors: Record<string, string> } {
  const next = structuredClone(rules);
  const errors: Record<string, string> = {};
  for (const k of limits) {
    const text = texts[k].trim();
    if (text === '') next[k].value = null;
    else if (isHours(k)) {
      const p = parseHoursAny(text);
      if (p === null) errors[k] = t('aghRules.invalidHours');
      else next[k].value = p;
    } else if (/^\d{1,3}$/.test(text)) next[k].value = Number(text);
    else errors[k] = t('aghRules.invalidWhole');
  }
  return { rules: next, errors };
}

/** Hours as typed ("22,5"), up to two decimals; unlike the hours grid's parser not capped at a day's 10 h. */
function parseHoursAny(text: string): number | null {
  const m = /^(\d{1,3})(?:[,.](\d{1,2}))?$/.exec(text.replace(/\s+/g, ''));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

interface Values {
  limits: Texts;
  levels: Record<keyof AghRules, RuleLevel>;
  operatorAddress: string;
  fileReference: string;
  certificateNamesLegalBasis: boolean;
}

function valuesOf(s: AghSettings): Values {
  const keys = Object.keys(s.rules) as (keyof AghRules)[];
  return {
    limits: textsOf(s.rules),
    levels: Object.fromEntries(keys.map((k) => [k, s.rules[k].level])) as Values['levels'],
    operatorAddress: s.operatorAddress ?? '',
    fileReference: s.fileReference ?? '',
    certificateNamesLegalBasis: s.certificateNamesLegalBasis,
  };
}

function settingsOf(loaded: AghSettings, v: Values, t: (k: string) => string): AghSettings {
  const rules = rulesOf(loaded.rules, v.limits, t).rules;
  for (const k of Object.keys(rules) as (keyof AghRules)[]) rules[k].level = v.levels[k];
  return { ...loaded, rules, operatorAddress: v.operatorAddress || null, fileReference: v.fileReference || null, certificateNamesLegalBasis: v.certificateNamesLegalBasis };
}

/** A rule's server path (rules.weekMaxX100.value) to its row's field: the value where it has one, else the level. */
function fieldOfRule(path: string): string {
  const m = /^rules\.([^.]+)/.exec(path);
  if (!m) return path;
  return (limits as string[]).includes(m[1]!) ? `limits.${m[1]}` : `levels.${m[1]}`;
}

/** Edit a program's AGH rules (each a warning or a hard limit), the Träger's address and the Aktenzeichen. */
export function AghRulesDialog({ programId, programName, onClose }: { programId: number; programName: string; onClose: () => void }) {
  const { t } = useTranslation('programs');
  const loaded = useCall('placements.aghSettings', { programId });
  if (!loaded.data) {
    return (
      <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onClose()}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('aghRules.title', { name: programName })}</DialogTitle>
            <DialogContent>
              <Spinner label={t('common:states.loading')} />
            </DialogContent>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    );
  }
  return <AghRulesForm loaded={loaded.data} programName={programName} onClose={onClose} />;
}

/** The form, once the program's settings are there to start from. */
function AghRulesForm({ loaded, programName, onClose }: { loaded: AghSettings; programName: string; onClose: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation('programs');
  const notify = useNotify();
  const f = useLotseForm({
    schema: aghSettings,
    defaultValues: valuesOf(loaded),
    toInput: (v) => settingsOf(loaded, v, t),
    // a value that does not parse as hours or a whole number gets its own words
    check: (v) => Object.fromEntries(Object.entries(rulesOf(loaded.rules, v.limits, t).errors).map(([k, m]) => [`limits.${k}`, m])),
    fieldOf: fieldOfRule,
    submit: (input) => invoke('placements.saveAghSettings', input),
    onSaved: () => {
      notify.success(t('aghRules.saved'));
      onClose();
    },
  });
  return (
    <FormDialog form={f} title={t('aghRules.title', { name: programName })} onClose={onClose} surfaceClassName={styles.surface}>
      <Text>{t('aghRules.intro')}</Text>
      <div className={styles.rules} role="group" aria-label={t('aghRules.rules')}>
        <span className={styles.head}>{t('aghRules.rule')}</span>
        <span className={styles.head}>{t('aghRules.value')}</span>
        <span className={styles.head}>{t('aghRules.level')}</span>
        {limits.map((k) => (
          <RuleRow key={k} form={f} rule={k} label={t(`aghRules.limits.${k}`)} fill={styles.fill} />
        ))}
        <RuleRow form={f} rule="outsideCommune" label={t('aghRules.limits.outsideCommune')} fill={styles.fill} />
      </div>
      <FormTextarea form={f} name="operatorAddress" label={t('aghRules.operatorAddress')} hint={t('aghRules.operatorAddressHint')} rows={3} />
      <FormInput form={f} name="fileReference" label={t('aghRules.fileReference')} />
      <FormCheckbox form={f} name="certificateNamesLegalBasis" label={t('aghRules.namesLegalBasis')} />
    </FormDialog>
  );
}

/** One rule: its name, its value (none for the commune rule) and whether it is off, a warning or a hard limit. */
function RuleRow({ form, rule, label, fill }: { form: { control: Control<Values> }; rule: keyof AghRules; label: string; fill: string }) {
  const { t } = useTranslation('programs');
  return (
    <>
      <Text>{label}</Text>
      {rule === 'outsideCommune' ? <span /> : <FormInput form={form} name={`limits.${rule}`} className={fill} aria-label={label} />}
      <FormSelect form={form} name={`levels.${rule}`} className={fill} aria-label={`${label}: ${t('aghRules.level')}`}>
        {ruleLevels.map((l) => (
          <option key={l} value={l}>
            {t(`aghRules.levels.${l}`)}
          </option>
        ))}
      </FormSelect>
    </>
  );
}
