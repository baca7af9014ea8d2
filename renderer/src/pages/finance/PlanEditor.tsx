import { Button, Checkbox, Field, Input, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { financingKinds, incomeKeys, planInput, positionKinds, type IncomeKey, type Plan, type PositionKind } from '../../../../shared/domain/finance.js';
import { invoke } from '../../api/client.js';
import { DateField } from '../../components/DateField.js';
import { formatDate, formatEuro } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { fieldErrors, serverFieldErrors, withoutRow } from '../../components/zodFields.js';
import { amountText, basisPointsOf, centsOf, percentText } from './money.js';
import { todayIso } from '../../../../shared/domain/dates.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '1100px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'flex-end' },
  history: { marginTop: tokens.spacingVerticalXL },
  // inputs in table cells take the cell's width instead of their own minimum, so columns never overlap
  cellInput: { width: '100%', minWidth: 0 },
});

interface PositionRow {
  key: string;
  label: string;
  kind: PositionKind;
  planned: string;
  percent: string;
}

function initialForm(plan: Plan | null) {
  const year = todayIso().slice(0, 4);
  return {
    decisionDate: plan?.decisionDate ?? todayIso(),
    reference: plan?.reference ?? '',
    periodFrom: plan?.periodFrom ?? `${year}-01-01`,
    periodTo: plan?.periodTo ?? `${year}-12-31`,
    financingKind: plan?.financingKind ?? 'fehlbedarf',
    rate: percentText(plan?.rateBp ?? null),
    eligibleTotal: plan ? amountText(plan.eligibleTotalCents) : '',
    aghPaidByCommune: plan?.aghPaidByCommune ?? false,
    positions: (plan?.positions ?? [{ key: 'personal', label: 'Personalausgaben', kind: 'betrag' as const, plannedCents: 0, percentBp: null, fteBp: null }]).map(
      (p): PositionRow => ({ key: p.key, label: p.label, kind: p.kind, planned: p.kind === 'pauschale' ? '' : amountText(p.plannedCents), percent: percentText(p.percentBp) }),
    ),
    income: Object.fromEntries(incomeKeys.map((k) => [k, amountText(plan?.income.find((i) => i.key === k)?.plannedCents ?? 0)])) as Record<IncomeKey, string>,
  };
}
type Form = ReturnType<typeof initialForm>;

/** Client-side reading of the typed amounts; an unreadable one is a field message, never a silent zero. */
function toInput(programId: number, f: Form, invalid: string) {
  const errors: Record<string, string> = {};
  const money = (text: string, path: string) => {
    const c = text.trim() === '' ? 0 : centsOf(text);
    if (c === null) errors[path] = invalid;
    return c ?? 0;
  };
  const input = {
    programId,
    decisionDate: f.decisionDate,
    reference: f.reference,
    periodFrom: f.periodFrom,
    periodTo: f.periodTo,
    financingKind: f.financingKind,
    rateBp: f.financingKind === 'anteil' ? basisPointsOf(f.rate) : null,
    eligibleTotalCents: money(f.eligibleTotal, 'eligibleTotalCents'),
    aghPaidByCommune: f.aghPaidByCommune,
    positions: f.positions.map((p, i) => ({
      key: p.key,
      label: p.label,
      kind: p.kind,
      plannedCents: p.kind === 'pauschale' ? 0 : money(p.planned, `positions.${i}.plannedCents`),
      percentBp: p.kind === 'pauschale' ? basisPointsOf(p.percent) : null,
    })),
    income: incomeKeys.map((key) => ({ key, plannedCents: money(f.income[key], `income.${key}`) })).filter((x) => x.plannedCents > 0),
  };
  return { input, errors };
}

/** The Bescheid with its financing plan: the first save records the Bewilligungsbescheid, later ones amendments. */
export function PlanEditor({ programId, plan, onSaved }: { programId: number; plan: Plan | null; onSaved: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation('finance');
  const notify = useNotify();
  const history = useCall('finance.planHistory', { programId });
  const [form, setForm] = useState(() => initialForm(plan));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));
  const setPosition = (i: number, patch: Partial<PositionRow>) => set('positions', form.positions.map((p, j) => (j === i ? { ...p, ...patch } : p)));

  async function save() {
    const { input, errors: typed } = toInput(programId, form, t('plan.amountInvalid'));
    const parsed = planInput.safeParse(input);
    const all = { ...(parsed.success ? {} : fieldErrors(parsed.error)), ...typed };
    if (Object.keys(all).length > 0) return setErrors(all);
    setBusy(true);
    try {
      const saved = await invoke('finance.savePlan', input);
      setErrors({});
      notify.success(t('plan.saved', { version: saved.version }));
      history.reload();
      onSaved();
    } catch (err) {
      const fields = serverFieldErrors(err);
      if (fields) setErrors(fields);
      else notify.failure(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      {!plan && <Text block>{t('plan.none')}</Text>}
      <form className={styles.form} noValidate data-testid="plan-form" onSubmit={(e) => (e.preventDefault(), void save())}>
        <div className={styles.row}>
          <Field label={t('plan.decisionDate')} validationMessage={errors.decisionDate}>
            <DateField value={form.decisionDate} onChange={(_, d) => set('decisionDate', d.value)} />
          </Field>
          <Field label={t('plan.reference')} validationMessage={errors.reference}>
            <Input value={form.reference} onChange={(_, d) => set('reference', d.value)} />
          </Field>
          <Field label={t('plan.periodFrom')} validationMessage={errors.periodFrom}>
            <DateField value={form.periodFrom} onChange={(_, d) => set('periodFrom', d.value)} />
          </Field>
          <Field label={t('plan.periodTo')} validationMessage={errors.periodTo}>
            <DateField value={form.periodTo} onChange={(_, d) => set('periodTo', d.value)} />
          </Field>
        </div>
        <div className={styles.row}>
          <Field label={t('plan.financingKind')}>
            <Select value={form.financingKind} onChange={(_, d) => set('financingKind', d.value as Form['financingKind'])}>
              {financingKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`plan.kinds.${k}`)}
                </option>
              ))}
            </Select>
          </Field>
          {form.financingKind === 'anteil' && (
            <Field label={t('plan.rate')} validationMessage={errors.rateBp}>
              <Input value={form.rate} onChange={(_, d) => set('rate', d.value)} />
            </Field>
          )}
          <Field label={t('plan.eligibleTotal')} validationMessage={errors.eligibleTotalCents}>
            <Input value={form.eligibleTotal} onChange={(_, d) => set('eligibleTotal', d.value)} />
          </Field>
        </div>
        <Checkbox label={t('plan.aghPaidByCommune')} checked={form.aghPaidByCommune} onChange={(_, d) => set('aghPaidByCommune', d.checked === true)} />
        <PositionsTable rows={form.positions} errors={errors} onChange={setPosition}
          onAdd={() => set('positions', [...form.positions, { key: '', label: '', kind: 'betrag', planned: '', percent: '' }])}
          onRemove={(i) => {
            set('positions', form.positions.filter((_, j) => j !== i));
            setErrors((e) => withoutRow(e, 'positions', i));
          }}
        />
        <Text weight="semibold">{t('plan.income')}</Text>
        <div className={styles.row}>
          {incomeKeys.map((k) => (
            <Field key={k} label={t(`incomeKeys.${k}`)} validationMessage={errors[`income.${k}`]}>
              <Input value={form.income[k]} onChange={(_, d) => set('income', { ...form.income, [k]: d.value })} />
            </Field>
          ))}
        </div>
        <div className={styles.row}>
          <Button type="submit" appearance="primary" disabled={busy}>
            {plan ? t('plan.saveAmendment') : t('plan.saveFirst')}
          </Button>
        </div>
      </form>
      <PlanHistory plans={history.data ?? []} />
    </div>
  );
}

