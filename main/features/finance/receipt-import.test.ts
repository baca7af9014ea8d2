import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf, OutputOf, ProcedureName } from '../../../shared/contract/index.js';
import type { SerializedError } from '../../../shared/errors.js';
import { tempApp } from '../../test/temp-db.js';
import { aghProgram } from '../placements/placements.seed.js';

type TempApp = Awaited<ReturnType<typeof tempApp>>;
let app: TempApp;
let programId: number;

async function call<N extends ProcedureName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const r = await app.router.call(name, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { serialized: r.error });
  return r.data as OutputOf<N>;
}
async function fails<N extends ProcedureName>(name: N, input: InputOf<N>): Promise<SerializedError> {
  const r = await app.router.call(name, input);
  if (r.ok) throw new Error(`${name} should have failed`);
  return r.error;
}

/** An accounting export as a coordinator gets it: title line, German amounts, a footer with the sum. */
const csv = [
  'Buchungsjournal Projekt Lotse 2026;;;;;',
  ';;;;;',
  'Belegdatum;Beleg-Nr.;Lieferant;Buchungstext;Kostenart;Betrag EUR;Zahlungsdatum',
  '15.01.2026;R-001;Stadtwerke;Strom Januar;Miete;1.234,56 €;20.01.2026',
  '31.01.2026;G-01;Gehalt;Koordination Januar;personal;4.500,00;31.01.2026',
  '03.02.2026;R-002;Bürobedarf Meyer;Gutschrift;Miete;-12,50;',
  ';R-003;Ohne Datum;Fehlt;Miete;10,00;',
  '04.02.2026;R-004;Ohne Position;Fehlt;;10,00;',
  '05.02.2026;R-005;Falsche Position;Fehlt;Catering;10,00;',
  '06.02.2026;R-006;Englisch;Fehlt;Miete;"1,234.56";',
  '07.02.2026;R-007;Pauschale;Fehlt;Verwaltungspauschale;5,00;',
  'Summe;;;;;5.752,56;',
].join('\r\n');

beforeEach(async () => {
  app = await tempApp();
  programId = (await aghProgram(app.ctx.db, { Döbeln: 1 })).programId;
  await call('finance.savePlan', {
    programId,
    decisionDate: '2025-12-10',
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
    financingKind: 'festbetrag',
    eligibleTotalCents: 50_000_00,
    positions: [
      { key: 'personal', label: 'Personalausgaben', plannedCents: 40_000_00 },
      { key: 'miete', label: 'Miete', plannedCents: 8_000_00 },
      { key: 'verwaltung', label: 'Verwaltungspauschale', kind: 'pauschale', percentBp: 400 },
    ],
  });
});
afterEach(async () => app.dispose());

const upload = (text: string, name = 'journal.csv') => app.ctx.files.storeUpload(name, Buffer.from(text, 'utf8'));

describe('receipt import', () => {
  it('previews German amounts exactly and names each rejected row with its reason', async () => {
    const p = await call('finance.importPreview', { programId, handle: upload(csv) });
    expect(p.headerRow).toBe(3);
    expect(p.mapping).toEqual(['date', 'number', 'payee', 'purpose', 'position', 'amount', 'paidOn']);
    expect(p.mappingSource).toBe('proposed');
    expect(p.rowsTotal).toBe(8);
    expect(p.accepted).toBe(3);
    expect(p.totalCents).toBe(1_234_56 + 4_500_00 - 12_50);
    expect(p.sample[0]).toEqual({ row: 4, date: '2026-01-15', number: 'R-001', payee: 'Stadtwerke', purpose: 'Strom Januar', positionKey: 'miete', amountCents: 1_234_56, paidOn: '2026-01-20' });
    expect(p.rejected.map((r) => [r.row, r.reason])).toEqual([
      [7, 'Datum fehlt'],
      [8, 'Position fehlt'],
      [9, 'Position „Catering“ gibt es im Finanzierungsplan nicht'],
      [10, '„1,234.56“ ist kein Betrag (englische Schreibweise – bitte 1.234,56 schreiben)'],
      [11, 'Auf die Pauschale „Verwaltungspauschale“ werden keine Belege gebucht'],
    ]);
    expect(await call('finance.receipts', { programId })).toEqual([]);
  });

  it('imports in one batch, remembers the mapping for the layout, and undoes exactly that batch', async () => {
    await call('finance.createReceipt', { programId, date: '2026-03-01', positionKey: 'miete', amountCents: 700_00 });
    const batch = await call('finance.importCommit', { programId, handle: upload(csv) });
    expect(batch).toMatchObject({ imported: 3, rejected: 5, rowsTotal: 8, status: 'committed' });
    const receipts = await call('finance.receipts', { programId });
    expect(receipts.map((r) => [r.date, r.amountCents, r.importBatchId])).toEqual([
      ['2026-01-15', 1_234_56, batch.id],
      ['2026-01-31', 4_500_00, batch.id],
      ['2026-02-03', -12_50, batch.id],
      ['2026-03-01', 700_00, null],
    ]);
    // the same layout again: the mapping as it was used, with one column switched off by the user
    const again = await call('finance.importPreview', { programId, handle: upload(csv) });
    expect(again.mappingSource).toBe('saved');
    const given = await call('finance.importPreview', { programId, handle: upload(csv), mapping: ['date', null, null, null, 'position', 'amount', null] });
    expect(given.sample[0]).toMatchObject({ number: null, payee: null, paidOn: null, amountCents: 1_234_56 });

    const undone = await call('finance.importUndo', { batchId: batch.id });
    expect(undone.status).toBe('undone');
    expect((await call('finance.receipts', { programId })).map((r) => r.amountCents)).toEqual([700_00]);
    const twice = await fails('finance.importUndo', { batchId: batch.id });
    expect(twice.code).toBe('conflict');
    expect((await call('finance.importBatches', { programId })).map((b) => b.status)).toEqual(['undone']);
  });

  it('asks for a mapping when date, amount or position cannot be found, and refuses a list without rows', async () => {
    const err = await fails('finance.importPreview', { programId, handle: upload('Spalte A;Spalte B\r\n1;2') });
    expect(err.code).toBe('validation');
    expect(err.details?.fields?.[0]?.path).toBe('mapping');
    // the headers come along, so the page can offer the mapping to choose
    expect(err.details?.headers).toEqual(['Spalte A', 'Spalte B']);
    const empty = await fails('finance.importPreview', { programId, handle: upload('Datum;Position;Betrag\r\nSumme;;0') });
    expect(empty.code).toBe('no_data_rows');
  });

  it('refuses an old .xls with the reader\'s own message', async () => {
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);
    const err = await fails('finance.importPreview', { programId, handle: app.ctx.files.storeUpload('alt.xls', xls) });
    expect(err).toMatchObject({ code: 'unsupported_format' });
    expect(err.message).toMatch(/\.xlsx speichern/);
  });
});
