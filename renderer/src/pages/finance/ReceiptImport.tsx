import { Button, Field, MessageBar, MessageBarBody, Select, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { receiptFields, type ReceiptField, type ReceiptImportPreview, type ReceiptMapping } from '../../../../shared/domain/finance.js';
import { ApiError, errorText, invoke, uploadFile } from '../../api/client.js';
import { formatTimestamp, formatEuro } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { uiLang } from '../../i18n/lang.js';
import { useNotify } from '../../components/useNotify.js';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'flex-end' },
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/**
 * Receipts from an accounting export: choose the file, check the mapping (proposed, or as last time for this
 * layout) and the rejected rows with their reasons, import in one go; past imports can be undone.
 */
export function ReceiptImport({ programId, onChanged }: { programId: number; onChanged: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation('finance');
  const notify = useNotify();
  const inputRef = useRef<HTMLInputElement>(null);
  const batches = useCall('finance.importBatches', { programId });
  const [handle, setHandle] = useState<string | null>(null);
  const [preview, setPreview] = useState<ReceiptImportPreview | null>(null);
  const [mapping, setMapping] = useState<ReceiptMapping | null>(null);
  const [headers, setHeaders] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function read(h: string, m?: ReceiptMapping) {
    setBusy(true);
    setError(null);
    try {
      const p = await invoke('finance.importPreview', { programId, handle: h, ...(m ? { mapping: m } : {}) });
      setPreview(p);
      setMapping(p.mapping);
      setHeaders(p.headers);
    } catch (err) {
      setPreview(null);
      // without date, amount and position columns the server sends the headers, so the mapping can be chosen here
      const details = err instanceof ApiError ? err.error.details : undefined;
      if (details && Array.isArray(details.headers)) {
        setHeaders(details.headers as string[]);
        setMapping((details.mapping as ReceiptMapping | undefined) ?? (details.headers as string[]).map(() => null));
      }
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  async function choose(file: File) {
    setBusy(true);
    try {
      const up = await uploadFile(file);
      setHandle(up.handle);
      await read(up.handle);
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  }

  async function commit() {
    if (!handle || !mapping) return;
    setBusy(true);
    try {
      const batch = await invoke('finance.importCommit', { programId, handle, mapping });
      notify.success(t('import.done', { count: batch.imported }));
      setPreview(null);
      setHandle(null);
      setMapping(null);
      batches.reload();
      onChanged();
    } catch (err) {
      notify.failure(err);
    } finally {
      setBusy(false);
    }
  }

  async function undo(batchId: number) {
    try {
      await invoke('finance.importUndo', { batchId });
      notify.success(t('import.undone'));
      batches.reload();
      onChanged();
    } catch (err) {
      notify.failure(err);
    }
  }

  return (
    <div className={styles.box} data-testid="receipt-import">
      <Text weight="semibold">{t('import.title')}</Text>
      <div className={styles.row}>
        <Button onClick={() => inputRef.current?.click()} disabled={busy}>
          {t('import.choose')}
        </Button>
        <input
          ref={inputRef}
          type="file"
          hidden
          aria-label={t('import.choose')}
          accept=".xlsx,.csv,.txt"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void choose(f);
          }}
        />
        {busy && <Spinner size="tiny" label={t('import.reading')} />}
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {mapping && headers.length > 0 && handle && (
        <MappingEditor headers={headers} mapping={mapping} onChange={setMapping} onApply={() => void read(handle, mapping)} saved={preview?.mappingSource === 'saved'} />
      )}
      {preview && <PreviewSummary preview={preview} busy={busy} onCommit={() => void commit()} />}
      {(batches.data?.length ?? 0) > 0 && (
        <div>
          <Text weight="semibold">{t('import.batches')}</Text>
          <ul data-testid="receipt-batches">
            {batches.data!.map((b) => (
              <li key={b.id}>
                {formatTimestamp(b.createdAt)} · {b.fileName} · {b.imported} / {b.rowsTotal}
                {b.status === 'undone' ? ` · ${t('import.statusUndone')}` : ' '}
                {b.status === 'committed' && (
                  <Button size="small" onClick={() => void undo(b.id)}>
                    {t('import.undo')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function MappingEditor(props: { headers: string[]; mapping: ReceiptMapping; saved: boolean; onChange: (m: ReceiptMapping) => void; onApply: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation('finance');
  return (
    <div className={styles.box}>
      <Text weight="semibold">{t('import.mapping')}</Text>
      {props.saved && <Text size={200}>{t('import.mappingSaved')}</Text>}
      <div className={styles.row}>
        {props.headers.map((h, i) => (
          <Field key={i} label={h || `#${i + 1}`}>
            <Select
              value={props.mapping[i] ?? ''}
              onChange={(_, d) => props.onChange(props.headers.map((_h, j) => (j === i ? ((d.value || null) as ReceiptField | null) : (props.mapping[j] ?? null))))}
            >
              <option value="">{t('import.ignore')}</option>
              {receiptFields.map((f) => (
                <option key={f} value={f}>
                  {t(`import.fields.${f}`)}
                </option>
              ))}
            </Select>
          </Field>
        ))}
        <Button onClick={props.onApply}>{t('import.apply')}</Button>
      </div>
    </div>
  );
}

function PreviewSummary({ preview, busy, onCommit }: { preview: ReceiptImportPreview; busy: boolean; onCommit: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation('finance');
  return (
    <div className={styles.box} data-testid="receipt-preview">
      <Text>{t('import.summary', { accepted: preview.accepted, total: preview.rowsTotal, sum: formatEuro(preview.totalCents) })}</Text>
      {preview.rejected.length > 0 && (
        <Table size="small" aria-label={t('import.rejected')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('import.row')}</TableHeaderCell>
              <TableHeaderCell>{t('import.reason')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {preview.rejected.map((r) => (
              <TableRow key={r.row}>
                <TableCell>{r.row}</TableCell>
                <TableCell>{uiLang() === 'en' ? r.reasonEn : r.reason}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <div>
        <Button appearance="primary" disabled={busy || preview.accepted === 0} onClick={onCommit}>
          {t('import.commit', { count: preview.accepted })}
        </Button>
      </div>
    </div>
  );
}
