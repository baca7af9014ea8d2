import {
  Badge,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentPdfRegular, LockClosedRegular, LockOpenRegular, MoneyRegular, ReceiptMoneyRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Program } from '../../../../shared/domain/programs.js';
import { formatHoursX100 } from '../../../../shared/rules/compensation.js';
import { downloadFile, invoke } from '../../api/client.js';
import { formatDate, formatEuro } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { ExtraCostsDialog } from './ExtraCostsDialog.js';
import { monthLabel } from './labels.js';
import { StatementStateDialog, type StateStep } from './StatementStateDialog.js';
import { monthRange } from '../../../../shared/domain/dates.js';

const useStyles = makeStyles({
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap', marginBottom: tokens.spacingVerticalM },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', '& .fui-TableHeaderCell__button': { justifyContent: 'flex-end' } },
  sum: { fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground2, marginTop: tokens.spacingVerticalS, display: 'block' },
  state: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap', marginBottom: tokens.spacingVerticalS },
  scroll: { overflowX: 'auto' },
});

/** The commune's monthly statement on screen, and the same as an Excel workbook. */
export function StatementView({
  program,
  communeId,
  onCommune,
  month,
  onMonth,
}: {
  program: Program;
  communeId: number;
  onCommune: (id: number) => void;
  month: string;
  onMonth: (m: string) => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation('placements');
  const notify = useNotify();
  const s = useCall('placements.statement', { programId: program.id, communeId, month });
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<StateStep | null>(null);
  const [costsOf, setCostsOf] = useState<{ placementId: number; name: string }[] | null>(null);
  const board = useCall('placements.board', { programId: program.id, includeClosed: true });
  const { from, to } = monthRange(month);
  // who can have extra costs this month: the commune's placements that ran in it
  const running = (board.data ?? [])
    .filter((c) => c.communeId === communeId)
    .flatMap((c) => c.placements)
    .filter((p) => p.status !== 'wartend' && p.startDate <= to && (p.endDate ?? p.plannedEndDate ?? to) >= from)
    .map((p) => ({ placementId: p.id, name: p.participantName }));
  const key = { programId: program.id, communeId, month };
  const locked = s.data !== undefined && s.data.status !== 'entwurf';

  async function exportFile(kind: 'placements.exportStatement' | 'placements.exportStatementPdf' | 'placements.exportPayoutReceipts') {
    setBusy(true);
    try {
      const out = await invoke(kind, key);
      await downloadFile(out.handle, out.name);
    } catch (err) {
      notify.failure(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <div className={styles.toolbar}>
        <Field label={t('statement.commune')}>
          <Select value={String(communeId)} onChange={(_, d) => onCommune(Number(d.value))}>
            {program.communes.map((c) => (
              <option key={c.communeId} value={c.communeId}>
                {c.communeName}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('statement.month')}>
          <Input type="month" value={month} onChange={(_, d) => /^\d{4}-\d{2}$/.test(d.value) && onMonth(d.value)} />
        </Field>
        <Button icon={<ArrowDownloadRegular />} disabled={busy || !s.data} onClick={() => void exportFile('placements.exportStatement')}>
          {t('statement.export')}
        </Button>
        <Button icon={<DocumentPdfRegular />} disabled={busy || !s.data} onClick={() => void exportFile('placements.exportStatementPdf')}>
          {t('statement.exportPdf')}
        </Button>
        <Button icon={<DocumentPdfRegular />} disabled={busy || !s.data} onClick={() => void exportFile('placements.exportPayoutReceipts')}>
          {t('statement.exportReceipts')}
        </Button>
        <Button icon={<ReceiptMoneyRegular />} disabled={running.length === 0 || locked} onClick={() => setCostsOf(running)}>
          {t('extraCosts.add')}
        </Button>
      </div>
      {s.loading && !s.data && <Spinner label={t('common:states.loading')} />}
      {s.error !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{(s.error as Error).message}</MessageBarBody>
        </MessageBar>
      )}
      {s.data && (
        <>
          <Text as="h2" size={500} weight="semibold">
            {t('statement.title', { commune: s.data.communeName, month: monthLabel(t, s.data.month) })}
          </Text>
          <div className={styles.state} data-testid="statement-state">
            <Badge appearance="tint" color={s.data.status === 'entwurf' ? 'warning' : 'success'} data-status={s.data.status}>
              {t(`statementState.status.${s.data.status}`)}
            </Badge>
            {s.data.establishedOn && (
              <Text size={200}>{t('statementState.established', { name: s.data.checkedBy ?? '', date: formatDate(s.data.establishedOn) })}</Text>
            )}
            {s.data.paidOn && <Text size={200}>{t('statementState.paid', { date: formatDate(s.data.paidOn) })}</Text>}
            {s.data.status === 'entwurf' && (
              <Button icon={<LockClosedRegular />} onClick={() => setStep('establish')}>
                {t('statementState.establish.action')}
              </Button>
            )}
            {s.data.status === 'festgestellt' && (
              <>
                <Button icon={<MoneyRegular />} onClick={() => setStep('pay')}>
                  {t('statementState.pay.action')}
                </Button>
                <Button icon={<LockOpenRegular />} onClick={() => setStep('reopen')}>
                  {t('statementState.reopen.action')}
                </Button>
              </>
            )}
          </div>
          {s.data.rows.length === 0 ? (
            <Text as="p">{t('statement.empty')}</Text>
          ) : (
            <div className={styles.scroll}>
              <Table aria-label={t('tabs.statement')} size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t('columns.name')}</TableHeaderCell>
                    <TableHeaderCell>{t('columns.fileNumber')}</TableHeaderCell>
                    <TableHeaderCell>{t('columns.site')}</TableHeaderCell>
                    <TableHeaderCell className={styles.num}>{t('columns.hours')}</TableHeaderCell>
                    <TableHeaderCell className={styles.num}>{t('columns.rate')}</TableHeaderCell>
                    <TableHeaderCell className={styles.num}>{t('columns.compensation')}</TableHeaderCell>
                    <TableHeaderCell className={styles.num}>{t('columns.extraCosts')}</TableHeaderCell>
                    <TableHeaderCell className={styles.num}>{t('columns.payout')}</TableHeaderCell>
                    <TableHeaderCell>{t('columns.actions')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {s.data.rows.map((r) => (
                    <TableRow key={r.placementId}>
                      <TableCell>{r.participantName}</TableCell>
                      <TableCell>{r.fileNumber ?? ''}</TableCell>
                      <TableCell>{r.site}</TableCell>
                      <TableCell className={styles.num}>{formatHoursX100(r.hoursX100)}</TableCell>
                      <TableCell className={styles.num}>{formatEuro(r.rateCents)}</TableCell>
                      <TableCell className={styles.num}>{formatEuro(r.amountCents)}</TableCell>
                      <TableCell className={styles.num}>{formatEuro(r.extraCostsCents)}</TableCell>
                      <TableCell className={styles.num}>{formatEuro(r.payoutCents)}</TableCell>
                      <TableCell>
                        <Button
                          size="small"
                          appearance="subtle"
                          icon={<ReceiptMoneyRegular />}
                          aria-label={`${t('extraCosts.action')}: ${r.participantName}`}
                          onClick={() => setCostsOf([{ placementId: r.placementId, name: r.participantName }])}
                        >
                          {t('extraCosts.action')}
                        </Button>
                      </TableCell>
                    </TableRow>
                  ))}
                  <TableRow className={styles.sum} data-testid="statement-sum">
                    <TableCell>{t('statement.sum')}</TableCell>
                    <TableCell />
                    <TableCell />
                    <TableCell className={styles.num}>{formatHoursX100(s.data.totalHoursX100)}</TableCell>
                    <TableCell />
                    <TableCell className={styles.num}>{formatEuro(s.data.totalCents)}</TableCell>
                    <TableCell className={styles.num}>{formatEuro(s.data.totalExtraCostsCents)}</TableCell>
                    <TableCell className={styles.num}>{formatEuro(s.data.totalPayoutCents)}</TableCell>
                    <TableCell />
                  </TableRow>
                </TableBody>
              </Table>
            </div>
          )}
          <Text size={200} className={styles.hint}>
            {t('statement.rounding')}
          </Text>
        </>
      )}
      {step !== null && (
        <StatementStateDialog
          step={step}
          statementKey={key}
          onClose={(changed) => {
            setStep(null);
            if (changed) s.reload();
          }}
        />
      )}
      {costsOf !== null && (
        <ExtraCostsDialog
          choices={costsOf}
          month={month}
          locked={locked}
          onClose={(changed) => {
            setCostsOf(null);
            if (changed) s.reload();
          }}
        />
      )}
    </div>
  );
}
