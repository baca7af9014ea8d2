import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParticipantListFilter } from '../../../shared/contract/reports.contract.js';
import { defaultParticipantListColumns } from '../../../shared/contract/reports.contract.js';
import type { ParticipantInput } from '../../../shared/domain/participants.js';
import { aghProgram } from '../../features/placements/placements.seed.js';
import { archiveParticipant, createParticipant, listParticipants } from '../../features/participants/participants.service.js';
import { anonymiseParticipants } from '../../features/privacy/anonymise.service.js';
import { createProgram } from '../../features/programs/programs.service.js';
import { rawRows } from '../../test/raw-query.js';
import { tempApp } from '../../test/temp-db.js';
import { exportParticipantList, participantListCount } from '../../features/reports/participant-list.service.js';

type TempApp = Awaited<ReturnType<typeof tempApp>>;
let app: TempApp;
let agh = 0;
let mentoring = 0;
let doebeln = 0;
let freiberg = 0;
const ids: Record<string, number> = {};
const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).status === 0;
const EVIL = '=HYPERLINK("http://example.invalid","klick")';
const created = new Date(2026, 10, 20, 9, 30);

async function person(key: string, data: ParticipantInput): Promise<number> {
  ids[key] = (await createParticipant(app.ctx.db, data, { confirmDuplicate: true })).id;
  return ids[key];
}

async function enrol(participantId: number, programId: number, status: string, start: string | null, end: string | null = null) {
  await app.ctx.db
    .insertInto('enrollments')
    .values({
      participant_id: participantId,
      program_id: programId,
      status: status as 'aktiv',
      applied_on: null,
      start_date: start,
      end_date: end,
      exit_reason: null,
      eligible: 1,
      eligibility_reason: null,
      override_reason: null,
      import_batch_id: null,
    })
    .execute();
}

/** Reads the exported sheet: header row values and the data rows as arrays (1-based cells dropped). */
async function readBack(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('Teilnehmende')!;
  const header = 5;
  const rows: ExcelJS.Row[] = [];
  for (let r = header + 1; r <= ws.rowCount; r++) rows.push(ws.getRow(r));
  return { wb, ws, header, headerValues: (ws.getRow(header).values as unknown[]).slice(1), rows };
}

async function exportTo(name: string, filter: ParticipantListFilter, columns = [...defaultParticipantListColumns]) {
  const file = path.join(app.dir, name);
  const res = await exportParticipantList(app.ctx.reader, app.ctx.db, { filter, columns }, file, { created });
  return { file, ...res };
}

beforeAll(async () => {
  app = await tempApp();
  const db = app.ctx.db;
  const made = await aghProgram(db, { Döbeln: 3, Freiberg: 3 });
  agh = made.programId;
  doebeln = made.communeIds['Döbeln']!;
  freiberg = made.communeIds['Freiberg']!;
  mentoring = (await createProgram(db, { name: 'Mentoring Test', startDate: '2025-01-01' })).id;

  await person('mueller', {
    lastName: 'Müller',
    firstName: 'Anna',
    birthDate: '1990-05-17',
    gender: 'w',
    nationality: 'syrisch',
    communeId: doebeln,
    residenceStatus: 'Duldung',
    arrivalInSaxony: '2019-03-01',
    germanLevel: 'B1',
    phone: '+49 170 1234567',
    email: 'anna@example.org',
    caseNumber: 'AZ-0001',
    caseManager: 'Fallmanagement Döbeln',
    socialWorker: 'FSA Döbeln',
    consentDate: '2025-01-10',
  });
  await enrol(ids.mueller!, agh, 'aktiv', '2026-02-01');
  await person('evil', { lastName: EVIL, firstName: '+49 Formel', birthDate: '1985-01-02', communeId: doebeln, residenceStatus: 'Duldung' });
  await enrol(ids.evil!, agh, 'aktiv', '2026-03-01');
  // a name needs a letter (Input hygiene); '-1+A2' still starts like a formula and even names a cell
  await person('at', { lastName: '@Summe', firstName: '-1+A2', communeId: doebeln });
  await enrol(ids.at!, agh, 'interessiert', null);
  // re-entry: an older completed and a newer active enrollment in the same program
  await person('oeztuerk', { lastName: 'Öztürk', firstName: 'Elif', birthDate: '1998-12-24', communeId: freiberg, gender: 'w' });
  await enrol(ids.oeztuerk!, agh, 'abgeschlossen', '2026-01-05', '2026-06-30');
  await enrol(ids.oeztuerk!, agh, 'aktiv', '2026-09-01');
  await person('archived', { lastName: 'Archiv', firstName: 'Alma', communeId: doebeln });
  await enrol(ids.archived!, agh, 'aktiv', '2026-01-10');
  await archiveParticipant(db, ids.archived!, true);
  await person('gone', { lastName: 'Vergessen', firstName: 'Vera', birthDate: '1970-07-07', communeId: doebeln, caseNumber: 'AZ-GONE' });
  await enrol(ids.gone!, agh, 'aktiv', '2026-01-15');
  await anonymiseParticipants(db, [ids.gone!], { reason: 'request' });
  await person('mentee', { lastName: 'Nowak', firstName: 'Piotr', communeId: doebeln, consentDate: '2025-02-01', consentWithdrawnOn: '2025-06-01' });
  await enrol(ids.mentee!, mentoring, 'aktiv', '2025-03-01');
  await person('none', { lastName: 'Ohne', firstName: 'Programm', communeId: freiberg });
});
afterAll(async () => app.dispose());

