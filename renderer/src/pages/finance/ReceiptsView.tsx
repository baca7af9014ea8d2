import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../../shared/domain/dates.js';
import { incomeKeys, paymentInput, receiptInput, type IncomeKey, type Plan } from '../../../../shared/domain/finance.js';
import { invoke } from '../../api/client.js';
import { FormDate, FormInput, FormSelect } from '../../components/form/fields.js';
import { FormErrorBar } from '../../components/form/FormDialog.js';
import { useLotseForm } from '../../components/form/useLotseForm.js';
import { formatDate, formatEuro } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { centsOf } from './money.js';
import { ReceiptImport } from './ReceiptImport.js';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'flex-end' },
  block: { marginTop: tokens.spacingVerticalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  amount: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
});

const emptyReceipt = () => ({ date: todayIso(), number: '', payee: '', purpose: '', positionKey: '', amountCents: '', paidOn: '' });

/** Receipts of the program: a form to book one, the import from an accounting export, the list; payments received. */
export function ReceiptsView({ programId, plan, version, onChanged }: { programId: number; plan: Plan | null; version: number; onChanged: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation('finance');
  const notify = useNotify();
  const receipts = useCall('finance.receipts', { programId, limit: 5000 });
  useEffect(() => receipts.reload(), [version, receipts.reload]);
  const f = useLotseForm({
    schema: receiptInput,
    defaultValues: emptyReceipt(),
    toInput: (v) => ({ programId, ...v, paidOn: v.paidOn || null, amountCents: centsOf(v.amountCents) ?? 0 }),
    check: (v): Record<string, string> => (centsOf(v.amountCents) === null ? { amountCents: t('plan.amountInvalid') } : {}),
    submit: (input) => invoke('finance.createReceipt', input),
    onSaved: (_, v) => {
      // the next receipt of a batch is often of the same day and position
      f.form.reset({ ...emptyReceipt(), date: v.date, positionKey: v.positionKey });
      notify.success(t('receipts.saved'));
      onChanged();
    },
  });
  if (!plan) return <Text>{t('receipts.needPlan')}</Text>;
  const bookable = plan.positions.filter((p) => p.kind !== 'pauschale');
  const label = new Map(plan.positions.map((p) => [p.key, p.label]));

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
      <form className={styles.row} noValidate data-testid="receipt-form" onSubmit={f.onSubmit}>
        <FormDate form={f} name="date" label={t('receipts.date')} />
        <FormInput form={f} name="number" label={t('receipts.number')} />
        <FormInput form={f} name="payee" label={t('receipts.payee')} />
        <FormInput form={f} name="purpose" label={t('receipts.purpose')} />
        <FormSelect form={f} name="positionKey" label={t('receipts.position')}>
          <option value="">—</option>
          {bookable.map((p) => (
            <option key={p.key} value={p.key}>
              {p.label}
            </option>
          ))}
        </FormSelect>
        <FormInput form={f} name="amountCents" label={t('receipts.amount')} />
        <FormDate form={f} name="paidOn" label={t('receipts.paidOn')} />
        <Button type="submit" appearance="primary" disabled={f.busy}>
          {t('receipts.add')}
        </Button>
      </form>
      <FormErrorBar message={f.formError} />
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
  const f = useLotseForm({
    schema: paymentInput,
    defaultValues: { date: todayIso(), incomeKey: 'zuwendung' as string, amountCents: '', reference: '' },
    toInput: (v) => ({ programId, ...v, incomeKey: v.incomeKey as IncomeKey, amountCents: centsOf(v.amountCents) ?? 0 }),
    check: (v): Record<string, string> => (centsOf(v.amountCents) === null ? { amountCents: t('plan.amountInvalid') } : {}),
    submit: (input) => invoke('finance.createPayment', input),
    onSaved: (_, v) => {
      f.form.reset({ ...v, amountCents: '', reference: '' });
      notify.success(t('receipts.paymentSaved'));
      onChanged();
    },
  });

  return (
    <div className={styles.block}>
      <Text weight="semibold">{t('receipts.payments')}</Text>
      <form className={styles.row} noValidate data-testid="payment-form" onSubmit={f.onSubmit}>
        <FormDate form={f} name="date" label={t('receipts.date')} />
        <FormSelect form={f} name="incomeKey" label={t('receipts.source')}>
          {incomeKeys.map((k) => (
            <option key={k} value={k}>
              {t(`incomeKeys.${k}`)}
            </option>
          ))}
        </FormSelect>
        <FormInput form={f} name="amountCents" label={t('receipts.amount')} />
        <FormInput form={f} name="reference" label={t('receipts.paymentReference')} />
        <Button type="submit" disabled={f.busy}>
          {t('receipts.paymentAdd')}
        </Button>
      </form>
      <FormErrorBar message={f.formError} />
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
