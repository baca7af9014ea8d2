import {
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
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Program } from '../../../../shared/domain/programs.js';
import { formatHoursX100 } from '../../../../shared/rules/compensation.js';
import { downloadFile, invoke } from '../../api/client.js';
import { formatEuro } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { monthLabel } from './labels.js';

const useStyles = makeStyles({
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap', marginBottom: tokens.spacingVerticalM },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', '& .fui-TableHeaderCell__button': { justifyContent: 'flex-end' } },
  sum: { fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground2, marginTop: tokens.spacingVerticalS, display: 'block' },
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

  async function exportXlsx() {
    setBusy(true);
    try {
      const out = await invoke('placements.exportStatement', { programId: program.id, communeId, month });
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
        <Button icon={<ArrowDownloadRegular />} disabled={busy || !s.data} onClick={() => void exportXlsx()}>
          {t('statement.export')}
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
          {s.data.rows.length === 0 ? (
            <Text as="p">{t('statement.empty')}</Text>
          ) : (
            <Table aria-label={t('tabs.statement')} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('columns.name')}</TableHeaderCell>
                  <TableHeaderCell>{t('columns.site')}</TableHeaderCell>
                  <TableHeaderCell>{t('columns.activity')}</TableHeaderCell>
                  <TableHeaderCell className={styles.num}>{t('columns.hours')}</TableHeaderCell>
                  <TableHeaderCell className={styles.num}>{t('columns.rate')}</TableHeaderCell>
                  <TableHeaderCell className={styles.num}>{t('columns.amount')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {s.data.rows.map((r) => (
                  <TableRow key={r.placementId}>
                    <TableCell>{r.participantName}</TableCell>
                    <TableCell>{r.site}</TableCell>
                    <TableCell>{r.activity}</TableCell>
                    <TableCell className={styles.num}>{formatHoursX100(r.hoursX100)}</TableCell>
                    <TableCell className={styles.num}>{formatEuro(r.rateCents)}</TableCell>
                    <TableCell className={styles.num}>{formatEuro(r.amountCents)}</TableCell>
                  </TableRow>
                ))}
                <TableRow className={styles.sum} data-testid="statement-sum">
                  <TableCell>{t('statement.sum')}</TableCell>
                  <TableCell />
                  <TableCell />
                  <TableCell className={styles.num}>{formatHoursX100(s.data.totalHoursX100)}</TableCell>
                  <TableCell />
                  <TableCell className={styles.num}>{formatEuro(s.data.totalCents)}</TableCell>
                </TableRow>
              </TableBody>
            </Table>
          )}
          <Text size={200} className={styles.hint}>
            {t('statement.rounding')}
          </Text>
        </>
      )}
    </div>
  );
}
