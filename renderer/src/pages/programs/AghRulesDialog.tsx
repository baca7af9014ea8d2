import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Select,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ruleLevels, type AghRules, type AghSettings, type RuleLevel } from '../../../../shared/domain/agh.js';
import { formatHoursX100 } from '../../../../shared/rules/compensation.js';
import { invoke } from '../../api/client.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { serverFieldErrors } from '../../components/zodFields.js';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
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

/** Edit a program's AGH rules (each a warning or a hard limit), the Träger's address and the Aktenzeichen. */
export function AghRulesDialog({ programId, programName, onClose }: { programId: number; programName: string; onClose: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation('programs');
  const notify = useNotify();
  const loaded = useCall('placements.aghSettings', { programId });
  const [settings, setSettings] = useState<AghSettings | null>(null);
  const [texts, setTexts] = useState<Texts | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (loaded.data && settings === null) {
      setSettings(loaded.data);
      setTexts(textsOf(loaded.data.rules));
    }
  }, [loaded.data, settings]);

  function setLevel(k: keyof AghRules, level: RuleLevel) {
    setSettings((s) => (s ? { ...s, rules: { ...s.rules, [k]: { ...s.rules[k], level } } } : s));
  }

  async function save() {
    if (!settings || !texts) return;
    const parsed = rulesOf(settings.rules, texts, t);
    setErrors(parsed.errors);
    if (Object.keys(parsed.errors).length > 0) return;
    setBusy(true);
    try {
      await invoke('placements.saveAghSettings', { ...settings, rules: parsed.rules });
      notify.success(t('aghRules.saved'));
      onClose();
    } catch (err) {
      const fields = serverFieldErrors(err);
      // field paths come as rules.weekMaxX100.value: the row's key is enough to mark it
      if (fields) setErrors(Object.fromEntries(Object.entries(fields).map(([path, m]) => [path.replace(/^rules\.([^.]+).*$/, '$1'), m])));
      notify.failure(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={styles.surface}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <DialogBody>
            <DialogTitle>{t('aghRules.title', { name: programName })}</DialogTitle>
            <DialogContent className={styles.col}>
              {!settings || !texts ? (
                <Spinner label={t('common:states.loading')} />
              ) : (
                <>
                  <Text>{t('aghRules.intro')}</Text>
                  <div className={styles.rules} role="group" aria-label={t('aghRules.rules')}>
                    <span className={styles.head}>{t('aghRules.rule')}</span>
                    <span className={styles.head}>{t('aghRules.value')}</span>
                    <span className={styles.head}>{t('aghRules.level')}</span>
                    {limits.map((k) => (
                      <RuleRow
                        key={k}
                        label={t(`aghRules.limits.${k}`)}
                        text={texts[k]}
                        onText={(v) => setTexts({ ...texts, [k]: v })}
                        level={settings.rules[k].level}
                        onLevel={(l) => setLevel(k, l)}
                        error={errors[k]}
                        fill={styles.fill}
                      />
                    ))}
                    <RuleRow
                      label={t('aghRules.limits.outsideCommune')}
                      text={null}
                      onText={() => {}}
                      level={settings.rules.outsideCommune.level}
                      onLevel={(l) => setLevel('outsideCommune', l)}
                      error={errors['outsideCommune']}
                      fill={styles.fill}
                    />
                  </div>
                  <Field label={t('aghRules.operatorAddress')} hint={t('aghRules.operatorAddressHint')}>
                    <Textarea value={settings.operatorAddress ?? ''} onChange={(_, d) => setSettings({ ...settings, operatorAddress: d.value || null })} rows={3} />
                  </Field>
                  <Field label={t('aghRules.fileReference')}>
                    <Input value={settings.fileReference ?? ''} onChange={(_, d) => setSettings({ ...settings, fileReference: d.value || null })} />
                  </Field>
                  <Checkbox
                    checked={settings.certificateNamesLegalBasis}
                    onChange={(_, d) => setSettings({ ...settings, certificateNamesLegalBasis: d.checked === true })}
                    label={t('aghRules.namesLegalBasis')}
                  />
                </>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                {t('common:actions.cancel')}
              </Button>
              <Button appearance="primary" type="submit" disabled={busy || !settings}>
                {t('common:actions.save')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

/** One rule: its name, its value (none for the commune rule) and whether it is off, a warning or a hard limit. */
function RuleRow(props: {
  label: string;
  text: string | null;
  onText: (v: string) => void;
  level: RuleLevel;
  onLevel: (l: RuleLevel) => void;
  error: string | undefined;
  fill: string;
}) {
  const { t } = useTranslation('programs');
  return (
    <>
      <Text>{props.label}</Text>
      {props.text === null ? (
        <span />
      ) : (
        <Field validationMessage={props.error} validationState={props.error ? 'error' : 'none'}>
          <Input className={props.fill} value={props.text} aria-label={props.label} onChange={(_, d) => props.onText(d.value)} />
        </Field>
      )}
      <Select className={props.fill} value={props.level} aria-label={`${props.label}: ${t('aghRules.level')}`} onChange={(_, d) => props.onLevel(d.value as RuleLevel)}>
        {ruleLevels.map((l) => (
          <option key={l} value={l}>
            {t(`aghRules.levels.${l}`)}
          </option>
        ))}
      </Select>
    </>
  );
}
