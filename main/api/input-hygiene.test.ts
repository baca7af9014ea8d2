import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallResult } from './router.js';
import type { FieldIssue } from '../../shared/errors.js';
import { tempApp } from '../test/temp-db.js';

/**
 * Issue 12 item 7 and issue 19 item 1 through the router, as both transports call it, on a real SQLite file:
 * every hostile or broken input answers with a field message in German (and its English) and stores nothing.
 */
let app: Awaited<ReturnType<typeof tempApp>>;
let programId: number;
beforeEach(async () => {
  app = await tempApp();
  const created = await app.router.call('programs.create', { name: 'AGH Test', startDate: '2026-01-01' });
  programId = (ok(created) as { id: number }).id;
});
afterEach(() => app.dispose());

function ok(r: CallResult): unknown {
  if (!r.ok) throw new Error(`call failed: ${r.error.message}`);
  return r.data;
}

function fields(r: CallResult): FieldIssue[] {
  expect(r.ok).toBe(false);
  if (r.ok) return [];
  expect(r.error.code).toBe('validation');
  return r.error.details?.fields ?? [];
}

const people = async () => app.ctx.db.selectFrom('participants').selectAll().execute();
/** zod's own wording in either language: type names, operators, "expected". */
const rawZod = /expected |erwartet|received|erhalten|undefined|[<>]=?\d|^Invalid input$|^Ungültige Eingabe$/;

