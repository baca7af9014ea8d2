import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useFieldArray, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { financingKinds, incomeKeys, planInput, positionKinds, type IncomeKey, type Plan, type PositionKind } from '../../../../shared/domain/finance.js';
import { invoke } from '../../api/client.js';
import { FormCheckbox, FormDate, FormInput, FormSelect } from '../../components/form/fields.js';
import { FormErrorBar } from '../../components/form/FormDialog.js';
import { useLotseForm } from '../../components/form/useLotseForm.js';
import { formatDate, formatEuro } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
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
  kind: string;
  /** as typed; the input's plannedCents */
  plannedCents: string;
  /** as typed; the input's percentBp */
  percentBp: string;
}

function initialForm(plan: Plan | null) {
  const year = todayIso().slice(0, 4);
  return {
    decisionDate: plan?.decisionDate ?? todayIso(),
    reference: plan?.reference ?? '',
    periodFrom: plan?.periodFrom ?? `${year}-01-01`,
    periodTo: plan?.periodTo ?? `${year}-12-31`,
    financingKind: (plan?.financingKind ?? 'fehlbedarf') as string,
    rateBp: percentText(plan?.rateBp ?? null),
    eligibleTotalCents: plan ? amountText(plan.eligibleTotalCents) : '',
    aghPaidByCommune: plan?.aghPaidByCommune ?? false,
    positions: (plan?.positions ?? [{ key: 'personal', label: 'Personalausgaben', kind: 'betrag' as const, plannedCents: 0, percentBp: null, fteBp: null }]).map(
      (p): PositionRow => ({
        key: p.key,
        label: p.label,
        kind: p.kind,
        plannedCents: p.kind === 'pauschale' ? '' : amountText(p.plannedCents),
        percentBp: percentText(p.percentBp),
      }),
    ),
    income: Object.fromEntries(incomeKeys.map((k) => [k, amountText(plan?.income.find((i) => i.key === k)?.plannedCents ?? 0)])) as Record<IncomeKey, string>,
  };
}
type Form = ReturnType<typeof initialForm>;

/** Typed money as cents: empty is 0, unreadable is null (a field message, never a silent zero). */
const moneyOf = (text: string) => (text.trim() === '' ? 0 : centsOf(text));
const filledIncome = (f: Form) => incomeKeys.filter((key) => (moneyOf(f.income[key]) ?? 0) > 0);

function toInput(programId: number, f: Form) {
  return {
    programId,
    decisionDate: f.decisionDate,
    reference: f.reference,
    periodFrom: f.periodFrom,
    periodTo: f.periodTo,
    financingKind: f.financingKind as (typeof financingKinds)[number],
    rateBp: f.financingKind === 'anteil' ? basisPointsOf(f.rateBp) : null,
    eligibleTotalCents: moneyOf(f.eligibleTotalCents) ?? 0,
    aghPaidByCommune: f.aghPaidByCommune,
    positions: f.positions.map((p) => ({
      key: p.key,
      label: p.label,
      kind: p.kind as PositionKind,
      plannedCents: p.kind === 'pauschale' ? 0 : (moneyOf(p.plannedCents) ?? 0),
      percentBp: p.kind === 'pauschale' ? basisPointsOf(p.percentBp) : null,
    })),
    income: filledIncome(f).map((key) => ({ key, plannedCents: moneyOf(f.income[key]) ?? 0 })),
  };
}

/** The amounts that do not read as money, by field. */
function unreadableAmounts(f: Form, invalid: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (moneyOf(f.eligibleTotalCents) === null) out.eligibleTotalCents = invalid;
  f.positions.forEach((p, i) => {
    if (p.kind !== 'pauschale' && moneyOf(p.plannedCents) === null) out[`positions.${i}.plannedCents`] = invalid;
  });
  for (const key of incomeKeys) if (moneyOf(f.income[key]) === null) out[`income.${key}`] = invalid;
  return out;
}

/** The input lists only the filled income lines: its index leads to the line's key. */
function fieldOfPlan(path: string, f: Form): string {
  const m = /^income\.(\d+)/.exec(path);
  return m ? `income.${filledIncome(f)[Number(m[1])] ?? ''}` : path;
}

