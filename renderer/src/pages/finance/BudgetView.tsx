import { Badge, MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Budget } from '../../../../shared/domain/finance.js';
import { formatDate, formatEuro, formatMonth, formatNumber } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';

const useStyles = makeStyles({
  block: { marginTop: tokens.spacingVerticalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  amount: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  total: { fontWeight: tokens.fontWeightSemibold },
});

const statusColor = { im_plan: 'success', in_toleranz: 'warning', ueber_toleranz: 'danger', nicht_ausgeglichen: 'danger' } as const;

/** Spent against plan per position, by month, and the forecast to the end of the grant period. */
export function BudgetView({ programId, version }: { programId: number; version: number }) {
  const styles = useStyles();
  const { t } = useTranslation('finance');
  const budget = useCall('finance.budget', { programId });
  useEffect(() => budget.reload(), [version, budget.reload]);
  if (budget.error !== undefined) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{(budget.error as Error).message}</MessageBarBody>
      </MessageBar>
    );
  }
  const b = budget.data;
  if (!b) return <Spinner label={t('common:states.loading')} />;
  if (!b.plan) return <Text>{t('plan.none')}</Text>;
  const heading = b.positions.filter((p) => p.headsPastTolerance);
  return (
    <div data-testid="budget-view" aria-busy={budget.loading}>
      <Text>
        {t('budget.asOf', { date: formatDate(b.asOf) })} · {t('budget.received', { amount: formatEuro(b.receivedCents) })}
      </Text>
      {heading.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('budget.warning', { count: heading.length })}</MessageBarBody>
        </MessageBar>
      )}
      <PositionTable budget={b} />
      <div className={styles.block}>
        <Text weight="semibold">{t('budget.byMonth')}</Text>
        <MonthTable budget={b} />
      </div>
    </div>
  );
}

function PositionTable({ budget: b }: { budget: Budget }) {
  const styles = useStyles();
  const { t } = useTranslation('finance');
  return (
    <Table size="small" aria-label={t('tabs.budget')} data-testid="budget-positions">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('budget.position')}</TableHeaderCell>
          <TableHeaderCell className={styles.amount}>{t('budget.planned')}</TableHeaderCell>
          <TableHeaderCell className={styles.amount}>{t('budget.actual')}</TableHeaderCell>
          <TableHeaderCell className={styles.amount}>{t('budget.share')}</TableHeaderCell>
          <TableHeaderCell className={styles.amount}>{t('budget.forecast')}</TableHeaderCell>
          <TableHeaderCell>{t('budget.status')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {b.positions.map((p) => (
          <TableRow key={p.key} data-position={p.key}>
            <TableCell>
              {p.label}
              {p.aghCents !== 0 && <Text block size={200}>{t('budget.aghNote', { amount: formatEuro(p.aghCents) })}</Text>}
            </TableCell>
            <TableCell className={styles.amount}>{formatEuro(p.plannedCents)}</TableCell>
            <TableCell className={styles.amount}>{formatEuro(p.actualCents)}</TableCell>
            <TableCell className={styles.amount}>{p.plannedCents === 0 ? '–' : `${formatNumber(Math.round((p.actualCents / p.plannedCents) * 1000) / 10)} %`}</TableCell>
            <TableCell className={styles.amount}>{formatEuro(p.forecastCents)}</TableCell>
            <TableCell>
              <Badge appearance="tint" color={statusColor[p.status]}>
                {t(`budget.statuses.${p.status}`)}
              </Badge>{' '}
              {p.headsPastTolerance && (
                <Badge appearance="filled" color="danger">
                  {t('budget.headsPast')}
                </Badge>
              )}
            </TableCell>
          </TableRow>
        ))}
        <TableRow className={styles.total}>
          <TableCell>{t('budget.total')}</TableCell>
          <TableCell className={styles.amount}>{formatEuro(b.plannedCents)}</TableCell>
          <TableCell className={styles.amount} data-testid="budget-total-actual">
            {formatEuro(b.actualCents)}
          </TableCell>
          <TableCell />
          <TableCell className={styles.amount}>{formatEuro(b.forecastCents)}</TableCell>
          <TableCell />
        </TableRow>
      </TableBody>
    </Table>
  );
}

function MonthTable({ budget: b }: { budget: Budget }) {
  const styles = useStyles();
  const { t } = useTranslation('finance');
  const keys = b.positions.filter((p) => p.kind !== 'pauschale');
  return (
    <Table size="small" aria-label={t('budget.byMonth')} data-testid="budget-months">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('budget.month')}</TableHeaderCell>
          {keys.map((p) => (
            <TableHeaderCell key={p.key} className={styles.amount}>
              {p.label}
            </TableHeaderCell>
          ))}
          <TableHeaderCell className={styles.amount}>{t('budget.total')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {b.months.map((m) => (
          <TableRow key={m.month}>
            <TableCell>{formatMonth(m.month)}</TableCell>
            {keys.map((p) => (
              <TableCell key={p.key} className={styles.amount}>
                {m.byPosition[p.key] ? formatEuro(m.byPosition[p.key]!) : ''}
              </TableCell>
            ))}
            <TableCell className={styles.amount}>{formatEuro(m.totalCents)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
