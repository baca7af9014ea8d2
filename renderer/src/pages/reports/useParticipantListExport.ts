import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantListColumn, ParticipantListFilter } from '../../../../shared/contract/reports.contract.js';
import { downloadFile, invoke } from '../../api/client.js';
import { formatNumber } from '../../components/format.js';
import { useNotify } from '../../components/useNotify.js';

/**
 * Columns of the Teilnehmende table (its column ids) → columns of the named list. The table shows "Name" as one
 * column; the list has last and first name apart so Excel can sort and filter by either.
 */
const fromListColumn: Record<string, ParticipantListColumn[]> = {
  name: ['lastName', 'firstName'],
  birthDate: ['birthDate'],
  commune: ['commune'],
  residenceStatus: ['residenceStatus'],
  caseNumber: ['caseNumber'],
  gender: ['gender'],
  nationality: ['nationality'],
  germanLevel: ['germanLevel'],
  caseManager: ['caseManager'],
};

/** The named-list columns for the table's visible columns, in the table's order; unknown ids are skipped. */
export function columnsFromListColumns(ids: string[]): ParticipantListColumn[] {
  const out: ParticipantListColumn[] = [];
  for (const id of ids) for (const c of fromListColumn[id] ?? []) if (!out.includes(c)) out.push(c);
  return out;
}

/**
 * Runs the export and hands the file over as every export does: a save dialog in Electron, a download in web
 * mode. Errors arrive as toasts with the server's specific message.
 */
export function useParticipantListExport() {
  const { t } = useTranslation('reports');
  const notify = useNotify();
  const [exporting, setExporting] = useState(false);
  const run = async (filter: ParticipantListFilter, columns: ParticipantListColumn[]): Promise<boolean> => {
    setExporting(true);
    try {
      const { handle, name, count } = await invoke('reports.participantListExport', { filter, columns });
      await downloadFile(handle, name);
      notify.success(t('participantList.exported', { name, count, formatted: formatNumber(count) }));
      return true;
    } catch (err) {
      notify.failure(err);
      return false;
    } finally {
      setExporting(false);
    }
  };
  return { exporting, run };
}
