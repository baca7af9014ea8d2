import fs from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutputOf } from '../../../shared/contract/index.js';
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
  return text.normalize('NFC');
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

async function call<N extends 'certificates.create' | 'certificates.recreate' | 'certificates.list'>(name: N, input: unknown) {
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
    expect(JSON.parse(row.params)).toEqual({ placementId, bilingual: false, place: 'Döbeln', issuedOn: '2026-11-24' });
  });

  it('bilingual, and re-created from the stored parameters with current hours', async () => {
    const out = await call('certificates.create', { placementId, bilingual: true, place: 'Freiberg', issuedOn: '2026-11-24' });
    let text = await pdfText(app.ctx.files.get(out.handle).path);
    expect(text).toContain('Certificate of participation');
    expect(text).toContain('Date of birth');
    expect(text).toContain('Freiberg, 24.11.2026');
    await saveHours(app.ctx.db, [{ placementId, workDate: '2026-11-03', hoursX100: 100 }]);
    const again = await call('certificates.recreate', { documentId: out.documentId });
    text = await pdfText(app.ctx.files.get(again.handle).path);
    expect(text).toContain('16,25 Stunden');
    expect(text).toContain('Certificate of participation');
  });
});
