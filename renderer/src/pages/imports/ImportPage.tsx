import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { ArrowUndoRegular, DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { importFields, type ImportField, type ImportMapping, type ImportPreview, type ImportResult } from '../../../../shared/domain/imports.js';
import { ApiError, cancelledError, errorText, downloadFile, invoke, onProgress, uploadFile } from '../../api/client.js';
import { formatDate } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { MatchText, PreviewRows } from './PreviewRows.js';
import { UndoImportDialog } from './UndoImportDialog.js';
import { UnknownAfterImport, ValueChoicesSection } from './ValueChoices.js';
import { missingCommuneName, valueChoices, type Choices } from './valueDecisions.js';

const useStyles = makeStyles({
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingVerticalXXL,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalM,
    marginBottom: tokens.spacingVerticalL,
  },
  dropActive: { backgroundColor: tokens.colorBrandBackground2 },
  row: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', alignItems: 'end', marginBottom: tokens.spacingVerticalM },
  counts: { display: 'flex', gap: tokens.spacingHorizontalXXL, flexWrap: 'wrap', margin: `${tokens.spacingVerticalM} 0` },
  count: { display: 'flex', flexDirection: 'column' },
  section: { marginTop: tokens.spacingVerticalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hidden: { display: 'none' },
});

interface Chosen {
  handle: string;
  name: string;
}

export function ImportPage() {
  const styles = useStyles();
  const { t } = useTranslation('imports');
  const notify = useNotify();
  const programs = useCall('programs.list', { includeArchived: false });
  const batches = useCall('imports.batches', {});
  const [file, setFile] = useState<Chosen | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [sender, setSender] = useState('');
  const [programId, setProgramId] = useState<number | null>(null);
  const [job, setJob] = useState<{ id: string; phase: string; done: number; total: number } | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  // decisions for values no catalogue knows; the sender's remembered ones show until the person changes them
  const [choices, setChoices] = useState<Choices>({});
  const [missingName, setMissingName] = useState<string | null>(null);
  const [previewSender, setPreviewSender] = useState('');
  // the import whose undo waits for the person's confirmation
  const [undoing, setUndoing] = useState<number | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // the file being sent and read, so a big or broken file can be stopped at any point: during the upload
  // (the request is aborted) as well as while main reads it (the job is cancelled there)
  const reading = useRef<{ jobId: string; abort: AbortController } | null>(null);

  const startReading = () => {
    const current = { jobId: crypto.randomUUID(), abort: new AbortController() };
    reading.current = current;
    setBusy(true);
    setError(null);
    return current;
  };

  const finishReading = (current: { jobId: string }, err?: unknown) => {
    if (err !== undefined) {
      setPreview(null);
      setError(err instanceof ApiError && err.code === 'cancelled' ? t('readingCancelled') : errorText(err));
    }
    if (reading.current?.jobId !== current.jobId) return;
    reading.current = null;
    setBusy(false);
  };

  // the preview being read (after a change of sender, sheet or mapping): an import clicked meanwhile waits for it,
  // so the click that also ended the typing in the sender field imports with that sender's preview
  const pendingPreview = useRef<Promise<ImportPreview | null> | null>(null);

  const load = useCallback(
    (chosen: Chosen, opts: { sheet?: string | null; mapping?: ImportMapping | null; sender?: string }, current = startReading()) => {
      const run = (async (): Promise<ImportPreview | null> => {
        try {
          const input = { handle: chosen.handle, sheet: opts.sheet ?? null, mapping: opts.mapping ?? null, sender: opts.sender || null };
          if (current.abort.signal.aborted) throw cancelledError();
          const read = await invoke('imports.preview', input, { jobId: current.jobId });
          setPreview(read);
          setPreviewSender(opts.sender ?? '');
          finishReading(current);
          return read;
        } catch (err) {
          finishReading(current, err);
          return null;
        }
      })();
      pendingPreview.current = run;
      void run.finally(() => {
        if (pendingPreview.current === run) pendingPreview.current = null;
      });
      return run;
    },
    [t],
  );

  const cancelPreview = async () => {
    const current = reading.current;
    if (!current) return;
    current.abort.abort();
    await invoke('system.cancelJob', { jobId: current.jobId }).catch(() => undefined);
  };

  const choose = async (f: File) => {
    setResult(null);
    setPreview(null);
    setChoices({});
    setMissingName(null);
    // a new file may come from someone else: the sender (and so its saved mapping) is asked for again, visibly
    setSender('');
    const current = startReading();
    try {
      const up = await uploadFile(f, current.abort.signal);
      const chosen = { handle: up.handle, name: f.name };
      setFile(chosen);
      await load(chosen, {}, current);
    } catch (err) {
      finishReading(current, err);
    }
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const f = e.dataTransfer.files[0];
    if (f) void choose(f);
  };

  const setField = (column: number, field: ImportField | null) => {
    if (!file || !preview) return;
    const mapping = preview.mapping.map((m, i) => (i === column ? field : m === field && field !== null ? null : m));
    void load(file, { sheet: preview.sheet, mapping, sender });
  };

  const jobId = job?.id;
  useEffect(() => {
    if (!jobId) return undefined;
    return onProgress((e) => {
      if (e.jobId === jobId) setJob((j) => (j ? { ...j, phase: e.phase, done: e.done, total: e.total } : j));
    });
  }, [jobId]);

  const commit = async () => {
    if (!file || !preview || job) return;
    const missing = missingCommuneName(preview.values, choices);
    setMissingName(missing);
    if (missing) return;
    const id = crypto.randomUUID();
    setJob({ id, phase: 'lesen', done: 0, total: 0 });
    try {
      const read = pendingPreview.current ? await pendingPreview.current : preview;
      if (!read) return;
      const r = await invoke(
        'imports.commit',
        { handle: file.handle, sheet: read.sheet, mapping: read.mapping, sender: sender || null, programId, values: valueChoices(read.values, choices) },
        { jobId: id },
      );
      setResult(r);
      setPreview(null);
      setFile(null);
      notify.success(t('done', { count: r.imported }));
      batches.reload();
    } catch (err) {
      notify.failure(err);
    } finally {
      setJob(null);
    }
  };

  const cancel = async () => {
    if (job) await invoke('system.cancelJob', { jobId: job.id }).catch(() => undefined);
  };

  const saveRejected = async () => {
    if (!file || !preview) return;
    try {
      const r = await invoke('imports.rejectedFile', { handle: file.handle, sheet: preview.sheet, mapping: preview.mapping, sender: sender || null });
      await downloadFile(r.handle, r.name);
    } catch (err) {
      notify.failure(err);
    }
  };

  const undo = async (batchId: number) => {
    setUndoing(null);
    try {
      await invoke('imports.undo', { batchId });
      notify.success(t('undone'));
      batches.reload();
      setResult(null);
    } catch (err) {
      notify.failure(err);
    }
  };

  const counts = preview?.counts;
  return (
    <section aria-labelledby="imports-title">
      <Title2 as="h1" id="imports-title">
        {t('title')}
      </Title2>
      <Text as="p">{t('intro')}</Text>

      <div
        className={`${styles.drop} ${dragging ? styles.dropActive : ''}`}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <DocumentArrowUpRegular fontSize={32} aria-hidden />
        <Text>{t('dropHint')}</Text>
        <Button onClick={() => inputRef.current?.click()}>{t('choose')}</Button>
        <input
          ref={inputRef}
          className={styles.hidden}
          type="file"
          aria-label={t('choose')}
          accept=".xlsx,.csv,.txt,.xls,.ods"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void choose(f);
            e.target.value = '';
          }}
        />
        {file && <Text weight="semibold">{file.name}</Text>}
      </div>

      {busy && (
        <div>
          <Spinner label={t('reading')} />
          <Button onClick={() => void cancelPreview()}>{t('cancelReading')}</Button>
        </div>
      )}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}

      {result && (
        <MessageBar intent="success" data-testid="import-result">
          <MessageBarBody>
            {t('result', {
              imported: result.imported,
              matched: result.existingMatched,
              duplicates: result.duplicatesInFile,
              rejected: result.rejected.length,
            })}
            {result.matches.length > 0 && (
              <>
                {' '}
                {t('matchedList', { count: result.existingMatched })}
                <ul aria-label={t('matchedListLabel')}>
                  {result.matches.map((m) => (
                    <li key={m.row}>
                      {t('row')} {m.row}: <MatchText match={m} />
                    </li>
                  ))}
                </ul>
              </>
            )}
            {result.unknownValues.length > 0 && (
              <>
                {' '}
                {t('values.resultOpen', { count: result.unknownValues.reduce((n, u) => n + u.count, 0) })}
                <UnknownAfterImport unknown={result.unknownValues} />
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}

      {preview && file && counts && (
        <>
          <div className={styles.row}>
            {preview.sheets.length > 1 && (
              <Field label={t('sheet')}>
                <Select value={preview.sheet} onChange={(_e, d) => void load(file, { sheet: d.value, sender })}>
                  {preview.sheets.map((s) => (
                    <option key={s.name} value={s.name}>
                      {s.name}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <Field label={t('sender')} hint={t('senderHint')}>
              <Input value={sender} onChange={(_e, d) => setSender(d.value)} onBlur={() => void load(file, { sheet: preview.sheet, sender })} />
            </Field>
            <Field label={t('program')}>
              <Select value={programId === null ? '' : String(programId)} onChange={(_e, d) => setProgramId(d.value ? Number(d.value) : null)}>
                <option value="">{t('noProgram')}</option>
                {(programs.data ?? []).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </Select>
            </Field>
          </div>

          <div className={styles.section}>
            <Title3 as="h2">{t('mapping')}</Title3>
            <Text>{t(`mappingSource.${preview.mappingSource}`, { row: preview.headerRow })}</Text>
            <Table aria-label={t('mapping')} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('column')}</TableHeaderCell>
                  <TableHeaderCell>{t('field')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {preview.headers.map((h, i) => (
                  <TableRow key={i}>
                    <TableCell>{h || t('unnamed', { n: i + 1 })}</TableCell>
                    <TableCell>
                      <Select
                        aria-label={t('fieldFor', { column: h || i + 1 })}
                        value={preview.mapping[i] ?? ''}
                        onChange={(_e, d) => setField(i, (d.value || null) as ImportField | null)}
                      >
                        <option value="">{t('ignore')}</option>
                        {importFields.map((f) => (
                          <option key={f} value={f}>
                            {t(`fields.${f}`)}
                          </option>
                        ))}
                      </Select>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>

          <div className={styles.section}>
            <Title3 as="h2">{t('preview')}</Title3>
            <div className={styles.counts}>
              {(
                [
                  ['rowsTotal', counts.rowsTotal],
                  ['new', counts.imported],
                  ['matched', counts.existingMatched],
                  ['duplicates', counts.duplicatesInFile],
                  ['rejected', counts.rejectedCount],
                  ['warnings', counts.warningCount],
                ] as const
              ).map(([key, n]) => (
                <div key={key} className={styles.count} data-testid={`count-${key}`}>
                  <Text size={600} weight="semibold">
                    {n}
                  </Text>
                  <Text>{t(`counts.${key}`)}</Text>
                </div>
              ))}
            </div>
            <PreviewRows
              source={{ handle: file.handle, sheet: preview.sheet, mapping: preview.mapping, sender: previewSender || null }}
              first={preview.sample}
              total={counts.imported + counts.existingMatched + counts.duplicatesInFile}
            />
          </div>

          <ValueChoicesSection
            sender={previewSender}
            values={preview.values}
            choices={choices}
            missingName={missingName}
            onChange={(key, choice) => setChoices((c) => ({ ...c, [key]: choice }))}
          />

          {(preview.rejected.length > 0 || preview.warnings.length > 0) && (
            <div className={styles.section}>
              <Title3 as="h2">{t('problems')}</Title3>
              <ul aria-label={t('problems')}>
                {preview.rejected.map((r) => (
                  <li key={`r${r.row}`} data-testid="rejected-row">
                    {t('rejectedLine', { row: r.row, message: r.message })}
                  </li>
                ))}
                {preview.warnings.map((w, i) => (
                  <li key={`w${i}`}>{t('warningLine', { row: w.row, message: w.message })}</li>
                ))}
              </ul>
              {preview.rejected.length > 0 && (
                <div>
                  <Button onClick={() => void saveRejected()}>{t('saveRejected')}</Button>
                </div>
              )}
            </div>
          )}

          <div className={styles.section}>
            {job ? (
              <>
                <ProgressBar value={job.total > 0 ? job.done / job.total : undefined} aria-label={t('importing')} />
                <Text>
                  {job.phase === 'speichern'
                    ? t('progress', { done: job.done, total: job.total })
                    : job.phase === 'sichern'
                      ? t('progressBackup')
                      : t('progressReading', { done: job.done })}
                </Text>
                <div>
                  <Button onClick={() => void cancel()}>{t('cancel')}</Button>
                </div>
              </>
            ) : (
              <div>
                <Button appearance="primary" disabled={counts.imported + counts.existingMatched === 0} onClick={() => void commit()}>
                  {t('commit', { count: counts.imported })}
                </Button>
              </div>
            )}
          </div>
        </>
      )}

      <div className={styles.section}>
        <Title3 as="h2">{t('history')}</Title3>
        {batches.data && batches.data.length === 0 && <Text>{t('noHistory')}</Text>}
        {batches.data && batches.data.length > 0 && (
          <Table aria-label={t('history')} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('when')}</TableHeaderCell>
                <TableHeaderCell>{t('fileName')}</TableHeaderCell>
                <TableHeaderCell>{t('counts.new')}</TableHeaderCell>
                <TableHeaderCell>{t('counts.matched')}</TableHeaderCell>
                <TableHeaderCell>{t('counts.rejected')}</TableHeaderCell>
                <TableHeaderCell>{t('status')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {batches.data.map((b) => (
                <TableRow key={b.id} data-testid="batch-row">
                  <TableCell>{formatDate(b.createdAt.slice(0, 10))}</TableCell>
                  <TableCell>{b.fileName}</TableCell>
                  <TableCell>{b.imported}</TableCell>
                  <TableCell>{b.existingMatched}</TableCell>
                  <TableCell>{b.rejected}</TableCell>
                  <TableCell>
                    {b.status === 'undone' ? (
                      t('statusUndone')
                    ) : (
                      <Button size="small" icon={<ArrowUndoRegular />} onClick={() => setUndoing(b.id)}>
                        {t('undo')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
      {undoing !== null && <UndoImportDialog batchId={undoing} onConfirm={() => void undo(undoing)} onClose={() => setUndoing(null)} />}
    </section>
  );
}
