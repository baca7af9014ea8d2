import fs from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf, OutputOf, ProcedureName } from '../../../shared/contract/index.js';
import type { SerializedError } from '../../../shared/errors.js';
import { tempApp } from '../../test/temp-db.js';
import { aghExtraCostsByMonth } from './extra-costs.service.js';
import { addPerson, aghProgram, enrol } from './placements.seed.js';

type TempApp = Awaited<ReturnType<typeof tempApp>>;
let app: TempApp;

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

async function pdfText(file: string): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(fs.readFileSync(file)));
  const { text } = await extractText(pdf, { mergePages: true });
  await pdf.cleanup();
  return text.normalize('NFC');
}

let programId = 0;
let doebeln = 0;
let placementId = 0;
let key = { programId: 0, communeId: 0, month: '2026-11' };

beforeEach(async () => {
  app = await tempApp();
  const db = app.ctx.db;
  const made = await aghProgram(db, { Döbeln: 3 });
  programId = made.programId;
  doebeln = made.communeIds['Döbeln']!;
  const person = await addPerson(db, { lastName: 'Müller', firstName: 'Anna', birthDate: '1990-05-01', communeId: doebeln });
  await db.updateTable('participants').set({ case_number: 'AZ-4711' }).where('id', '=', person).execute();
  const p = await call('placements.create', {
    enrollmentId: await enrol(db, person, programId, { appliedOn: '2026-10-01' }),
    communeId: doebeln,
    site: 'Bauhof Döbeln',
    activity: 'Grünpflege',
    startDate: '2026-10-26',
    hoursPerWeek: 20,
    agreementSignedOn: '2026-10-20',
  });
  placementId = p.id;
  key = { programId, communeId: doebeln, month: '2026-11' };
  await call('placements.saveHours', {
    entries: [
      { placementId, workDate: '2026-10-30', hoursX100: 400 },
      { placementId, workDate: '2026-11-02', hoursX100: 400 },
      { placementId, workDate: '2026-11-03', hoursX100: 350 },
    ],
  });
});
afterEach(async () => {
  await app.dispose();
});

describe('extra costs', () => {
  it('are paid with the compensation: on the statement row, in its sums, and per month for the money plan', async () => {
    const ticket = await call('placements.addExtraCost', { placementId, month: '2026-11', kind: 'fahrtkosten', amountCents: 4900, receiptNote: 'Monatskarte VMS' });
    await call('placements.addExtraCost', { placementId, month: '2026-11', kind: 'arbeitskleidung', amountCents: 1250 });
    await call('placements.addExtraCost', { placementId, month: '2026-10', kind: 'fahrtkosten', amountCents: 300 });
    expect(ticket).toMatchObject({ placementId, month: '2026-11', kind: 'fahrtkosten', amountCents: 4900, receiptNote: 'Monatskarte VMS' });

    const s = await call('placements.statement', key);
    expect(s.rows).toHaveLength(1);
    expect(s.rows[0]).toMatchObject({ fileNumber: 'AZ-4711', hoursX100: 750, amountCents: 600, extraCostsCents: 6150, payoutCents: 6750 });
    expect([s.totalCents, s.totalExtraCostsCents, s.totalPayoutCents]).toEqual([600, 6150, 6750]);

    expect(await aghExtraCostsByMonth(app.ctx.reader, programId, '2026-10-01', '2026-11-30')).toEqual([
      { month: '2026-10', communeId: doebeln, kind: 'fahrtkosten', amountCents: 300, count: 1 },
      { month: '2026-11', communeId: doebeln, kind: 'arbeitskleidung', amountCents: 1250, count: 1 },
      { month: '2026-11', communeId: doebeln, kind: 'fahrtkosten', amountCents: 4900, count: 1 },
    ]);
    expect(await aghExtraCostsByMonth(app.ctx.reader, programId, '2026-11-01', '2026-11-30')).toHaveLength(2);

    await call('placements.removeExtraCost', { id: ticket.id });
    expect((await call('placements.statement', key)).totalExtraCostsCents).toBe(1250);
  });

  it('refuses a month outside the placement and amounts that are not positive', async () => {
    const before = await fails('placements.addExtraCost', { placementId, month: '2026-09', kind: 'fahrtkosten', amountCents: 100 });
    expect(before.details?.fields?.map((f) => f.path)).toEqual(['month']);
    const zero = await fails('placements.addExtraCost', { placementId, month: '2026-11', kind: 'fahrtkosten', amountCents: 0 });
    expect(zero.code).toBe('validation');
  });
});

