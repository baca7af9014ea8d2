import {
  Badge,
  Button,
  Card,
  CardHeader,
  Checkbox,
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
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, DocumentPdfRegular, EditRegular, PlayRegular, StopRegular, WarningRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Placement } from '../../../../shared/domain/placements.js';
import type { Program } from '../../../../shared/domain/programs.js';
import { formatHoursX100 } from '../../../../shared/rules/compensation.js';
import { formatNumber } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { ActivatePlacementDialog } from './ActivatePlacementDialog.js';
import { CertificateDialog } from './CertificateDialog.js';
import { ClosePlacementDialog } from './ClosePlacementDialog.js';
import { periodLabel } from './labels.js';
import { PlacementDialog } from './PlacementDialog.js';
import { useNumericStyles } from '../../components/numeric.js';

const useStyles = makeStyles({
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'center', marginBottom: tokens.spacingVerticalM },
  boards: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  counts: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  // At 1366×768 the nine columns share about 1,000 px: the table sizes its columns by their content (not equal
  // fixed widths, which let long words and the warnings run under the buttons), every cell may wrap, and the
  // action buttons wrap within their own cell.
  table: { tableLayout: 'auto', '& td, & th': { overflowWrap: 'break-word', hyphens: 'auto', verticalAlign: 'top' } },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '2px', minWidth: '8.5em', maxWidth: '12em' },
  warnings: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: '9em' },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

type Dialog =
  | { kind: 'new'; communeId: number }
  | { kind: 'edit'; placement: Placement }
  | { kind: 'activate'; placement: Placement; full: boolean }
  | { kind: 'close'; placement: Placement }
  | { kind: 'certificate'; placement: Placement }
  | null;

