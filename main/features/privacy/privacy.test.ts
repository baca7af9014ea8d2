import fs from 'node:fs';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actorFor, testEngine } from '../../test/pg.js';
import { tempApp } from '../../test/temp-db.js';
import { computeFigures } from '../dashboard/figures.service.js';
import { createParticipant } from '../participants/participants.service.js';
import { consentedStories } from '../reports/reports.service.js';
import { recordAccess } from '../audit/audit.service.js';
import { updateAppSettings } from '../settings/settings.service.js';
import { extractText, getDocumentProxy } from 'unpdf';
import { anonymiseParticipants, listPastRetention } from './anonymise.service.js';
import { participantTables, type AccessExportData } from './access-export.service.js';

type App = Awaited<ReturnType<typeof tempApp>>;
let app: App;

beforeEach(async () => {
  app = await tempApp();
});
afterEach(async () => app.dispose());

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await app.router.call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}

/** The person whose data must vanish; every string is unique enough to search the raw file for. */
const secret = {
  lastName: 'Zarghunovski-Qadir',
  firstName: 'Wahidullahzai',
  phone: '+49 170 5550199',
  email: 'wahid.zq@beispiel-postfach.de',
  caseNumber: 'AZ-77-48151623',
};
const keeper = { lastName: 'Bleibtreuhausen', firstName: 'Magdalenia', phone: '+49 351 4440777', email: 'mb@bleibt.example', caseNumber: 'KEEP-4242' };

