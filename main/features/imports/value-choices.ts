import type { Kysely } from 'kysely';
import type { ImportRecord, ValueChoice, ValueField } from '../../../shared/domain/imports.js';
import { AppError } from '../../../shared/errors.js';
import { nationality } from '../../../shared/rules/countries.js';
import { residenceTitle } from '../../../shared/rules/residence-titles.js';
import type { Database } from '../../db/schema.js';
import { senderKey } from '../../excel/import/saved-mapping.js';
import { audit } from '../audit/audit.service.js';
import { getSetting, setSetting } from '../settings/settings.service.js';

type Db = Kysely<Database>;

/**
 * Decisions for values the catalogues do not recognise, remembered per sender like the column mapping (issue 14
 * item 5). Kept as one setting (sender → field → value key → target): a sender sends a few dozen odd values, so a
 * table of their own would add a migration for no gain.
 */
const VALUE_MAPS_KEY = 'imports.valueMaps';
type Remembered = Record<string, Partial<Record<ValueField, Record<string, string>>>>;

/** Decisions by field and value key; a target is a title code, country code or commune id, '' = leave empty. */
export type Decisions = Partial<Record<ValueField, Map<string, string>>>;

/** The same value however the sender spaced or cased it this time. */
export const valueKey = (value: string) => value.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** The sender's remembered decisions (none without a sender). */
export async function rememberedDecisions(db: Db, sender: string | null | undefined): Promise<Decisions> {
  if (!sender?.trim()) return {};
  const all = await getSetting<Remembered>(db, VALUE_MAPS_KEY, {});
  const mine = all[senderKey(sender)] ?? {};
  const out: Decisions = {};
  for (const [field, byValue] of Object.entries(mine) as [ValueField, Record<string, string>][]) out[field] = new Map(Object.entries(byValue));
  return out;
}

/** The choices of this import over the remembered ones; a choice of null ("leave open") removes a remembered one. */
export function mergeDecisions(remembered: Decisions, choices: readonly ValueChoice[]): Decisions {
  const out: Decisions = {};
  for (const [field, byValue] of Object.entries(remembered) as [ValueField, Map<string, string>][]) out[field] = new Map(byValue);
  for (const c of choices) {
    const byValue = (out[c.field] ??= new Map());
    if (c.mapTo === null) byValue.delete(valueKey(c.value));
    else byValue.set(valueKey(c.value), c.mapTo);
  }
  return out;
}

/** Stores this import's choices for the sender (after new communes got their ids). */
export async function rememberChoices(db: Db, sender: string | null | undefined, choices: readonly ValueChoice[]): Promise<void> {
  if (!sender?.trim() || choices.length === 0) return;
  const all = await getSetting<Remembered>(db, VALUE_MAPS_KEY, {});
  const mine = (all[senderKey(sender)] ??= {});
  for (const c of choices) {
    const byValue = (mine[c.field] ??= {});
    if (c.mapTo === null) delete byValue[valueKey(c.value)];
    else byValue[valueKey(c.value)] = c.mapTo;
  }
  await setSetting(db, VALUE_MAPS_KEY, all);
}

/**
 * What a target stands for, as the text the import stores: the title's label and the country's German name map
 * back to their codes through the catalogue parsers (a test holds them to it); a commune by its name. '' = empty.
 * Undefined: the target names nothing (a deleted commune, an old code) and the value stays unknown.
 */
export type TargetText = (field: ValueField, target: string) => string | null | undefined;

export function targetText(communeNames: ReadonlyMap<number, string>): TargetText {
  return (field, target) => {
    if (target === '') return null;
    if (field === 'residenceStatus') return residenceTitle(target)?.label;
    if (field === 'nationality') return nationality(target)?.name;
    return /^\d+$/.test(target) ? communeNames.get(Number(target)) : undefined;
  };
}

/**
 * Rewrites the record's unknown values as decided, in place; values without a (valid) decision stay as they are.
 * A value the catalogues recognise keeps their match: a decision remembered from an earlier file never overrides it.
 */
export function applyDecisions(record: ImportRecord, decisions: Decisions, text: TargetText, known: (field: ValueField, value: string) => boolean): void {
  for (const field of Object.keys(decisions) as ValueField[]) {
    const value = record[field];
    if (value === null) continue;
    const target = decisions[field]!.get(valueKey(value));
    if (target === undefined || known(field, value)) continue;
    const mapped = text(field, target);
    if (mapped !== undefined) record[field] = mapped;
  }
}

/** Refuses a choice whose target names nothing, before anything is written. */
export function checkChoices(choices: readonly ValueChoice[], text: TargetText): void {
  for (const c of choices) {
    if (c.newCommune) {
      if (c.field !== 'commune') throw badChoice(c);
      continue;
    }
    if (c.mapTo !== null && text(c.field, c.mapTo) === undefined) throw badChoice(c);
  }
}

const badChoice = (c: ValueChoice) =>
  new AppError('validation', `Die Zuordnung für „${c.value}“ gibt es nicht (mehr). Bitte neu wählen.`, `The mapping chosen for "${c.value}" does not exist. Please choose again.`);

/**
 * Creates the communes chosen to be created (or takes the one of that name and district if it exists already) and
 * returns the choices with their ids as targets. Runs inside the import's transaction: nothing half-saved.
 */
export async function createChosenCommunes(trx: Db, choices: readonly ValueChoice[]): Promise<ValueChoice[]> {
  const out: ValueChoice[] = [];
  for (const c of choices) {
    if (!c.newCommune) {
      out.push(c);
      continue;
    }
    const { name, district } = c.newCommune;
    const existing = await trx
      .selectFrom('communes')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
      .where((eb) => eb(eb.fn.coalesce(eb.fn('lower', ['district']), eb.val('')), '=', (district ?? '').toLowerCase()))
      .executeTakeFirst();
    const id = existing?.id ?? (await createCommune(trx, name, district ?? null));
    out.push({ field: 'commune', value: c.value, mapTo: String(id) });
  }
  return out;
}

async function createCommune(trx: Db, name: string, district: string | null): Promise<number> {
  const row = await trx.insertInto('communes').values({ name, district, ags: null }).returning(['id', 'name', 'district', 'ags']).executeTakeFirstOrThrow();
  await audit(trx, { action: 'create', entity: 'commune', entityId: row.id, after: row });
  return row.id;
}