/** One card per commune: slots filled / free / waiting and its placements with their actions. */
export function BoardView({ program }: { program: Program }) {
  const styles = useStyles();
  const { t } = useTranslation('placements');
  const num = useNumericStyles();
  const [includeClosed, setIncludeClosed] = useState(false);
  const board = useCall('placements.board', { programId: program.id, includeClosed });
  const [dialog, setDialog] = useState<Dialog>(null);

  return (
    <div>
      <div className={styles.toolbar}>
        <Checkbox checked={includeClosed} onChange={(_, d) => setIncludeClosed(d.checked === true)} label={t('board.showClosed')} />
      </div>
      {board.loading && !board.data && <Spinner label={t('common:states.loading')} />}
      {board.error !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{(board.error as Error).message}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.boards}>
        {board.data?.map((c) => (
          <Card key={c.communeId} data-testid={`board-${c.communeName}`} role="region" aria-label={c.communeName}>
            <CardHeader
              header={
                <Text as="h2" weight="semibold" size={500}>
                  {c.communeName}
                </Text>
              }
              description={
                <div className={styles.counts} data-testid="slot-counts">
                  <Badge appearance="outline">
                    {c.slots} {t('board.slots')}
                  </Badge>
                  <Badge appearance="filled" color={c.free === 0 ? 'danger' : 'brand'}>
                    {c.filled} {t('board.filled')}
                  </Badge>
                  <Badge appearance="tint" color={c.free === 0 ? 'danger' : 'success'}>
                    {c.free} {t('board.free')}
                  </Badge>
                  <Badge appearance="tint" color="warning">
                    {c.waiting} {t('board.waiting')}
                  </Badge>
                </div>
              }
              action={
                <Button icon={<AddRegular />} onClick={() => setDialog({ kind: 'new', communeId: c.communeId })}>
                  {t('board.newPlacement')}
                </Button>
              }
            />
            {c.placements.length === 0 ? (
              <Text>{t('board.empty')}</Text>
            ) : (
              <Table size="small" aria-label={c.communeName} className={styles.table}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t('columns.name')}</TableHeaderCell>
                    <TableHeaderCell>{t('columns.site')}</TableHeaderCell>
                    <TableHeaderCell>{t('columns.activity')}</TableHeaderCell>
                    <TableHeaderCell>{t('columns.period')}</TableHeaderCell>
                    <TableHeaderCell className={num.num}>{t('columns.hoursPerWeek')}</TableHeaderCell>
                    <TableHeaderCell className={num.num}>{t('columns.totalHours')}</TableHeaderCell>
                    <TableHeaderCell>{t('columns.status')}</TableHeaderCell>
                    <TableHeaderCell>{t('columns.warnings')}</TableHeaderCell>
                    <TableHeaderCell>{t('columns.actions')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {c.placements.map((p) => (
                    <TableRow key={p.id} data-testid={`placement-${p.id}`}>
                      <TableCell>{p.participantName}</TableCell>
                      <TableCell>{p.site}</TableCell>
                      <TableCell>{p.activity}</TableCell>
                      <TableCell>{periodLabel(t, p.startDate, p.endDate ?? p.plannedEndDate)}</TableCell>
                      <TableCell className={num.num} data-testid="hours-per-week">{p.hoursPerWeek === null ? '–' : formatNumber(p.hoursPerWeek)}</TableCell>
                      <TableCell className={num.num}>{formatHoursX100(p.totalHoursX100)}</TableCell>
                      <TableCell>{t(`status.${p.status}`)}</TableCell>
                      <TableCell>
                        <div className={styles.warnings}>
                          {p.warnings.map((w) => (
                            <span key={w.code} className={styles.warning}>
                              <WarningRegular aria-hidden /> {w.message}
                            </span>
                          ))}
                        </div>
                      </TableCell>
                      <TableCell>
                        <div className={styles.actions}>
                        <Button
                          size="small"
                          appearance="subtle"
                          icon={<EditRegular />}
                          onClick={() => setDialog({ kind: 'edit', placement: p })}
                          aria-label={`${t('edit.action')}: ${p.participantName}`}
                        >
                          {t('edit.action')}
                        </Button>
                        {p.status === 'wartend' && (
                          <Button
                            size="small"
                            appearance="subtle"
                            icon={<PlayRegular />}
                            onClick={() => setDialog({ kind: 'activate', placement: p, full: c.free === 0 })}
                            aria-label={`${t('activate.action')}: ${p.participantName}`}
                          >
                            {t('activate.action')}
                          </Button>
                        )}
                        <Button
                          size="small"
                          appearance="subtle"
                          icon={<DocumentPdfRegular />}
                          disabled={p.status === 'wartend'}
                          onClick={() => setDialog({ kind: 'certificate', placement: p })}
                          aria-label={`${t('certificate.action')}: ${p.participantName}`}
                        >
                          {t('certificate.action')}
                        </Button>
                        {(p.status === 'aktiv' || p.status === 'wartend') && (
                          <Button
                            size="small"
                            appearance="subtle"
                            icon={<StopRegular />}
                            onClick={() => setDialog({ kind: 'close', placement: p })}
                            aria-label={`${t('close.action')}: ${p.participantName}`}
                          >
                            {t('close.action')}
                          </Button>
                        )}
                        </div>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </Card>
        ))}
      </div>
      {dialog?.kind === 'new' && (
        <PlacementDialog
          mode="new"
          program={program}
          communeId={dialog.communeId}
          board={board.data ?? []}
          onClose={(changed) => {
            setDialog(null);
            if (changed) board.reload();
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <PlacementDialog
          mode="edit"
          placement={dialog.placement}
          onClose={(changed) => {
            setDialog(null);
            if (changed) board.reload();
          }}
        />
      )}
      {dialog?.kind === 'activate' && (
        <ActivatePlacementDialog
          placement={dialog.placement}
          full={dialog.full}
          onClose={(changed) => {
            setDialog(null);
            if (changed) board.reload();
          }}
        />
      )}
      {dialog?.kind === 'close' && (
        <ClosePlacementDialog
          placement={dialog.placement}
          onClose={(closed) => {
            board.reload();
            setDialog(closed ? { kind: 'certificate', placement: closed } : null);
          }}
        />
      )}
      {dialog?.kind === 'certificate' && <CertificateDialog placement={dialog.placement} onClose={() => setDialog(null)} />}
    </div>
  );
}