describe('input hygiene through the router', () => {
  it('a name of zero-width spaces, and NUL in a name or an e-mail, are field errors; nothing is stored', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ lastName: '\u200b\u200b', firstName: 'Anna' }, 'lastName', 'Ein Name braucht mindestens einen Buchstaben'],
      [{ lastName: 'Mül\u0000ler', firstName: 'Anna' }, 'lastName', 'Enthält Zeilenumbrüche oder Steuerzeichen, die hier nicht erlaubt sind'],
      [{ lastName: 'Müller', firstName: 'Anna', email: 'a\u0000@b.de' }, 'email', 'Enthält Zeilenumbrüche oder Steuerzeichen, die hier nicht erlaubt sind'],
      [{ lastName: 'Müller', firstName: 'Anna', notes: 'ok\u0000' }, 'notes', 'Enthält Steuerzeichen, die hier nicht erlaubt sind'],
    ];
    for (const [data, field, message] of cases) {
      const path = `data.${field}`;
      const f = fields(await app.router.call('participants.create', { data }));
      expect(f).toContainEqual(expect.objectContaining({ path, message }));
      expect(f.find((x) => x.path === path)?.messageEn).toMatch(/^(A name needs|Contains)/);
    }
    expect(await people()).toEqual([]);
  });

  it('stores names in NFC and keeps the line breaks of notes', async () => {
    const p = ok(
      await app.router.call('participants.create', { data: { lastName: 'Mu\u0308ller', firstName: ' Anna  Lena ', notes: 'Zeile 1\r\nZeile 2' } }),
    ) as { lastName: string; firstName: string; notes: string };
    expect(p).toMatchObject({ lastName: 'M\u00fcller', firstName: 'Anna Lena', notes: 'Zeile 1\nZeile 2' });
    const [row] = await people();
    expect(row?.last_name).toBe('M\u00fcller');
  });

  it('consent for a program that does not exist is a field error, at create and at recordConsent; nothing stored', async () => {
    const create = await app.router.call('participants.create', {
      data: { lastName: 'Müller', firstName: 'Anna', consentDate: '2026-01-05', consentPrograms: [programId, 4711] },
    });
    expect(fields(create)).toEqual([{ path: 'consentPrograms', message: 'Unbekanntes Programm', messageEn: 'Unknown program' }]);
    expect(await people()).toEqual([]);

    const person = ok(await app.router.call('participants.create', { data: { lastName: 'Müller', firstName: 'Anna' } })) as { id: number };
    const record = await app.router.call('privacy.recordConsent', { participantId: person.id, consentDate: '2026-01-05', consentPrograms: [4711] });
    expect(fields(record)).toEqual([{ path: 'consentPrograms', message: 'Unbekanntes Programm', messageEn: 'Unknown program' }]);
    const [row] = await people();
    expect(row).toMatchObject({ consent_date: null, consent_programs: '[]' });
    const audits = await app.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'consent_recorded').execute();
    expect(audits).toEqual([]);

    // a real program, named twice, is stored once
    const good = ok(
      await app.router.call('privacy.recordConsent', { participantId: person.id, consentDate: '2026-01-05', consentPrograms: [programId, programId] }),
    ) as { consentPrograms: number[] };
    expect(good.consentPrograms).toEqual([programId]);
  });

  it('a withdrawal dated before the consent is a field error and changes nothing', async () => {
    const person = ok(
      await app.router.call('participants.create', { data: { lastName: 'Müller', firstName: 'Anna', consentDate: '2026-02-01' } }),
    ) as { id: number };
    const r = await app.router.call('privacy.withdrawConsent', { participantId: person.id, date: '2026-01-01' });
    expect(fields(r)).toEqual([{ path: 'date', message: 'Der Widerruf liegt vor der Einwilligung', messageEn: 'The withdrawal is before the consent' }]);
    expect((await people())[0]?.consent_withdrawn_on).toBeNull();
  });

  it('the empty commune row of the program dialog gets German and English words, never zod text', async () => {
    const r = await app.router.call('programs.create', {
      name: 'Mentoring',
      startDate: '2026-01-01',
      hourlyRateCents: 'viel',
      communes: [{ communeId: 0, slots: -1 }],
    });
    const f = fields(r);
    expect(f).toEqual(
      expect.arrayContaining([
        { path: 'communes.0.communeId', message: 'Bitte auswählen', messageEn: 'Please choose' },
        { path: 'communes.0.slots', message: 'Nicht negativ', messageEn: 'Must not be negative' },
        { path: 'hourlyRateCents', message: 'Bitte eine Zahl eingeben', messageEn: 'Please enter a number' },
      ]),
    );
    for (const x of f) {
      expect(x.message).not.toMatch(rawZod);
      expect(x.messageEn).not.toMatch(rawZod);
    }
    if (!r.ok) expect(r.error.messageEn).toMatch(/^Invalid input: /);
    expect(ok(await app.router.call('programs.list', {}))).toHaveLength(1);
  });

  it('a search with NUL is refused, a decomposed search finds the composed name', async () => {
    ok(await app.router.call('participants.create', { data: { lastName: 'Müller', firstName: 'Anna' } }));
    expect(fields(await app.router.call('participants.list', { search: 'M\u0000' }))[0]?.path).toBe('search');
    const found = ok(await app.router.call('participants.list', { search: 'Mu\u0308ller' })) as { total: number };
    expect(found.total).toBe(1);
  });

  it('a file handle that names a folder or a device is refused before reading (not_a_file), in German', async () => {
    const targets = [app.dir, ...(fs.existsSync('/dev/zero') ? ['/dev/zero'] : [])];
    for (const target of targets) {
      const handle = app.ctx.files.register({ path: target, name: path.basename(target), temporary: false });
      for (const name of ['imports.preview', 'imports.commit'] as const) {
        const r = await app.router.call(name, { handle });
        expect(r.ok).toBe(false);
        if (r.ok) continue;
        expect(r.error.code).toBe('not_a_file');
        expect(r.error.message).toMatch(/ist (ein Ordner|ein Gerät), keine Datei/);
        expect(r.error.messageEn).toMatch(/is (a folder|a device), not a file/);
      }
    }
    expect(await people()).toEqual([]);
  });

  it('a person, program or commune that does not exist is not_found or a field error, never an internal error', async () => {
    const person = ok(await app.router.call('participants.create', { data: { lastName: 'Müller', firstName: 'Anna' } })) as { id: number };
    const calls: [string, unknown][] = [
      ['participants.get', { id: 4711 }],
      ['participants.update', { id: 4711, data: { lastName: 'Neu', firstName: 'Anna' } }],
      ['participants.archive', { id: 4711, archived: true }],
      ['participants.history', { id: 4711 }],
      ['privacy.consent', { participantId: 4711 }],
      ['privacy.recordConsent', { participantId: 4711, consentDate: '2026-01-05' }],
      ['privacy.withdrawConsent', { participantId: 4711, date: '2026-01-05' }],
      ['privacy.accessExport', { participantId: 4711 }],
      ['privacy.anonymise', { participantId: 4711 }],
      ['privacy.updateProgram', { programId: 4711, data: {} }],
      ['participants.update', { id: person.id, data: { lastName: 'Müller', firstName: 'Anna', communeId: 4711 } }],
    ];
    for (const [name, input] of calls) {
      const r = await app.router.call(name, input);
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(['not_found', 'validation'], `${name}: ${r.error.code}`).toContain(r.error.code);
    }
    const rows = await people();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ last_name: 'Müller', commune_id: null, anonymised_at: null });
  });
});
