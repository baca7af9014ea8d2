import { Button, Field, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestInput, type Plan, type RequestState } from '../../../../shared/domain/finance.js';
import { downloadFile, invoke } from '../../api/client.js';
import { DateField } from '../../components/DateField.js';
import { formatDate, formatEuro } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { fieldErrors, serverFieldErrors } from '../../components/zodFields.js';
import { todayIso } from '../../../../shared/domain/dates.js';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'flex-end' },
  amount: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
});

const next: Partial<Record<RequestState, RequestState>> = { entwurf: 'gestellt', gestellt: 'eingegangen' };

/** Payment requests (Mittelabrufe): a new one from the data of a period, the list with states, Excel export. */
export function RequestsView({ programId, plan, version }: { programId: number; plan: Plan | null; version: number }) {
  const styles = useStyles();
  const { t } = useTranslation('finance');
  const notify = useNotify();
  const requests = useCall('finance.requests', { programId });
  useEffect(() => requests.reload(), [version, requests.reload]);
  const [period, setPeriod] = useState({ periodFrom: plan?.periodFrom ?? todayIso(), periodTo: todayIso() });
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (!plan) return <Text>{t('receipts.needPlan')}</Text>;

  async function create() {
    const input = { programId, ...period };
    const parsed = requestInput.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    try {
      await invoke('finance.createRequest', input);
      setErrors({});
      notify.success(t('requests.created'));
      requests.reload();
    } catch (err) {
      const fields = serverFieldErrors(err);
      if (fields) setErrors(fields);
      else notify.failure(err);
    }
  }

  async function advance(id: number, state: RequestState) {
    try {
      await invoke('finance.setRequestState', { id, state, filedOn: state === 'gestellt' ? todayIso() : null });
      requests.reload();
    } catch (err) {
      notify.failure(err);
    }
  }

  async function exportList() {
    try {
      const out = await invoke('finance.exportRequests', { programId });
      await downloadFile(out.handle, out.name);
    } catch (err) {
      notify.failure(err);
    }
  }

  const list = requests.data ?? [];
  return (
    <div>
      <Text weight="semibold">{t('requests.new')}</Text>
      <form className={styles.row} noValidate onSubmit={(e) => (e.preventDefault(), void create())}>
        <Field label={t('requests.from')} validationMessage={errors.periodFrom}>
          <DateField value={period.periodFrom} onChange={(_, d) => setPeriod((p) => ({ ...p, periodFrom: d.value }))} />
        </Field>
        <Field label={t('requests.to')} validationMessage={errors.periodTo}>
          <DateField value={period.periodTo} onChange={(_, d) => setPeriod((p) => ({ ...p, periodTo: d.value }))} />
        </Field>
        <Button type="submit" appearance="primary">
          {t('requests.create')}
        </Button>
        <Button onClick={() => void exportList()} disabled={list.length === 0}>
          {t('requests.export')}
        </Button>
      </form>
      {list.length === 0 ? (
        <Text block>{t('requests.empty')}</Text>
      ) : (
        <Table size="small" aria-label={t('tabs.requests')} data-testid="request-list">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('requests.from')}</TableHeaderCell>
              <TableHeaderCell>{t('requests.to')}</TableHeaderCell>
              <TableHeaderCell className={styles.amount}>{t('requests.spent')}</TableHeaderCell>
              <TableHeaderCell className={styles.amount}>{t('requests.received')}</TableHeaderCell>
              <TableHeaderCell className={styles.amount}>{t('requests.requested')}</TableHeaderCell>
              <TableHeaderCell>{t('requests.state')}</TableHeaderCell>
              <TableHeaderCell>{t('requests.filedOn')}</TableHeaderCell>
              <TableHeaderCell />
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.map((r) => (
              <TableRow key={r.id}>
                <TableCell>{formatDate(r.periodFrom)}</TableCell>
                <TableCell>{formatDate(r.periodTo)}</TableCell>
                <TableCell className={styles.amount}>{formatEuro(r.spentCents)}</TableCell>
                <TableCell className={styles.amount}>{formatEuro(r.receivedCents)}</TableCell>
                <TableCell className={styles.amount}>{formatEuro(r.requestedCents)}</TableCell>
                <TableCell>{t(`requests.states.${r.state}`)}</TableCell>
                <TableCell>{formatDate(r.filedOn)}</TableCell>
                <TableCell>
                  {next[r.state] && (
                    <Button size="small" onClick={() => void advance(r.id, next[r.state]!)}>
                      {r.state === 'entwurf' ? t('requests.markFiled') : t('requests.markReceived')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
