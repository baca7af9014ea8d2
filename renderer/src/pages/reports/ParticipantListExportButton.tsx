import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantListFilter } from '../../../../shared/contract/reports.contract.js';
import { formatNumber } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { columnsFromListColumns, useParticipantListExport } from './useParticipantListExport.js';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/**
 * "Exportieren…" on the Teilnehmende page: the named list with the table's current filters, order and visible
 * columns. A dialog first says what the file holds (personal data, how many people) before anything leaves.
 */
export function ParticipantListExportButton({ filter, visibleColumns }: { filter: ParticipantListFilter; visibleColumns: string[] }) {
  const { t } = useTranslation('reports');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<ArrowDownloadRegular />} onClick={() => setOpen(true)}>
        {t('participantList.exportButton')}
      </Button>
      {open && <ExportDialog filter={filter} visibleColumns={visibleColumns} onClose={() => setOpen(false)} />}
    </>
  );
}

function ExportDialog({ filter, visibleColumns, onClose }: { filter: ParticipantListFilter; visibleColumns: string[]; onClose: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation('reports');
  const count = useCall('reports.participantListCount', filter);
  const { exporting, run } = useParticipantListExport();
  const columns = columnsFromListColumns(visibleColumns);
  const n = count.data?.count;
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('participantList.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            <MessageBar intent="warning">
              <MessageBarBody>{t('participantList.personalData')}</MessageBarBody>
            </MessageBar>
            <Text block>{t('participantList.fromListHint')}</Text>
            <Text block>
              {t('participantList.columns')}: {columns.map((c) => t(`participantList.columnNames.${c}`)).join(', ')}
            </Text>
            <Text block aria-live="polite" data-testid="participant-list-export-count">
              {n === undefined ? (
                <Spinner size="tiny" />
              ) : (
                `${t('participantList.count', { count: n, formatted: formatNumber(n) })}${
                  count.data && count.data.anonymised > 0
                    ? ` ${t('participantList.anonymised', { count: count.data.anonymised, formatted: formatNumber(count.data.anonymised) })}`
                    : ''
                }`
              )}
            </Text>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
            <Button
              appearance="primary"
              icon={<ArrowDownloadRegular />}
              disabled={exporting || !n || columns.length === 0}
              onClick={() => void run(filter, columns).then((ok) => ok && onClose())}
            >
              {exporting ? t('exporting') : t('participantList.export')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