/** The Bescheid with its financing plan: the first save records the Bewilligungsbescheid, later ones amendments. */
export function PlanEditor({ programId, plan, onSaved }: { programId: number; plan: Plan | null; onSaved: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation('finance');
  const notify = useNotify();
  const history = useCall('finance.planHistory', { programId });
  const f = useLotseForm({
    schema: planInput,
    defaultValues: initialForm(plan),
    toInput: (v) => toInput(programId, v),
    check: (v) => unreadableAmounts(v, t('plan.amountInvalid')),
    fieldOf: fieldOfPlan,
    submit: (input) => invoke('finance.savePlan', input),
    onSaved: (saved) => {
      notify.success(t('plan.saved', { version: saved.version }));
      history.reload();
      onSaved();
    },
  });
  const financingKind = f.form.watch('financingKind');

  return (
    <div>
      {!plan && <Text block>{t('plan.none')}</Text>}
      <form className={styles.form} noValidate data-testid="plan-form" onSubmit={f.onSubmit}>
        <div className={styles.row}>
          <FormDate form={f} name="decisionDate" label={t('plan.decisionDate')} />
          <FormInput form={f} name="reference" label={t('plan.reference')} />
          <FormDate form={f} name="periodFrom" label={t('plan.periodFrom')} />
          <FormDate form={f} name="periodTo" label={t('plan.periodTo')} />
        </div>
        <div className={styles.row}>
          <FormSelect form={f} name="financingKind" label={t('plan.financingKind')}>
            {financingKinds.map((k) => (
              <option key={k} value={k}>
                {t(`plan.kinds.${k}`)}
              </option>
            ))}
          </FormSelect>
          {financingKind === 'anteil' && <FormInput form={f} name="rateBp" label={t('plan.rate')} />}
          <FormInput form={f} name="eligibleTotalCents" label={t('plan.eligibleTotal')} />
        </div>
        <FormCheckbox form={f} name="aghPaidByCommune" label={t('plan.aghPaidByCommune')} />
        <PositionsTable form={f} errors={f.errors} />
        <Text weight="semibold">{t('plan.income')}</Text>
        <div className={styles.row}>
          {incomeKeys.map((k) => (
            <FormInput key={k} form={f} name={`income.${k}`} label={t(`incomeKeys.${k}`)} />
          ))}
        </div>
        <FormErrorBar message={f.formError} />
        <div className={styles.row}>
          <Button type="submit" appearance="primary" disabled={f.busy}>
            {plan ? t('plan.saveAmendment') : t('plan.saveFirst')}
          </Button>
        </div>
        {f.discardPrompt}
      </form>
      <PlanHistory plans={history.data ?? []} />
    </div>
  );
}

function PositionsTable({ form, errors }: { form: { control: Control<Form> }; errors: Record<string, string> }) {
  const styles = useStyles();
  const { t } = useTranslation('finance');
  const rows = useFieldArray({ control: form.control, name: 'positions' });
  const kinds = useWatch({ control: form.control, name: 'positions' }).map((p) => p.kind);
  return (
    <div>
      <Text weight="semibold">{t('plan.positions')}</Text>
      {errors.positions && <Text block style={{ color: tokens.colorPaletteRedForeground1 }}>{errors.positions}</Text>}
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
          {rows.fields.map((row, i) => (
            <TableRow key={row.id}>
              <TableCell>
                <FormInput form={form} name={`positions.${i}.key`} className={styles.cellInput} aria-label={`${t('plan.key')} ${i + 1}`} />
              </TableCell>
              <TableCell>
                <FormInput form={form} name={`positions.${i}.label`} className={styles.cellInput} aria-label={`${t('plan.label')} ${i + 1}`} />
              </TableCell>
              <TableCell>
                <FormSelect form={form} name={`positions.${i}.kind`} className={styles.cellInput} aria-label={`${t('plan.kind')} ${i + 1}`}>
                  {positionKinds.map((k) => (
                    <option key={k} value={k}>
                      {t(`plan.positionKinds.${k}`)}
                    </option>
                  ))}
                </FormSelect>
              </TableCell>
              <TableCell>
                {kinds[i] !== 'pauschale' && (
                  <FormInput form={form} name={`positions.${i}.plannedCents`} className={styles.cellInput} aria-label={`${t('plan.planned')} ${i + 1}`} />
                )}
              </TableCell>
              <TableCell>
                {kinds[i] === 'pauschale' && (
                  <FormInput form={form} name={`positions.${i}.percentBp`} className={styles.cellInput} aria-label={`${t('plan.percent')} ${i + 1}`} />
                )}
              </TableCell>
              <TableCell>
                <Button size="small" onClick={() => rows.remove(i)} disabled={rows.fields.length === 1}>
                  {t('plan.remove')}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Button onClick={() => rows.append({ key: '', label: '', kind: 'betrag', plannedCents: '', percentBp: '' }, { shouldFocus: false })}>
        {t('plan.addPosition')}
      </Button>
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