describe('statement states: Entwurf → festgestellt (locked) → ausgezahlt', () => {
  it('locks the month: hours and extra costs refused with a clear message, other months open; reopen needs a reason and is audited', async () => {
    expect((await call('placements.statement', key)).status).toBe('entwurf');
    const est = await call('placements.establishStatement', { ...key, checkedBy: 'Petra Schulz', establishedOn: '2026-12-02' });
    expect(est).toEqual({ status: 'festgestellt', checkedBy: 'Petra Schulz', establishedOn: '2026-12-02', paidOn: null });
    // the hours grid of the week from 26.10. to 01.11. knows November is locked, October not
    const week = await call('placements.hoursWeek', { programId, communeId: doebeln, weekStart: '2026-10-28' });
    expect(week.lockedMonths).toEqual(['2026-11']);

    const refused = await fails('placements.saveHours', { entries: [{ placementId, workDate: '2026-11-04', hoursX100: 300 }] });
    expect(refused.message).toContain('Müller, Anna, 04.11.2026: Die Abrechnung Döbeln November 2026 ist festgestellt');
    expect(refused.details?.fields?.[0]?.path).toBe('entries.0');
    const removal = await fails('placements.saveHours', { entries: [{ placementId, workDate: '2026-11-02', hoursX100: 0 }] });
    expect(removal.code).toBe('validation');
    const extra = await fails('placements.addExtraCost', { placementId, month: '2026-11', kind: 'fahrtkosten', amountCents: 100 });
    expect(extra.code).toBe('conflict');
    // October has no established statement: still open
    expect((await call('placements.saveHours', { entries: [{ placementId, workDate: '2026-10-29', hoursX100: 200 }] })).saved).toBe(1);

    const noReason = await fails('placements.reopenStatement', { ...key, reason: '' });
    expect(noReason.code).toBe('validation');
    const reopened = await call('placements.reopenStatement', { ...key, reason: 'Stunden vom 04.11. nachgereicht' });
    expect(reopened.status).toBe('entwurf');
    expect((await call('placements.saveHours', { entries: [{ placementId, workDate: '2026-11-04', hoursX100: 300 }] })).saved).toBe(1);
    const log = await app.ctx.db.selectFrom('audit_log').select(['action', 'details']).where('entity', '=', 'agh_statement').orderBy('id').execute();
    expect(log.map((l) => l.action)).toEqual(['establish', 'reopen']);
    expect(log[1]!.details).toBe('Stunden vom 04.11. nachgereicht');
  });

  it('ausgezahlt carries the date and stays locked; a draft cannot be paid, a paid one not reopened', async () => {
    expect((await fails('placements.payStatement', { ...key, paidOn: '2026-12-10' })).code).toBe('conflict');
    await call('placements.establishStatement', { ...key, checkedBy: 'Petra Schulz', establishedOn: '2026-12-02' });
    expect((await fails('placements.payStatement', { ...key, paidOn: '2026-12-01' })).details?.fields?.[0]?.path).toBe('paidOn');
    const paid = await call('placements.payStatement', { ...key, paidOn: '2026-12-10' });
    expect(paid).toMatchObject({ status: 'ausgezahlt', paidOn: '2026-12-10', checkedBy: 'Petra Schulz' });
    expect((await fails('placements.reopenStatement', { ...key, reason: 'Fehler' })).code).toBe('conflict');
    expect((await fails('placements.saveHours', { entries: [{ placementId, workDate: '2026-11-05', hoursX100: 100 }] })).message).toContain('festgestellt');
  });

  it('the PDF has letterhead, period line, Aktenzeichen, per-person figures, sums and the signature block', async () => {
    await call('placements.saveAghSettings', {
      programId,
      rules: (await call('placements.aghSettings', { programId })).rules,
      operatorAddress: 'Frauensteiner Straße 43\n09599 Freiberg',
      fileReference: 'AGH-2026/17',
    });
    await call('placements.addExtraCost', { placementId, month: '2026-11', kind: 'fahrtkosten', amountCents: 4900 });
    let out = await call('placements.exportStatementPdf', key);
    expect(out.name).toBe('AGH-Abrechnung Döbeln 2026-11.pdf');
    let text = await pdfText(app.ctx.files.get(out.handle).path);
    for (const part of [
      'Landkreis Mittelsachsen',
      'Frauensteiner Straße 43',
      '09599 Freiberg',
      'An: Döbeln',
      '01.11.2026 – 30.11.2026 (November 2026)',
      'AGH Test',
      'AGH-2026/17',
      'Müller, Anna',
      'AZ-4711',
      'Bauhof Döbeln',
      '7,5',
      '6,00 €',
      '49,00 €',
      '55,00 €',
      'Summe',
      'Sachlich und rechnerisch richtig',
      'Unterschrift',
      'ENTWURF',
    ]) {
      expect(text, part).toContain(part);
    }
    await call('placements.establishStatement', { ...key, checkedBy: 'Petra Schulz', establishedOn: '2026-12-02' });
    await call('placements.payStatement', { ...key, paidOn: '2026-12-10' });
    out = await call('placements.exportStatementPdf', key);
    text = await pdfText(app.ctx.files.get(out.handle).path);
    expect(text).toContain('Petra Schulz');
    expect(text).toContain('02.12.2026');
    expect(text).toContain('Ausgezahlt am 10.12.2026');
    expect(text).not.toContain('ENTWURF');
  });

  it('prints a long name and a site of one long word in full, and the sums with the extra costs', async () => {
    const db = app.ctx.db;
    const person = await addPerson(db, { lastName: 'Abdelrahmanović-Castellanos', firstName: 'Maximiliana-Josephine', birthDate: '1991-01-01', communeId: doebeln });
    const p = await call('placements.create', {
      enrollmentId: await enrol(db, person, programId, { appliedOn: '2026-10-01' }),
      communeId: doebeln,
      site: 'Kleiderkammer-und-Sozialkaufhaus-Döbeln-Ost',
      activity: 'Sortierung',
      startDate: '2026-11-02',
      hoursPerWeek: 20,
      agreementSignedOn: '2026-10-20',
    });
    await call('placements.saveHours', { entries: [{ placementId: p.id, workDate: '2026-11-04', hoursX100: 1000 }] });
    await call('placements.addExtraCost', { placementId: p.id, month: '2026-11', kind: 'fahrtkosten', amountCents: 123456 });
    const out = await call('placements.exportStatementPdf', key);
    const text = await pdfText(app.ctx.files.get(out.handle).path);
    // the long word is cut inside its column: all of it is printed, in pieces
    expect(text.replace(/\s+/g, '')).toContain('Kleiderkammer-und-Sozialkaufhaus-Döbeln-Ost');
    expect(text.replace(/\s+/g, '')).toContain('Abdelrahmanović-Castellanos,Maximiliana-Josephine');
    expect(text).toContain('1.234,56 €');
    expect(text).toContain('1.248,56 €');
  });

  it('the payout receipt list names each person with the payout and lines for date and signature', async () => {
    await call('placements.addExtraCost', { placementId, month: '2026-11', kind: 'fahrtkosten', amountCents: 4900 });
    const out = await call('placements.exportPayoutReceipts', key);
    expect(out.name).toBe('AGH-Auszahlungsquittung Döbeln 2026-11.pdf');
    const text = (await pdfText(app.ctx.files.get(out.handle).path)).replace(/\s+/g, ' ');
    for (const part of ['Auszahlungsquittung', 'Döbeln · 01.11.2026 – 30.11.2026 (November 2026)', 'Müller, Anna', 'AZ-4711', '55,00 €', 'Erhalten am', 'Unterschrift', 'Summe']) {
      expect(text, part).toContain(part);
    }
  });
});
