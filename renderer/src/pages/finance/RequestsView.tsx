import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../../shared/domain/dates.js';
import { requestInput, type Plan, type RequestState } from '../../../../shared/domain/finance.js';
import { downloadFile, invoke } from '../../api/client.js';
import { FormDate } from '../../components/form/fields.js';
import { FormErrorBar } from '../../components/form/FormDialog.js';
import { useLotseForm } from '../../components/form/useLotseForm.js';
import { formatDate, formatEuro } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';

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
  const f = useLotseForm({
    schema: requestInput,
    defaultValues: { periodFrom: plan?.periodFrom ?? todayIso(), periodTo: todayIso() },
    toInput: (v) => ({ programId, ...v }),
    submit: (input) => invoke('finance.createRequest', input),
    onSaved: () => {
      notify.success(t('requests.created'));
      requests.reload();
    },
  });
  if (!plan) return <Text>{t('receipts.needPlan')}</Text>;

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
      <form className={styles.row} noValidate onSubmit={f.onSubmit}>
        <FormDate form={f} name="periodFrom" label={t('requests.from')} />
        <FormDate form={f} name="periodTo" label={t('requests.to')} />
        <Button type="submit" appearance="primary" disabled={f.busy}>
          {t('requests.create')}
        </Button>
        <Button onClick={() => void exportList()} disabled={list.length === 0}>
          {t('requests.export')}
        </Button>
      </form>
      <FormErrorBar message={f.formError} />
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