/**
 * The same filter as independent SQL, on a connection of its own (the engine's driver directly, neither Kysely nor
 * the participants service): who must be on the list, in name order.
 */
async function expectedPeople(programId: number | null, communeId: number | null, includeArchived = false): Promise<string[]> {
  const rows = await rawRows<{ last_name: string; first_name: string }>(
    app.dbPath,
    `SELECT p.last_name, p.first_name FROM participants p
     WHERE p.anonymised_at IS NULL
       AND (CAST($1 AS BIGINT) = 1 OR p.archived_at IS NULL)
       AND (CAST($2 AS BIGINT) IS NULL OR p.commune_id = CAST($2 AS BIGINT))
       AND (CAST($3 AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM enrollments e WHERE e.participant_id = p.id AND e.program_id = CAST($3 AS BIGINT)))
     ORDER BY p.last_name, p.first_name, p.id`,
    [includeArchived ? 1 : 0, communeId, programId],
  );
  return rows.map((r) => `${r.last_name}|${r.first_name}`);
}

describe('named participant list (issue 7)', () => {
  it('writes the chosen columns under a bold, frozen, filterable header, for exactly the filtered people', async () => {
    const columns = ['lastName', 'firstName', 'birthDate', 'commune', 'residenceStatus', 'programStatus', 'entryDate', 'exitDate'] as const;
    const { file, count, name } = await exportTo('agh-doebeln.xlsx', { programId: agh, communeId: doebeln }, [...columns]);
    expect(name).toBe('Teilnehmendenliste_AGH-Test_2026-11-20.xlsx');
    const { wb, ws, header, headerValues, rows } = await readBack(file);
    expect(headerValues).toEqual(['Nachname', 'Vorname', 'Geburtsdatum', 'Wohnort/Kommune', 'Aufenthaltsstatus', 'Programmstatus', 'Eintritt', 'Austritt']);
    expect(ws.getCell(header, 1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: header });
    expect(ws.autoFilter).toBe(`A${header}:H${header + count}`);
    expect(ws.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, printTitlesRow: `${header}:${header}`, paperSize: 9 });

    const got = rows.map((r) => `${String(r.getCell(1).value)}|${String(r.getCell(2).value)}`);
    const want = await expectedPeople(agh, doebeln);
    expect(want).toHaveLength(3);
    expect(got).toEqual(want);
    expect(count).toBe(want.length);
    // nobody without a name slipped in (the anonymised person matches the filter but is left out)
    expect(rows.every((r) => typeof r.getCell(1).value === 'string' && r.getCell(1).value !== '')).toBe(true);

    // document properties say what this is, for whom and when
    expect(wb.title).toBe('Teilnehmendenliste (namentlich) – AGH Test');
    expect(wb.subject).toBe('AGH Test');
    expect(wb.description).toContain('Programm: AGH Test · Kommune: Döbeln · ohne archivierte');
    expect(wb.description).toContain('Personen: 3');
    expect(wb.created?.toISOString()).toBe(created.toISOString());
    expect(String(ws.getCell('A3').value)).toContain('personenbezogene Daten');
  });

  it('holds exactly the people the Teilnehmende list shows for the same filter (archived, search, status)', async () => {
    const filters: ParticipantListFilter[] = [
      {},
      { includeArchived: true },
      { programId: agh },
      { programId: agh, enrollmentStatus: 'abgeschlossen' },
      { search: 'oeztuerk' },
      { communeId: freiberg, sort: 'name', direction: 'desc' },
      { residenceStatus: 'Duldung' },
    ];
    for (const [i, filter] of filters.entries()) {
      const list = await listParticipants(app.ctx.reader, { ...filter, limit: 500 });
      const shown = list.rows.filter((r) => r.lastName !== null).map((r) => `${r.lastName}|${r.firstName}`);
      const { file, count } = await exportTo(`filter-${i}.xlsx`, filter, ['lastName', 'firstName']);
      const { rows } = await readBack(file);
      expect(rows.map((r) => `${String(r.getCell(1).value)}|${String(r.getCell(2).value)}`), JSON.stringify(filter)).toEqual(shown);
      expect(count).toBe(shown.length);
      const preview = await participantListCount(app.ctx.reader, filter);
      expect(preview.count).toBe(count);
      expect(preview.count + preview.anonymised).toBe(list.total);
    }
    expect(await expectedPeople(null, null, true)).toHaveLength(7);
  });

  it('writes dates as real dates in German format, and program columns from the latest matching enrollment', async () => {
    const all = ['lastName', 'birthDate', 'arrivalInSaxony', 'consent', 'consentDate', 'programStatus', 'entryDate', 'exitDate', 'gender', 'phone'] as const;
    const { file } = await exportTo('dates.xlsx', { programId: agh }, [...all]);
    const { rows } = await readBack(file);
    const row = (last: string) => rows.find((r) => r.getCell(1).value === last)!;
    const mueller = row('Müller');
    expect(mueller.getCell(2).value).toEqual(new Date(Date.UTC(1990, 4, 17)));
    expect(mueller.getCell(2).numFmt).toBe('dd.mm.yyyy');
    expect(mueller.getCell(3).value).toEqual(new Date(Date.UTC(2019, 2, 1)));
    expect(mueller.getCell(4).value).toBe('erteilt');
    expect(mueller.getCell(5).value).toEqual(new Date(Date.UTC(2025, 0, 10)));
    expect(mueller.getCell(7).value).toEqual(new Date(Date.UTC(2026, 1, 1)));
    expect(mueller.getCell(9).value).toBe('weiblich');
    expect(mueller.getCell(10).value).toBe('+49 170 1234567');
    const elif = row('Öztürk');
    expect(elif.getCell(6).value).toBe('aktiv');
    expect(elif.getCell(7).value).toEqual(new Date(Date.UTC(2026, 8, 1)));
    expect(elif.getCell(8).value).toBeNull();

    const done = await exportTo('done.xlsx', { programId: agh, enrollmentStatus: 'abgeschlossen' }, [...all]);
    const back = await readBack(done.file);
    expect(back.rows).toHaveLength(1);
    expect(back.rows[0]!.getCell(6).value).toBe('abgeschlossen');
    expect(back.rows[0]!.getCell(8).value).toEqual(new Date(Date.UTC(2026, 5, 30)));
    expect(back.rows[0]!.getCell(8).type).toBe(ExcelJS.ValueType.Date);

    const mentee = await readBack((await exportTo('mentee.xlsx', { programId: mentoring }, ['lastName', 'consent'])).file);
    expect(mentee.rows.map((r) => r.getCell(2).value)).toEqual(['widerrufen']);
  });

  it('keeps text that starts with = + - @ as text, never a formula (cell types and the sheet XML)', async () => {
    const { file } = await exportTo('evil.xlsx', { communeId: doebeln }, ['lastName', 'firstName']);
    const { rows } = await readBack(file);
    const evil = rows.find((r) => r.getCell(1).value === EVIL)!;
    expect(evil.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(evil.getCell(2).value).toBe('+49 Formel');
    const at = rows.find((r) => r.getCell(1).value === '@Summe')!;
    expect(at.getCell(2).value).toBe('-1+A2');
    expect(at.getCell(2).numFmt).toBe('@');
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).not.toMatch(/<f[ >]/);
  });

  it('fits column widths to the content and prints landscape only when the list is wide', async () => {
    const narrow = await readBack((await exportTo('narrow.xlsx', {}, ['lastName', 'firstName'])).file);
    expect(narrow.ws.pageSetup.orientation).toBe('portrait');
    // the longest last name is the formula text (45 characters, capped); dates are ten characters wide
    expect(narrow.ws.getColumn(1).width).toBe(45);
    expect(narrow.ws.getColumn(2).width).toBe('+49 Formel'.length + 2);
    const wide = await readBack(
      (await exportTo('wide.xlsx', { programId: agh }, ['lastName', 'firstName', 'birthDate', 'nationality', 'commune', 'residenceStatus', 'phone', 'email', 'caseManager', 'socialWorker'])).file,
    );
    expect(wide.ws.pageSetup.orientation).toBe('landscape');
    // 'Geburtsdatum' plus room for the filter button and padding
    expect(wide.ws.getColumn(3).width).toBe(16);
  });

  it('records each export in the Protokoll: who, what, how many people – no names, no search text', async () => {
    const before = await app.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'named_list').execute();
    const { count } = await exportTo('audited.xlsx', { programId: agh, search: 'müller' }, ['lastName', 'firstName', 'caseNumber']);
    const entries = await app.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'named_list')
      .orderBy('id', 'desc')
      .execute();
    expect(entries).toHaveLength(before.length + 1);
    const e = entries[0]!;
    expect(count).toBe(1);
    expect(e.people_count).toBe(1);
    expect(e.entity).toBe('access');
    expect(e.actor).not.toBe('');
    expect(e.details).toContain('Teilnehmendenliste (namentlich)');
    expect(e.details).toContain('Spalten: Nachname, Vorname, Aktenzeichen');
    expect(e.details).toContain('Programm: AGH Test');
    for (const secret of ['Müller', 'müller', 'Anna', 'AZ-0001']) expect(e.details).not.toContain(secret);
    expect(e.participant_id).toBeNull();
  });

  it('refuses program columns without a program, with a specific message', async () => {
    const res = await app.router.call('reports.participantListExport', { filter: {}, columns: ['lastName', 'entryDate'] });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('validation');
    expect(res.error.details?.fields?.[0]).toMatchObject({ path: 'columns' });
    expect(res.error.message).toContain('Programm');
    const ok = await app.router.call('reports.participantListExport', { filter: { programId: agh }, columns: ['lastName', 'entryDate'] });
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(ok.data).toMatchObject({ count: 4, name: expect.stringMatching(/^Teilnehmendenliste_AGH-Test_\d{4}-\d{2}-\d{2}\.xlsx$/) });
  });

  it('remembers the chosen columns; the default set until someone chooses', async () => {
    const first = await app.router.call('reports.participantListColumns', {});
    expect(first).toEqual({ ok: true, data: { columns: defaultParticipantListColumns } });
    const saved = await app.router.call('reports.saveParticipantListColumns', { columns: ['email', 'lastName'] });
    expect(saved).toEqual({ ok: true, data: { columns: ['email', 'lastName'] } });
    expect(await app.router.call('reports.participantListColumns', {})).toEqual({ ok: true, data: { columns: ['email', 'lastName'] } });
    const bad = await app.router.call('reports.saveParticipantListColumns', { columns: ['lastName', 'lastName'] });
    expect(bad.ok).toBe(false);
  });

  it.skipIf(!hasSoffice)('LibreOffice opens it: header, names as text, German dates', async () => {
    const { file } = await exportTo('lo.xlsx', { communeId: doebeln }, ['lastName', 'firstName', 'birthDate']);
    const out = path.join(app.dir, 'lo-csv');
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${path.join(app.dir, 'lo-profile')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true', '--outdir', out, file],
      { timeout: 120_000, stdio: 'ignore' },
    );
    const lines = fs.readFileSync(path.join(out, 'lo.csv'), 'utf8').trim().split(/\r?\n/);
    expect(lines[4]).toBe('Nachname,Vorname,Geburtsdatum');
    expect(lines).toContain('Müller,Anna,17.05.1990');
    // LibreOffice shows the text itself: it did not evaluate it as a formula
    expect(lines).toContain(`"${EVIL.replace(/"/g, '""')}",+49 Formel,02.01.1985`);
    expect(lines).toContain('@Summe,-1+A2,');
  }, 180_000);

  it('the CLI writes the same list and the same Protokoll entry; bad columns get a specific error', async () => {
    const bin = path.resolve(import.meta.dirname, '../../../bin/lotse.mjs');
    const out = path.join(app.dir, 'cli.xlsx');
    const run = (...args: string[]) => spawnSync(process.execPath, [bin, 'report', 'participant-list', '--db', app.dbPath, ...args], { encoding: 'utf8', timeout: 60_000 });
    const res = run('--program', 'agh test', '--commune', 'Döbeln', '--columns', 'lastName,Vorname,Geburtsdatum', '--out', out);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('Teilnehmendenliste: 3 Personen');
    const { headerValues, rows } = await readBack(out);
    expect(headerValues).toEqual(['Nachname', 'Vorname', 'Geburtsdatum']);
    expect(rows.map((r) => `${String(r.getCell(1).value)}|${String(r.getCell(2).value)}`)).toEqual(await expectedPeople(agh, doebeln));
    const last = await app.ctx.reader.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(last).toMatchObject({ action: 'named_list', people_count: 3 });

    const bad = run('--columns', 'lastName,Schuhgröße', '--out', out);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('unbekannte Spalte "Schuhgröße"');
    const noProgram = run('--columns', 'lastName,entryDate', '--out', out);
    expect(noProgram.status).toBe(1);
    expect(noProgram.stderr).toContain('brauchen ein Programm');
    const unknownCommune = run('--commune', 'Atlantis', '--out', out);
    expect(unknownCommune.stderr).toContain('Kommune "Atlantis" nicht gefunden');
  }, 120_000);
});
