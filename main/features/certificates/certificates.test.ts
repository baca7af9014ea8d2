import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutputOf, ProcedureName } from '../../../shared/contract/index.js';
import { certificateLabelWidth } from '../../pdf/certificate.js';
import { tempApp } from '../../test/temp-db.js';
import { saveHours } from '../placements/hours.service.js';
import { addPerson, aghProgram, enrol } from '../placements/placements.seed.js';
import { createPlacement } from '../placements/placements.service.js';

type TempApp = Awaited<ReturnType<typeof tempApp>>;
let app: TempApp;
let placementId = 0;
let participantId = 0;

/** All text of a PDF as pdf.js (through unpdf) extracts it: what search and screen readers see. */
async function pdfText(file: string): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(fs.readFileSync(file)));
  const { text } = await extractText(pdf, { mergePages: true });
  await pdf.cleanup();
  // wrapped lines come back as separate lines: one space between words makes sentences comparable
  return text.normalize('NFC').replace(/\s+/g, ' ');
}

beforeAll(async () => {
  app = await tempApp();
  const db = app.ctx.db;
  const { programId, communeIds } = await aghProgram(db, { Döbeln: 3 });
  participantId = await addPerson(db, { lastName: 'Al-Ḥaddād Müller', firstName: 'Yūsuf', birthDate: '1994-03-07' });
  const placement = await createPlacement(db, {
    enrollmentId: await enrol(db, participantId, programId),
    communeId: communeIds['Döbeln']!,
    site: 'Bauhof Döbeln',
    activity: 'Stadtverschönerung',
    startDate: '2026-09-01',
    plannedEndDate: '2026-11-30',
  });
  placementId = placement.id;
  await saveHours(db, [
    { placementId, workDate: '2026-09-01', hoursX100: 450 },
    { placementId, workDate: '2026-10-15', hoursX100: 775 },
    { placementId, workDate: '2026-11-02', hoursX100: 300 },
  ]);
});
afterAll(async () => {
  await app.dispose();
});

/** Text pieces with their position and width in points (pdf.js), to check that nothing leaves its column. */
async function textItems(file: string): Promise<{ str: string; x: number; y: number; width: number }[]> {
  const pdf = await getDocumentProxy(new Uint8Array(fs.readFileSync(file)));
  const page = await pdf.getPage(1);
  const content = await page.getTextContent();
  await pdf.cleanup();
  return content.items.flatMap((i) => ('str' in i && i.str.trim() !== '' ? [{ str: i.str.normalize('NFC'), x: i.transform[4] as number, y: i.transform[5] as number, width: i.width }] : []));
}