async function setup() {
  const db = app.ctx.db;
  const dresden = await call<{ id: number }>('communes.create', { name: 'Dresden', district: 'Kreisfreie Stadt Dresden' });
  const freiberg = await call<{ id: number }>('communes.create', { name: 'Freiberg', district: 'Mittelsachsen' });
  const old = await call<{ id: number }>('programs.create', {
    name: 'Mentoren 2016',
    startDate: '2016-01-01',
    endDate: '2019-12-31',
    communes: [{ communeId: freiberg.id, slots: 3 }],
  });
  const running = await call<{ id: number }>('programs.create', { name: 'Mentoren neu', startDate: '2025-01-01' });
  await call('privacy.updateProgram', {
    programId: old.id,
    data: { retentionYears: 5, finalReportSubmittedOn: '2020-03-15', legalBasisFields: ['lastName', 'firstName'] },
  });

  const a = await createParticipant(db, {
    ...secret,
    birthDate: '1990-03-04',
    gender: 'm',
    nationality: 'Afghanistan',
    communeId: freiberg.id,
    residenceStatus: 'Duldung',
    arrivalInSaxony: '2016-05-17',
    caseManager: 'Frau Fallmanagerin Kowalczykowa',
    consentDate: '2016-02-01',
    consentSuccessStory: true,
    notes: 'Wahidullahzai möchte Schweißer werden',
  });
  const b = await createParticipant(db, { ...keeper, birthDate: '1985-07-01', gender: 'w', nationality: 'Syrien', communeId: dresden.id });
  const c = await createParticipant(db, { lastName: 'Drittefrau', firstName: 'Nur', birthDate: '1999-01-01', gender: 'w', communeId: freiberg.id });
  // a secret in the person's own health notes (Art. 9) must go as well
  await db.updateTable('participants').set({ health_notes: 'Asthma-Notiz-Zarghunovski', religion: 'Religionsvermerk' }).where('id', '=', a.id).execute();

  const enrol = async (participantId: number, programId: number, status: 'aktiv' | 'abgeschlossen', start: string, end: string | null) =>
    (
      await db
        .insertInto('enrollments')
        .values({ participant_id: participantId, program_id: programId, status, start_date: start, end_date: end, eligible: 1, exit_reason: status === 'abgeschlossen' ? 'Arbeit gefunden bei Zarghunovski & Söhne' : null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const ea = await enrol(a.id, old.id, 'abgeschlossen', '2017-01-10', '2018-06-30');
  await enrol(b.id, old.id, 'abgeschlossen', '2017-02-01', '2018-03-31');
  await enrol(c.id, old.id, 'abgeschlossen', '2017-03-01', '2018-02-28');
  await enrol(c.id, running.id, 'aktiv', '2025-02-01', null);

  const pl = await db
    .insertInto('placements')
    .values({ enrollment_id: ea, participant_id: a.id, program_id: old.id, commune_id: freiberg.id, site: 'Bauhof', activity: 'Grünpflege', start_date: '2017-02-01', end_date: '2017-08-31', rate_cents: 80, status: 'beendet' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('hours').values([
    { placement_id: pl.id, work_date: '2017-02-06', hours_x100: 500 },
    { placement_id: pl.id, work_date: '2017-02-07', hours_x100: 425 },
  ]).execute();
  const org = await db.insertInto('organisations').values({ kind: 'company', name: 'Sächsische Metallbau GmbH' }).returning('id').executeTakeFirstOrThrow();
  const fair = await db.insertInto('fairs').values({ program_id: old.id, title: 'Unternehmen trifft Bewerber/-in', date: '2017-05-10' }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('fair_registrations').values([{ fair_id: fair.id, participant_id: a.id }, { fair_id: fair.id, participant_id: b.id }]).execute();
  await db.insertInto('fair_contacts').values({ fair_id: fair.id, participant_id: a.id, organisation_id: org.id, result: 'praktikum', notes: `Rückruf an ${secret.phone}` }).execute();
  await db.insertInto('applications').values({ participant_id: a.id, organisation_id: org.id, applied_on: '2017-06-01', status: 'versendet', position: 'Helfer', notes: `Mail an ${secret.email}` }).execute();
  await db.insertInto('outcomes').values([
    { participant_id: a.id, program_id: old.id, enrollment_id: ea, kind: 'ausbildung', date: '2018-07-01', organisation_id: org.id, notes: `Vertrag für ${secret.firstName}` },
    { participant_id: b.id, program_id: old.id, kind: 'sv_beschaeftigung', date: '2018-04-01' },
  ]).execute();
  await db.insertInto('success_stories').values({ participant_id: a.id, program_id: old.id, title: 'Vom Praktikum zur Ausbildung', text: `${secret.firstName} ${secret.lastName} wurde übernommen.` }).execute();
  await db.insertInto('documents').values({ participant_id: a.id, kind: 'teilnehmerbescheinigung', title: `Bescheinigung ${secret.lastName}`, params: JSON.stringify({ name: secret.lastName }) }).execute();
  // an import summary that quotes the person (as a rejected-row report might)
  const batch = await db.insertInto('import_batches').values({ file_name: 'liste.xlsx', rows_total: 5, imported: 4, existing_matched: 0, duplicates_in_file: 0, rejected: 1, mapping: '{}', report: JSON.stringify({ rejected: [{ row: 4, name: `${secret.lastName}, ${secret.firstName}`, caseNumber: secret.caseNumber }] }) }).returning('id').executeTakeFirstOrThrow();
  await db.updateTable('participants').set({ import_batch_id: batch.id }).where('id', '=', a.id).execute();
  await recordAccess(db, { action: 'certificate', what: 'Teilnehmerbescheinigung', peopleCount: 1, participantId: a.id });
  return { a: a.id, b: b.id, c: c.id, old: old.id, running: running.id, freiberg: freiberg.id };
}

function encodings(s: string): Buffer[] {
  const le = Buffer.from(s, 'utf16le');
  const be = Buffer.from(le);
  be.swap16();
  return [Buffer.from(s, 'utf8'), le, be];
}

/** Every secret string that still appears in the raw bytes of the database, its WAL or its shared memory file. */
function foundInFiles(dbPath: string, needles: string[]): string[] {
  const found: string[] = [];
  for (const suffix of ['', '-wal', '-shm']) {
    const file = dbPath + suffix;
    if (!fs.existsSync(file)) continue;
    const bytes = fs.readFileSync(file);
    for (const n of needles) {
      for (const [i, enc] of encodings(n).entries()) {
        if (bytes.includes(enc)) found.push(`${n} (${['utf8', 'utf16le', 'utf16be'][i]}) in ${suffix || 'db'}`);
      }
    }
  }
  return found;
}

describe('anonymisation', () => {
  // the bytes of a database file (PostgreSQL: VACUUM, see db/engine/erasure.ts): SQLite only
  it.skipIf(testEngine === 'postgres')('leaves no name, phone, e-mail or case number in the file, WAL or free pages, and keeps every figure', async () => {
    const ids = await setup();
    const needles = [secret.lastName, secret.firstName, secret.phone, secret.email, secret.caseNumber, 'Asthma-Notiz', 'Religionsvermerk'];
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(app.ctx.db);
    // the search can fail: before, the strings are in the file
    expect(foundInFiles(app.dbPath, needles).length).toBeGreaterThan(0);

    const frame = { programId: ids.old, from: '2017-01-01', to: '2019-12-31' };
    const before = await computeFigures(app.ctx.reader, frame);
    const result = await call<{ participantIds: number[]; counts: Record<string, number> }>('privacy.anonymise', { participantId: ids.a });
    expect(result.participantIds).toEqual([ids.a]);
    expect(result.counts.successStoriesDeleted).toBe(1);
    expect(result.counts.importReportsScrubbed).toBe(1);

    expect(foundInFiles(app.dbPath, needles)).toEqual([]);
    // the other people are untouched (and the search would have found them)
    expect(foundInFiles(app.dbPath, [keeper.lastName, keeper.email, keeper.caseNumber]).length).toBeGreaterThan(0);
    const after = await computeFigures(app.ctx.reader, frame);
    expect(after).toEqual(before);

    const row = await app.ctx.db.selectFrom('participants').selectAll().where('id', '=', ids.a).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      last_name: null,
      first_name: null,
      birth_date: null,
      birth_year: 1990,
      gender: 'm',
      nationality: 'Afghanistan',
      commune_id: ids.freiberg,
      residence_status: 'Duldung',
      arrival_in_saxony: '2016-01-01',
      case_manager: null,
      search_text: '',
    });
    expect(row.anonymised_at).not.toBeNull();
    const counts = async () => ({
      hours: (await app.ctx.db.selectFrom('hours').select((eb) => eb.fn.sum<number>('hours_x100').as('s')).executeTakeFirstOrThrow()).s,
      outcomes: (await app.ctx.db.selectFrom('outcomes').select(['kind']).orderBy('id').execute()).map((o) => o.kind),
      contacts: (await app.ctx.db.selectFrom('fair_contacts').select(['result', 'notes']).execute()),
    });
    expect(await counts()).toEqual({ hours: 925, outcomes: ['ausbildung', 'sv_beschaeftigung'], contacts: [{ result: 'praktikum', notes: null }] });

    // the audit trail keeps who/when/what of the person's entries, without the snapshots
    const trail = await app.ctx.db.selectFrom('audit_log').selectAll().where('participant_id', '=', ids.a).orderBy('id').execute();
    expect(trail.map((t) => t.action)).toEqual(['create', 'certificate', 'anonymise']);
    expect(trail.slice(0, 2).every((t) => t.redacted === 1 && t.before === null && t.after === null)).toBe(true);

    // a second run has nothing left to do
    const again = await anonymiseParticipants(app.ctx.db, [ids.a], { reason: 'request' });
    expect(again.participantIds).toEqual([]);
  });

  it('finds people past retention only when all their programs are, and the dry run changes nothing', async () => {
    const ids = await setup();
    // report 2020 + 5 years: kept through 2025, past from 2026-01-01
    expect((await listPastRetention(app.ctx.reader, '2025-12-31')).map((p) => p.participantId)).toEqual([]);
    const past = await listPastRetention(app.ctx.reader, '2026-01-01');
    // c is also in the running program, so stays
    expect(past.map((p) => p.participantId).sort()).toEqual([ids.a, ids.b].sort());
    expect(past[0]).toMatchObject({ pastSince: '2026-01-01', programs: ['Mentoren 2016'] });

    const dry = await call<{ dryRun: boolean; participantIds: number[] }>('privacy.anonymise', { pastRetention: true, dryRun: true });
    expect(dry.dryRun).toBe(true);
    expect(dry.participantIds.sort()).toEqual([ids.a, ids.b].sort());
    const still = await app.ctx.db.selectFrom('participants').select('last_name').where('id', '=', ids.a).executeTakeFirstOrThrow();
    expect(still.last_name).toBe(secret.lastName);

    const done = await call<{ participantIds: number[] }>('privacy.anonymise', { pastRetention: true });
    expect(done.participantIds.sort()).toEqual([ids.a, ids.b].sort());
    const c = await app.ctx.db.selectFrom('participants').select('last_name').where('id', '=', ids.c).executeTakeFirstOrThrow();
    expect(c.last_name).toBe('Drittefrau');
    expect(await call('privacy.pastRetention', {})).toEqual([]);
  });
});

describe('access export (Art. 15)', () => {
  it("contains every table's rows of the person, the audit trail, and nobody else's rows; it is logged", async () => {
    const ids = await setup();
    // what the database holds on the person before the export (the export then adds its own log and document row)
    const expected: Record<string, number[]> = {};
    for (const table of await participantTables(app.ctx.db)) {
      const rows =
        table === 'audit_log'
          ? await app.ctx.db
              .selectFrom('audit_log')
              .select('id')
              .where((eb) => eb.or([eb('participant_id', '=', ids.a), eb.and([eb('entity', '=', 'participant'), eb('entity_id', '=', ids.a)])]))
              .execute()
          : (await sql<{ id: number }>`SELECT id FROM ${sql.table(table)} WHERE participant_id = ${ids.a}`.execute(app.ctx.db)).rows;
      expected[table] = rows.map((r) => r.id).sort();
    }
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(10);
    const res = await call<{ json: { handle: string; name: string }; pdf: { handle: string; name: string }; tables: Record<string, number> }>(
      'privacy.accessExport',
      { participantId: ids.a },
    );
    expect(res.json.name).not.toContain(secret.lastName);
    const data = JSON.parse(fs.readFileSync(app.ctx.files.get(res.json.handle).path, 'utf8')) as AccessExportData;
    for (const [table, want] of Object.entries(expected)) {
      const got = (data.tables[table] ?? []).map((r) => r.id as number).sort();
      expect({ table, ids: got }).toEqual({ table, ids: want });
      for (const r of data.tables[table] ?? []) expect(r.participant_id).toBe(ids.a);
    }
    expect(data.tables.participants).toHaveLength(1);
    expect(data.tables.participants![0]).toMatchObject({ id: ids.a, last_name: secret.lastName, phone: secret.phone });
    expect(data.tables.hours).toHaveLength(2);
    expect(data.tables.import_batches).toEqual([expect.objectContaining({ file_name: 'liste.xlsx' })]);
    expect(data.tables.import_batches![0]).not.toHaveProperty('report');
    expect(data.tables.audit_log!.map((r) => r.action)).toEqual(['create', 'certificate']);
    const text = JSON.stringify(data);
    for (const other of [keeper.lastName, keeper.email, 'Drittefrau']) expect(text).not.toContain(other);

    const pdf = await getDocumentProxy(new Uint8Array(fs.readFileSync(app.ctx.files.get(res.pdf.handle).path)));
    const { text: pdfText } = await extractText(pdf, { mergePages: true });
    expect(pdfText).toContain('Auskunft nach Art. 15 DSGVO');
    expect(pdfText).toContain(secret.lastName);
    expect(pdfText).toContain('Sächsische Metallbau GmbH');
    expect(pdfText).not.toContain(keeper.lastName);

    const log = await call<{ entries: Array<{ action: string; peopleCount: number; actor: string; participantId: number }> }>('audit.list', { action: 'access_export' });
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]).toMatchObject({ peopleCount: 1, participantId: ids.a });
    const doc = await app.ctx.db.selectFrom('documents').select('kind').where('participant_id', '=', ids.a).where('kind', '=', 'auskunft').execute();
    expect(doc).toHaveLength(1);
  });
});

describe('audit log', () => {
  it('cannot be changed or deleted, neither through SQL nor through the app', async () => {
    await updateAppSettings(app.ctx.db, { coordinatorName: 'Koordination Testfeld' });
    const entry = await app.ctx.db.selectFrom('audit_log').selectAll().executeTakeFirstOrThrow();
    expect(entry.actor).toBe(actorFor('Koordination Testfeld'));
    await expect(app.ctx.db.deleteFrom('audit_log').where('id', '=', entry.id).execute()).rejects.toThrow(/append-only/);
    await expect(app.ctx.db.updateTable('audit_log').set({ details: 'gefälscht' }).where('id', '=', entry.id).execute()).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE audit_log SET action = 'x', redacted = 1 WHERE id = ${entry.id}`.execute(app.ctx.db)).rejects.toThrow(/append-only/);
    for (const name of ['audit.update', 'audit.delete', 'audit.clear']) {
      const r = await app.router.call(name, { id: entry.id });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('unknown_procedure');
    }
    const list = await call<{ total: number; entries: Array<{ action: string; entity: string }> }>('audit.list', {});
    expect(list.total).toBe(1);
    expect(list.entries[0]).toMatchObject({ action: 'update', entity: 'settings' });
  });
});

describe('consent', () => {
  it('a withdrawal blocks the success story from the report and shows in "Einwilligungen prüfen"', async () => {
    const ids = await setup();
    expect((await consentedStories(app.ctx.reader, ids.old)).map((s) => s.title)).toEqual(['Vom Praktikum zur Ausbildung']);
    const c = await call<{ state: string; consentSuccessStory: boolean; consentWithdrawnOn: string }>('privacy.withdrawConsent', { participantId: ids.a, date: '2026-11-01' });
    expect(c).toMatchObject({ state: 'withdrawn', consentSuccessStory: false, consentWithdrawnOn: '2026-11-01' });
    expect(await consentedStories(app.ctx.reader, ids.old)).toEqual([]);

    await call('privacy.recordConsent', { participantId: ids.b, consentDate: '2026-01-01', consentExpiresOn: '2099-12-31' });
    await app.ctx.db.updateTable('participants').set({ consent_date: '2025-01-01', consent_expires_on: '2000-01-01' }).where('id', '=', ids.c).execute();
    const review = await call<{ total: number; items: Array<{ participantId: number; state: string }> }>('privacy.consentReview', {});
    expect(review.items.map((i) => [i.participantId, i.state])).toEqual([
      [ids.a, 'withdrawn'],
      [ids.c, 'expired'],
    ]);
  });

  it('stores legal-basis fields per program; Art. 9 fields need a reason', async () => {
    const ids = await setup();
    const r = await app.router.call('privacy.updateProgram', { programId: ids.running, data: { sensitiveFields: ['healthNotes'] } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.details?.fields?.[0]?.path).toBe('data.sensitiveReason');
    const saved = await call<{ legalBasisFields: string[]; sensitiveFields: string[]; retentionEndsOn: string | null }>('privacy.updateProgram', {
      programId: ids.running,
      data: { legalBasisFields: ['lastName', 'firstName', 'birthDate'], sensitiveFields: ['healthNotes'], sensitiveReason: 'Arbeitsschutz bei AGH' },
    });
    expect(saved).toMatchObject({ legalBasisFields: ['lastName', 'firstName', 'birthDate'], sensitiveFields: ['healthNotes'], retentionEndsOn: null });
    const all = await call<Array<{ programName: string; retentionEndsOn: string | null }>>('privacy.programs', {});
    expect(all.find((p) => p.programName === 'Mentoren 2016')?.retentionEndsOn).toBe('2026-01-01');
  });
});
