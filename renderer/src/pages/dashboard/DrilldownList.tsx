import {
  Button,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { drilldownFigures, type DrilldownFigure, type DrilldownRow } from '../../../../shared/domain/reports.js';
import { formatDate, formatNumber } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { detailText, listTitle } from './drilldownText.js';
import { recordLink } from './recordLink.js';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalL },
});

/** The records behind one dashboard figure; the count in the heading is the figure itself. */
export function DrilldownList() {
  const { t } = useTranslation('dashboard');
  const [params] = useSearchParams();
  const figure = params.get('figure') ?? '';
  const input = {
    programId: Number(params.get('programId')),
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    figure: figure as DrilldownFigure,
    ...(params.get('key') !== null ? { key: params.get('key')! } : {}),
  };
  if (!(drilldownFigures as readonly string[]).includes(figure)) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{t('list.unknown')}</MessageBarBody>
      </MessageBar>
    );
  }
  return <List input={input} label={params.get('label') ?? ''} />;
}

function List({ input, label }: { input: { programId: number; from: string; to: string; figure: DrilldownFigure; key?: string }; label: string }) {
  const styles = useStyles();
  const { t } = useTranslation('dashboard');
  const navigate = useNavigate();
  const result = useCall('dashboard.drilldown', input);
  const back = new URLSearchParams({ programId: String(input.programId), from: input.from, to: input.to });
  const title = listTitle(t(`list.figures.${input.figure}`), input.figure === 'finding', label);
  return (
    <section aria-labelledby="drilldown-title">
      <div className={styles.header}>
        <div>
          <Button appearance="subtle" icon={<ArrowLeftRegular />} onClick={() => void navigate(`/uebersicht?${back.toString()}`)}>
            {t('list.back')}
          </Button>
        </div>
        <Title2 as="h1" id="drilldown-title">
          {title}
        </Title2>
        <Text>{t('list.period', { from: formatDate(input.from), to: formatDate(input.to) })}</Text>
        {result.data && (
          <Text data-testid="drilldown-count">{t('list.count', { count: result.data.count, n: formatNumber(result.data.count) })}</Text>
        )}
      </div>
      {result.loading && !result.data && <Spinner label={t('common:states.loading')} />}
      {result.error !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{(result.error as Error).message}</MessageBarBody>
        </MessageBar>
      )}
      {result.data && result.data.rows.length < result.data.count && <Text>{t('list.truncated', { n: result.data.rows.length })}</Text>}
      {result.data && (
        <Table aria-label={title} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('list.name')}</TableHeaderCell>
              <TableHeaderCell>{t('list.number')}</TableHeaderCell>
              <TableHeaderCell>{t('list.date')}</TableHeaderCell>
              <TableHeaderCell>{t('list.detail')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.data.rows.map((r) => (
              <TableRow key={r.id} data-testid="drilldown-row">
                <TableCell>
                  <RecordLink row={r} findingCode={input.figure === 'finding' ? input.key : undefined} named />
                </TableCell>
                <TableCell>{r.participantId !== null ? r.participantId : ''}</TableCell>
                <TableCell>{formatDate(r.date)}</TableCell>
                <TableCell>{detailText(r.detail, t)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

/**
 * The first column: the person or the fair, activity, program or organisation the row names. `named` shows the
 * person's name (the Übersicht's lists); without it the number (the checks panel stays pseudonymous).
 */
export function RecordLink({ row, findingCode, named = false }: { row: DrilldownRow; findingCode?: string | undefined; named?: boolean }) {
  const { t } = useTranslation('dashboard');
  const href = recordLink(row, findingCode);
  const fallback = row.participantId !== null ? t('list.participantNo', { id: row.participantId }) : t(`list.entities.${row.entity}`, { id: row.id });
  const text = named && row.name ? row.name : named && row.participantId !== null ? t('list.anonymised', { id: row.participantId }) : fallback;
  return href ? <Link href={href}>{text}</Link> : <>{text}</>;
}