async function call<N extends ProcedureName>(name: N, input: unknown) {
  const r = await app.router.call(name, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.data as OutputOf<N>;
}

describe('Teilnehmerbescheinigung', () => {
  it('renders name with umlauts and Arabic-origin letters, birth date, place and total hours; recorded as a document', async () => {
    const out = await call('certificates.create', { placementId, issuedOn: '2026-11-24' });
    expect(out.name).toBe('Teilnehmerbescheinigung Yūsuf Al-Ḥaddād Müller.pdf');
    const file = app.ctx.files.get(out.handle).path;
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(file);
    expect(text).toContain('Teilnehmerbescheinigung');
    expect(text).toContain('Yūsuf Al-Ḥaddād Müller');
    expect(text).toContain('Müller');
    expect(text).toContain('Al-Ḥaddād');
    expect(text).toContain('07.03.1994');
    expect(text).toContain('15,25 Stunden'); // 4,5 + 7,75 + 3
    expect(text).toContain('Bauhof Döbeln');
    expect(text).toContain('Stadtverschönerung');
    expect(text).toContain('01.09.2026');
    expect(text).toContain('Döbeln, 24.11.2026');
    expect(text).toContain('Landkreis Mittelsachsen');
    expect(text).toContain('Unterschrift');
    expect(text).not.toContain('Certificate of participation');

    const docs = await call('certificates.list', { participantId });
    expect(docs).toHaveLength(1);
    expect(docs[0]!.id).toBe(out.documentId);
    const row = await app.ctx.db.selectFrom('documents').select('params').where('id', '=', out.documentId).executeTakeFirstOrThrow();
    const params = JSON.parse(row.params) as Record<string, unknown>;
    expect(params).toMatchObject({ placementId, bilingual: false, place: 'Döbeln', issuedOn: '2026-11-24' });
    expect(params['sha256']).toBe(createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
  });

  it('is neutral for job applications: no legal basis, no status; present tense while running, no "seit … / since" glitch', async () => {
    const out = await call('certificates.create', { placementId, bilingual: true, issuedOn: '2026-11-24' });
    const text = await pdfText(app.ctx.files.get(out.handle).path);
    expect(text).not.toMatch(/AsylbLG|Asyl|§/);
    expect(text).toContain('Yūsuf Al-Ḥaddād Müller, geboren am 07.03.1994, nimmt seit dem 01.09.2026 an einer gemeinnützigen Tätigkeit im Programm „AGH Test“ teil.');
    expect(text).toContain('has been taking part in public-benefit work in the program “AGH Test” since 01.09.2026');
    expect(text).not.toContain('teilgenommen');
    expect(text).toContain('seit / since 01.09.2026');
    expect(text).not.toMatch(/since\s*(\n|$|Geleistete)/);
  });

  it('keeps every label inside its column in the bilingual layout ("Hours worked" does not run into its value)', async () => {
    const out = await call('certificates.create', { placementId, bilingual: true, issuedOn: '2026-11-24' });
    const items = await textItems(app.ctx.files.get(out.handle).path);
    const margin = 64;
    const valueX = margin + certificateLabelWidth(true);
    const labels = items.filter((i) => Math.abs(i.x - margin) < 0.5 && i.y < 560 && i.y > 300);
    expect(labels.map((l) => l.str)).toContain('Hours worked');
    for (const l of labels) expect(l.x + l.width, l.str).toBeLessThanOrEqual(valueX);
    const hours = items.find((i) => i.str.startsWith('16,25 Stunden') || i.str.startsWith('15,25 Stunden'))!;
    expect(hours.x).toBeCloseTo(valueX, 0);
  });

  it('bilingual, and printed again as handed out (same bytes) after the hours and the site changed', async () => {
    const out = await call('certificates.create', { placementId, bilingual: true, place: 'Freiberg', issuedOn: '2026-11-24' });
    const first = fs.readFileSync(app.ctx.files.get(out.handle).path);
    let text = await pdfText(app.ctx.files.get(out.handle).path);
    expect(text).toContain('Certificate of participation');
    expect(text).toContain('Date of birth');
    expect(text).toContain('Freiberg, 24.11.2026');
    expect(text).toContain('15,25 Stunden');
    await saveHours(app.ctx.db, [{ placementId, workDate: '2026-11-03', hoursX100: 100 }]);
    await app.ctx.db.updateTable('placements').set({ site: 'Tierpark' }).where('id', '=', placementId).execute();
    const again = await call('certificates.recreate', { documentId: out.documentId });
    const bytes = fs.readFileSync(app.ctx.files.get(again.handle).path);
    expect(bytes.equals(first)).toBe(true);
    text = await pdfText(app.ctx.files.get(again.handle).path);
    expect(text).toContain('15,25 Stunden');
    expect(text).toContain('Bauhof Döbeln');
    // a new certificate is a new document with today's data
    const fresh = await call('certificates.create', { placementId, issuedOn: '2026-11-25' });
    expect(fresh.documentId).not.toBe(out.documentId);
    expect(await pdfText(app.ctx.files.get(fresh.handle).path)).toContain('16,25 Stunden');
  });

  it('says "hat teilgenommen" with from–to once the placement has ended; names § 5 AsylbLG only when the program chose so', async () => {
    await app.ctx.db.updateTable('placements').set({ site: 'Bauhof Döbeln' }).where('id', '=', placementId).execute();
    await call('placements.close', { id: placementId, endDate: '2026-11-30', status: 'beendet' });
    let text = await pdfText(app.ctx.files.get((await call('certificates.create', { placementId, issuedOn: '2026-12-01' })).handle).path);
    expect(text).toContain('hat vom 01.09.2026 bis zum 30.11.2026 an einer gemeinnützigen Tätigkeit im Programm „AGH Test“ teilgenommen.');
    expect(text).toContain('01.09.2026 – 30.11.2026');
    expect(text).not.toContain('nimmt');
    const { programId } = await app.ctx.db.selectFrom('placements').select('program_id as programId').where('id', '=', placementId).executeTakeFirstOrThrow();
    const settings = await call('placements.aghSettings', { programId });
    await call('placements.saveAghSettings', { ...settings, certificateNamesLegalBasis: true, operatorAddress: 'Frauensteiner Straße 43\n09599 Freiberg' });
    text = await pdfText(app.ctx.files.get((await call('certificates.create', { placementId, issuedOn: '2026-12-01' })).handle).path);
    expect(text).toContain('an einer Arbeitsgelegenheit nach § 5 AsylbLG');
    expect(text).toContain('Frauensteiner Straße 43');
  });
});