function PositionsTable(props: {
  rows: PositionRow[];
  errors: Record<string, string>;
  onChange: (i: number, patch: Partial<PositionRow>) => void;
  onAdd: () => void;
  onRemove: (i: number) => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation('finance');
  const e = props.errors;
  return (
    <div>
      <Text weight="semibold">{t('plan.positions')}</Text>
      {e.positions && <Text block style={{ color: tokens.colorPaletteRedForeground1 }}>{e.positions}</Text>}
      <Table size="small" aria-label={t('plan.positions')} data-testid="plan-positions">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('plan.key')}</TableHeaderCell>
            <TableHeaderCell>{t('plan.label')}</TableHeaderCell>
            <TableHeaderCell>{t('plan.kind')}</TableHeaderCell>
            <TableHeaderCell>{t('plan.planned')}</TableHeaderCell>
            <TableHeaderCell>{t('plan.percent')}</TableHeaderCell>
            <TableHeaderCell />
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.rows.map((p, i) => (
            <TableRow key={i}>
              <TableCell>
                <Field validationMessage={e[`positions.${i}.key`]}>
                  <Input className={styles.cellInput} aria-label={`${t('plan.key')} ${i + 1}`} value={p.key} onChange={(_, d) => props.onChange(i, { key: d.value })} />
                </Field>
              </TableCell>
              <TableCell>
                <Field validationMessage={e[`positions.${i}.label`]}>
                  <Input className={styles.cellInput} aria-label={`${t('plan.label')} ${i + 1}`} value={p.label} onChange={(_, d) => props.onChange(i, { label: d.value })} />
                </Field>
              </TableCell>
              <TableCell>
                <Select className={styles.cellInput} aria-label={`${t('plan.kind')} ${i + 1}`} value={p.kind} onChange={(_, d) => props.onChange(i, { kind: d.value as PositionKind })}>
                  {positionKinds.map((k) => (
                    <option key={k} value={k}>
                      {t(`plan.positionKinds.${k}`)}
                    </option>
                  ))}
                </Select>
              </TableCell>
              <TableCell>
                {p.kind !== 'pauschale' && (
                  <Field validationMessage={e[`positions.${i}.plannedCents`]}>
                    <Input className={styles.cellInput} aria-label={`${t('plan.planned')} ${i + 1}`} value={p.planned} onChange={(_, d) => props.onChange(i, { planned: d.value })} />
                  </Field>
                )}
              </TableCell>
              <TableCell>
                {p.kind === 'pauschale' && (
                  <Field validationMessage={e[`positions.${i}.percentBp`]}>
                    <Input className={styles.cellInput} aria-label={`${t('plan.percent')} ${i + 1}`} value={p.percent} onChange={(_, d) => props.onChange(i, { percent: d.value })} />
                  </Field>
                )}
              </TableCell>
              <TableCell>
                <Button size="small" onClick={() => props.onRemove(i)} disabled={props.rows.length === 1}>
                  {t('plan.remove')}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Button onClick={props.onAdd}>{t('plan.addPosition')}</Button>
    </div>
  );
}

function PlanHistory({ plans }: { plans: Plan[] }) {
  const styles = useStyles();
  const { t } = useTranslation('finance');
  if (plans.length === 0) return null;
  return (
    <div className={styles.history} data-testid="plan-history">
      <Text weight="semibold">{t('plan.history')}</Text>
      <ul>
        {plans.map((p) => (
          <li key={p.id}>
            {t('plan.version', { version: p.version })} · {t(`plan.${p.decisionKind}`)} {formatDate(p.decisionDate)}
            {p.reference ? ` · ${p.reference}` : ''} · {t('plan.total', { total: formatEuro(p.plannedTotalCents) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
