import {
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding, FiguresQuery } from '../../../../shared/domain/reports.js';
import { formatDate, formatNumber } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { RecordLink } from '../dashboard/DrilldownList.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  finding: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    borderLeft: `3px solid ${tokens.colorPaletteMarigoldBorderActive}`,
    paddingLeft: tokens.spacingHorizontalM,
  },
  info: { borderLeftColor: tokens.colorNeutralStroke1 },
  head: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

/**
 * "Prüfung": what makes the report's figures doubtful, each finding with its count and a list of the records
 * behind it; every record opens where it can be fixed. Export stays possible (the workbook lists the findings).
 */
export function ChecksPanel({ frame }: { frame: FiguresQuery }) {
  const styles = useStyles();
  const { t } = useTranslation('reports');
  const checks = useCall('reports.check', frame);
  const findings = checks.data?.findings ?? [];
  const warnings = findings.filter((f) => f.severity === 'warning');
  return (
    <section className={styles.section} aria-labelledby="checks-title" data-testid="checks">
      <Subtitle2 as="h2" id="checks-title">
        {t('checks.title')}
      </Subtitle2>
      {checks.loading && !checks.data && <Spinner size="small" label={t('checks.running')} />}
      {checks.error !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{(checks.error as Error).message}</MessageBarBody>
        </MessageBar>
      )}
      {checks.data && findings.length === 0 && (
        <MessageBar intent="success" data-testid="checks-clean">
          <MessageBarBody>{t('checks.clean')}</MessageBarBody>
        </MessageBar>
      )}
      {checks.data && findings.length > 0 && (
        <Text>{warnings.length > 0 ? t('checks.summary', { count: warnings.length }) : t('checks.onlyInfo')}</Text>
      )}
      {findings.map((f) => (
        <FindingItem key={f.code} finding={f} frame={frame} />
      ))}
      {checks.data && (
        <div>
          <Button size="small" appearance="subtle" onClick={checks.reload}>
            {t('checks.rerun')}
          </Button>
        </div>
      )}
    </section>
  );
}

function FindingItem({ finding, frame }: { finding: Finding; frame: FiguresQuery }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation('reports');
  const [open, setOpen] = useState(false);
  const message = i18n.language.startsWith('en') ? finding.messageEn : finding.message;
  return (
    <div className={`${styles.finding} ${finding.severity === 'info' ? styles.info : ''}`} data-testid={`finding-${finding.code}`}>
      <div className={styles.head}>
        <Badge appearance="filled" color={finding.severity === 'info' ? 'informative' : 'warning'} aria-label={t(`checks.severity.${finding.severity}`)}>
          {formatNumber(finding.count)}
        </Badge>
        <Text>{message}</Text>
        <Button
          size="small"
          appearance="transparent"
          icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
        >
          {t(open ? 'checks.hideRecords' : 'checks.showRecords')}
        </Button>
      </div>
      {open && <FindingRecords code={finding.code} frame={frame} label={message} />}
    </div>
  );
}

function FindingRecords({ code, frame, label }: { code: string; frame: FiguresQuery; label: string }) {
  const { t } = useTranslation('reports');
  const rows = useCall('dashboard.drilldown', { ...frame, figure: 'finding', key: code });
  if (rows.error !== undefined) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{(rows.error as Error).message}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!rows.data) return <Spinner size="tiny" />;
  return (
    <>
      {rows.data.rows.length < rows.data.count && <Text size={200}>{t('checks.truncated', { n: rows.data.rows.length })}</Text>}
      <Table aria-label={label} size="extra-small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('checks.record')}</TableHeaderCell>
            <TableHeaderCell>{t('checks.initials')}</TableHeaderCell>
            <TableHeaderCell>{t('checks.date')}</TableHeaderCell>
            <TableHeaderCell>{t('checks.detail')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.data.rows.map((r) => (
            <TableRow key={`${r.entity}-${r.id}`} data-testid="finding-record">
              <TableCell>
                <RecordLink row={r} findingCode={code} />
              </TableCell>
              <TableCell>{r.initials}</TableCell>
              <TableCell>{formatDate(r.date)}</TableCell>
              <TableCell>{r.detail ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
