import { engineOf } from '../../db/engine/kind.js';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { appendDurable, createPrivateFile } from '../../db/at-rest.js';
import type { Database } from '../../db/schema.js';

/**
 * The record of every erasure (anonymisation) lives in a journal file beside the database, `<db>.erasures.jsonl`
 * (0600, append-only, one JSON line per person), not in the database: a restore replaces the database's rows, so a
 * record kept there would be rolled back together with the erasure. Every restore reads the journal and erases
 * again everyone erased after the backup was made.
 *
 * A line holds what is needed to find the person again, and no name: the participant id (stable within one
 * database: erased rows stay, so ids are never reused) and keyed hashes (HMAC-SHA256 with a random pepper kept in
 * the journal's first line) of the person's duplicate keys, name_key (name + birth date) and case_number_key, which
 * find the person in a backup whose ids differ. The hashes cannot be looked up in a table prepared elsewhere; a
 * reader of the journal could still test guesses, but that reader can open the database itself.
 */
export interface ErasureEntry {
  at: string;
  id: number;
  keys: string[];
  /** the database the id belongs to (settings `databaseId`); ids of another database say nothing */
  db?: string;
}

export interface Journal {
  pepper: Buffer;
  entries: ErasureEntry[];
}

export function journalPath(dbPath: string): string {
  return `${dbPath}.erasures.jsonl`;
}

function ensureJournal(file: string): Buffer {
  if (!fs.existsSync(file)) {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.rmSync(tmp, { force: true });
    createPrivateFile(tmp);
    appendDurable(tmp, `${JSON.stringify({ v: 1, pepper: crypto.randomBytes(32).toString('base64') })}\n`);
    try {
      fs.linkSync(tmp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  return readJournal(file)!.pepper;
}

/** The journal of a database file, or null when nobody was erased yet. A torn last line (a crash) is skipped. */
export function readJournal(file: string): Journal | null {
  if (!fs.existsSync(file)) return null;
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const head = JSON.parse(lines[0] ?? '{}') as { pepper?: string };
  if (!head.pepper) throw new Error(`Das Löschprotokoll ${file} hat keinen Kopf.`);
  const entries: ErasureEntry[] = [];
  for (const line of lines.slice(1)) {
    try {
      const e = JSON.parse(line) as ErasureEntry;
      if (typeof e.id === 'number' && typeof e.at === 'string') entries.push({ at: e.at, id: e.id, keys: e.keys ?? [], db: e.db });
    } catch {
      // only the last line can be torn (appends are single writes); the entries before it stand
    }
  }
  return { pepper: Buffer.from(head.pepper, 'base64'), entries };
}

export const keyHash = (pepper: Buffer, value: string) => crypto.createHmac('sha256', pepper).update(value).digest('hex');

export interface ErasedPerson {
  id: number;
  nameKey: string | null;
  caseNumberKey: string | null;
}

/**
 * A random id of this database, made once and kept in its settings (so a backup carries it): participant ids are
 * compared only between backups of the same database, never with one from another PC.
 */
export async function databaseId(db: Kysely<Database>, create: boolean): Promise<string | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'databaseId').executeTakeFirst();
  if (row) return JSON.parse(row.value) as string;
  if (!create) return null;
  const id = crypto.randomUUID();
  await db.insertInto('settings').values({ key: 'databaseId', value: JSON.stringify(id) }).execute();
  return id;
}

/** Appends the erasure of these people, forced to disk before it returns (call it before the erasure commits). */
export function recordErasures(dbPath: string, people: ErasedPerson[], at: string, dbId: string): void {
  if (people.length === 0) return;
  const file = journalPath(dbPath);
  const pepper = ensureJournal(file);
  const lines = people.map((p) => {
    const keys = [p.nameKey, p.caseNumberKey].filter((k): k is string => !!k).map((k) => keyHash(pepper, k));
    return JSON.stringify({ at, id: p.id, keys, db: dbId } satisfies ErasureEntry);
  });
  appendDurable(file, `${lines.join('\n')}\n`);
}

/** The file of a connection's main database ('' for an in-memory one or a team server). */
export async function databaseFileOf(db: Kysely<Database>): Promise<string> {
  // a team server has no file beside which a journal could live, and no file restore that could bring people back
  if (engineOf(db) === 'postgres') return '';
  const rows = await sql<{ name: string; file: string }>`PRAGMA database_list`.execute(db);
  return rows.rows.find((r) => r.name === 'main')?.file ?? '';
}

/**
 * People in `db` (not yet anonymised) whom the journal records as erased after `since` (every entry when null):
 * by id when the entry is of this same database (or either side predates database ids), or by a duplicate key
 * whose hash the entry holds.
 */
export async function findErased(db: Kysely<Database>, journal: Journal, since: string | null): Promise<number[]> {
  const due = journal.entries.filter((e) => since === null || e.at > since);
  if (due.length === 0) return [];
  const self = await databaseId(db, false);
  const ids = new Set(due.filter((e) => !e.db || !self || e.db === self).map((e) => e.id));
  const keys = new Set(due.flatMap((e) => e.keys));
  const rows = await db.selectFrom('participants').select(['id', 'name_key', 'case_number_key']).where('anonymised_at', 'is', null).execute();
  const hit = (k: string | null) => k !== null && keys.has(keyHash(journal.pepper, k));
  return rows.filter((r) => ids.has(r.id) || hit(r.name_key) || hit(r.case_number_key)).map((r) => r.id);
}
