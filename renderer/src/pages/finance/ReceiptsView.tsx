import { Button, Field, Input, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { incomeKeys, receiptInput, type IncomeKey, type Plan } from '../../../../shared/domain/finance.js';
import { invoke } from '../../api/client.js';
import { DateField } from '../../components/DateField.js';
import { formatDate, formatEuro } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { fieldErrors, serverFieldErrors } from '../../components/zodFields.js';
import { centsOf } from './money.js';
import { ReceiptImport } from './ReceiptImport.js';
import { todayIso } from '../../../../shared/domain/dates.js';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'flex-end' },
  block: { marginTop: tokens.spacingVerticalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  amount: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
});

const emptyReceipt = () => ({ date: todayIso(), number: '', payee: '', purpose: '', positionKey: '', amount: '', paidOn: '' });

/** Receipts of the program: a form to book one, the import from an accounting export, the list; payments received. */
export function ReceiptsView({ programId, plan, version, onChanged }: { programId: number; plan: Plan | null; version: number; onChanged: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation('finance');
  const notify = useNotify();
  const receipts = useCall('finance.receipts', { programId, limit: 5000 });
  useEffect(() => receipts.reload(), [version, receipts.reload]);
  const [form, setForm] = useState(emptyReceipt);
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (!plan) return <Text>{t('receipts.needPlan')}</Text>;
  const bookable = plan.positions.filter((p) => p.kind !== 'pauschale');
  const label = new Map(plan.positions.map((p) => [p.key, p.label]));
  const set = (k: keyof typeof form) => (_: unknown, d: { value: string }) => setForm((f) => ({ ...f, [k]: d.value }));

  async function save() {
    const cents = centsOf(form.amount);
    const input = { programId, ...form, paidOn: form.paidOn || null, amountCents: cents ?? 0 };
    const parsed = receiptInput.safeParse(input);
    const errs = { ...(parsed.success ? {} : fieldErrors(parsed.error)), ...(cents === null ? { amountCents: t('plan.amountInvalid') } : {}) };
    if (Object.keys(errs).length > 0) return setErrors(errs);
    try {
      await invoke('finance.createReceipt', input);
      setErrors({});
      setForm((f) => ({ ...emptyReceipt(), date: f.date, positionKey: f.positionKey }));
      notify.success(t('receipts.saved'));
      onChanged();
    } catch (err) {
      const fields = serverFieldErrors(err);
      if (fields) setErrors(fields);
      else notify.failure(err);
    }
  }

  async function remove(id: number) {
    try {
      await invoke('finance.deleteReceipt', { id });
      notify.success(t('receipts.deleted'));
      onChanged();
    } catch (err) {
      notify.failure(err);
    }
  }

  const list = receipts.data ?? [];
  return (
    <div>
      <Text weight="semibold">{t('receipts.new')}</Text>
      <form className={styles.row} noValidate data-testid="receipt-form" onSubmit={(e) => (e.preventDefault(), void save())}>
        <Field label={t('receipts.date')} validationMessage={errors.date}>
          <DateField value={form.date} onChange={set('date')} />
        </Field>
        <Field label={t('receipts.number')} validationMessage={errors.number}>
          <Input value={form.number} onChange={set('number')} />
        </Field>
        <Field label={t('receipts.payee')} validationMessage={errors.payee}>
          <Input value={form.payee} onChange={set('payee')} />
        </Field>
        <Field label={t('receipts.purpose')} validationMessage={errors.purpose}>
          <Input value={form.purpose} onChange={set('purpose')} />
        </Field>
        <Field label={t('receipts.position')} validationMessage={errors.positionKey}>
          <Select value={form.positionKey} onChange={set('positionKey')}>
            <option value="">—</option>
            {bookable.map((p) => (
              <option key={p.key} value={p.key}>
                {p.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('receipts.amount')} validationMessage={errors.amountCents}>
          <Input value={form.amount} onChange={set('amount')} />
        </Field>
        <Field label={t('receipts.paidOn')} validationMessage={errors.paidOn}>
          <DateField value={form.paidOn} onChange={set('paidOn')} />
        </Field>
        <Button type="submit" appearance="primary">
          {t('receipts.add')}
        </Button>
      </form>
      <div className={styles.block}>
        <ReceiptImport programId={programId} onChanged={onChanged} />
      </div>
      <div className={styles.block}>
        <Text weight="semibold">{t('receipts.list', { count: list.length })}</Text>
        {list.length === 0 ? (
          <Text>{t('receipts.empty')}</Text>
        ) : (
          <Table size="small" aria-label={t('receipts.list', { count: list.length })} data-testid="receipt-list">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('receipts.date')}</TableHeaderCell>
                <TableHeaderCell>{t('receipts.number')}</TableHeaderCell>
                <TableHeaderCell>{t('receipts.payee')}</TableHeaderCell>
                <TableHeaderCell>{t('receipts.purpose')}</TableHeaderCell>
                <TableHeaderCell>{t('receipts.position')}</TableHeaderCell>
                <TableHeaderCell className={styles.amount}>{t('receipts.amount')}</TableHeaderCell>
                <TableHeaderCell>{t('receipts.paidOn')}</TableHeaderCell>
                <TableHeaderCell />
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>{formatDate(r.date)}</TableCell>
                  <TableCell>{r.number}</TableCell>
                  <TableCell>{r.payee}</TableCell>
                  <TableCell>{r.purpose}</TableCell>
                  <TableCell>{label.get(r.positionKey) ?? r.positionKey}</TableCell>
                  <TableCell className={styles.amount}>{formatEuro(r.amountCents)}</TableCell>
                  <TableCell>{formatDate(r.paidOn)}</TableCell>
                  <TableCell>
                    <Button size="small" onClick={() => void remove(r.id)}>
                      {t('receipts.delete')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
      <Payments programId={programId} version={version} onChanged={onChanged} />
    </div>
  );
}

/** Payments received from the funder (and other income sources). */
function Payments({ programId, version, onChanged }: { programId: number; version: number; onChanged: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation('finance');
  const notify = useNotify();
  const payments = useCall('finance.payments', { programId });
  useEffect(() => payments.reload(), [version, payments.reload]);
  const [form, setForm] = useState({ date: todayIso(), incomeKey: 'zuwendung' as IncomeKey, amount: '', reference: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function save() {
    const cents = centsOf(form.amount);
    if (cents === null) return setErrors({ amountCents: t('plan.amountInvalid') });
    try {
      await invoke('finance.createPayment', { programId, date: form.date, incomeKey: form.incomeKey, amountCents: cents, reference: form.reference });
      setErrors({});
      setForm((f) => ({ ...f, amount: '', reference: '' }));
      notify.success(t('receipts.paymentSaved'));
      onChanged();
    } catch (err) {
      const fields = serverFieldErrors(err);
      if (fields) setErrors(fields);
      else notify.failure(err);
    }
  }

  return (
    <div className={styles.block}>
      <Text weight="semibold">{t('receipts.payments')}</Text>
      <form className={styles.row} noValidate data-testid="payment-form" onSubmit={(e) => (e.preventDefault(), void save())}>
        <Field label={t('receipts.date')} validationMessage={errors.date}>
          <DateField value={form.date} onChange={(_, d) => setForm((f) => ({ ...f, date: d.value }))} />
        </Field>
        <Field label={t('receipts.source')}>
          <Select value={form.incomeKey} onChange={(_, d) => setForm((f) => ({ ...f, incomeKey: d.value as IncomeKey }))}>
            {incomeKeys.map((k) => (
              <option key={k} value={k}>
                {t(`incomeKeys.${k}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('receipts.amount')} validationMessage={errors.amountCents}>
          <Input value={form.amount} onChange={(_, d) => setForm((f) => ({ ...f, amount: d.value }))} />
        </Field>
        <Field label={t('receipts.paymentReference')} validationMessage={errors.reference}>
          <Input value={form.reference} onChange={(_, d) => setForm((f) => ({ ...f, reference: d.value }))} />
        </Field>
        <Button type="submit">{t('receipts.paymentAdd')}</Button>
      </form>
      <ul>
        {(payments.data ?? []).map((p) => (
          <li key={p.id}>
            {formatDate(p.date)} · {t(`incomeKeys.${p.incomeKey}`)} · {formatEuro(p.amountCents)}
            {p.reference ? ` · ${p.reference}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
