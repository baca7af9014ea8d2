import { Button, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportMapping, PreviewRow, RowMatch } from '../../../../shared/domain/imports.js';
import { invoke } from '../../api/client.js';
import { formatDate } from '../../components/format.js';
import { useNotify } from '../../components/useNotify.js';

/** Rows fetched per "Weitere Zeilen anzeigen": the server reads the file again for each page. */
const PAGE = 100;

/** What the preview was read with; the next pages are read the same way. */
export interface PreviewSource {
  handle: string;
  sheet: string;
  mapping: ImportMapping;
  sender: string | null;
}

/**
 * The preview's rows as they will be stored (issue 19 item 6): the first page comes with the preview, further
 * pages on request until every accepted row was shown; each row says what becomes of it, whom it matched and why,
 * and its warnings.
 */
export function PreviewRows({ source, first, total }: { source: PreviewSource; first: PreviewRow[]; total: number }) {
  const { t } = useTranslation('imports');
  const notify = useNotify();
  const [rows, setRows] = useState(first);
  const [loading, setLoading] = useState(false);
  // a new preview (other sheet, mapping, sender) starts again from its own first page
  useEffect(() => setRows(first), [first]);

  const more = async () => {
    setLoading(true);
    try {
      const page = await invoke('imports.previewRows', { ...source, offset: rows.length, limit: PAGE }, { jobId: crypto.randomUUID() });
      setRows((r) => [...r, ...page.rows]);
    } catch (err) {
      notify.failure(err);
    } finally {
      setLoading(false);
    }
  };

  return (
    <>
      <Table aria-label={t('sampleTitle')} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: '5rem' }}>{t('row')}</TableHeaderCell>
            <TableHeaderCell>{t('fields.lastName')}</TableHeaderCell>
            <TableHeaderCell>{t('fields.firstName')}</TableHeaderCell>
            <TableHeaderCell>{t('fields.birthDate')}</TableHeaderCell>
            <TableHeaderCell>{t('fields.gender')}</TableHeaderCell>
            <TableHeaderCell>{t('fields.commune')}</TableHeaderCell>
            <TableHeaderCell>{t('fields.germanLevel')}</TableHeaderCell>
            {/* what became of the row and whom it matched is the longest text of a row: it gets the room */}
            <TableHeaderCell style={{ width: '30%' }}>{t('outcomeTitle')}</TableHeaderCell>
            <TableHeaderCell style={{ width: '18%' }}>{t('warningsTitle')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((s) => (
            <TableRow key={s.row} data-testid="preview-row">
              <TableCell>{s.row}</TableCell>
              <TableCell>{s.lastName}</TableCell>
              <TableCell>{s.firstName}</TableCell>
              <TableCell>{formatDate(s.birthDate)}</TableCell>
              <TableCell>{s.gender}</TableCell>
              <TableCell>{s.commune}</TableCell>
              <TableCell>{s.germanLevel}</TableCell>
              <TableCell>
                {t(`outcome.${s.outcome}`)}
                {s.match && (
                  <>
                    <br />
                    <MatchText match={s.match} />
                  </>
                )}
              </TableCell>
              <TableCell>{s.warnings.map((w) => w.message).join('; ')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Text>{t('rowsShown', { shown: rows.length, total })}</Text>
      {rows.length < total && (
        <div>
          {loading ? (
            <Spinner size="tiny" label={t('loadingRows')} />
          ) : (
            <Button onClick={() => void more()}>{t('moreRows', { count: Math.min(PAGE, total - rows.length) })}</Button>
          )}
        </div>
      )}
    </>
  );
}

/** "Nr. 12 Müller, Anna Lena, geb. 14.05.1990 – gleicher Name und Geburtsdatum" or "wie Zeile 4 (…)". */
export function MatchText({ match }: { match: RowMatch }) {
  const { t } = useTranslation('imports');
  const name = [match.lastName, match.firstName].filter(Boolean).join(', ');
  const born = match.birthDate ? t('match.born', { date: formatDate(match.birthDate) }) : '';
  const who = match.id !== null ? t('match.person', { id: match.id, name, born }) : t('match.fileRow', { row: match.row, name, born });
  return (
    <Text size={200} data-testid="row-match">
      {t('match.line', { who, why: t(`match.by.${match.by}`) })}
    </Text>
  );
}
