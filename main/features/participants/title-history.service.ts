import type { Kysely } from 'kysely';
import type { TitleEntry, TitleEntryData } from '../../../shared/domain/participant-model.js';
import { parseNationality } from '../../../shared/rules/countries.js';
import { parseResidenceTitle } from '../../../shared/rules/residence-title-parser.js';
import { residenceTitle } from '../../../shared/rules/residence-titles.js';
import { titleOn, type HeldTitle } from '../../../shared/rules/title-history.js';
import type { Database } from '../../db/schema.js';
import { addDays, todayIso } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;

/** A person's title history in order of validity (open start first), as the form and the rules read it. */
export async function titleHistories(db: Db, participantIds: readonly number[]): Promise<Map<number, TitleEntry[]>> {
  const out = new Map<number, TitleEntry[]>();
  for (let i = 0; i < participantIds.length; i += 500) {
    const chunk = participantIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('participant_titles')
      .select(['id', 'participant_id', 'title_code', 'valid_from', 'valid_until'])
      .where('participant_id', 'in', chunk)
      .orderBy('participant_id')
      .orderBy((eb) => eb.fn.coalesce('valid_from', eb.val('')))
      .orderBy('id')
      .execute();
    for (const r of rows) {
      const title = residenceTitle(r.title_code);
      const list = out.get(r.participant_id) ?? [];
      list.push({
        id: r.id,
        titleCode: r.title_code,
        label: title?.label ?? r.title_code,
        group: title?.group ?? 'ae_sonstige',
        validFrom: r.valid_from,
        validUntil: r.valid_until,
      });
      out.set(r.participant_id, list);
    }
  }
  return out;
}


/**
 * The history after a save: the given entries when the form sent them; otherwise (older clients, imports) the
 * stored history, plus the title a status text names when it differs from the current one — from today, the
 * open entries before it closed yesterday.
 */
function nextHistory(stored: HeldTitle[], given: TitleEntryData[] | undefined, statusText: string | null, today: string): HeldTitle[] {
  if (given !== undefined) return given;
  const code = parseResidenceTitle(statusText);
  if (code === null || titleOn(stored, today)?.titleCode === code) return stored;
  if (stored.length === 0) return [{ titleCode: code, validFrom: null, validUntil: null }];
  const closed = stored.map((t) =>
    t.validUntil === null && (t.validFrom === null || t.validFrom < today) ? { ...t, validUntil: addDays(today, -1) } : t,
  );
  return [...closed, { titleCode: code, validFrom: today, validUntil: null }];
}

/**
 * Writes a person's title history and the columns that follow from it and from the nationality text: the current
 * title's code and label, or — without any title — the status text as given (an old value kept for a decision);
 * the nationality's code and German name, or the text as given.
 */
export async function saveModel(
  db: Db,
  participantId: number,
  data: { titles?: TitleEntryData[]; residenceStatus: string | null; nationality: string | null },
): Promise<void> {
  const today = todayIso();
  const stored = (await titleHistories(db, [participantId])).get(participantId) ?? [];
  const history = nextHistory(stored, data.titles, data.residenceStatus, today);
  if (history !== stored) {
    await db.deleteFrom('participant_titles').where('participant_id', '=', participantId).execute();
    if (history.length > 0) {
      await db
        .insertInto('participant_titles')
        .values(history.map((t) => ({ participant_id: participantId, title_code: t.titleCode, valid_from: t.validFrom, valid_until: t.validUntil })))
        .execute();
    }
  }
  const current = residenceTitle(titleOn(history, today)?.titleCode);
  const country = parseNationality(data.nationality);
  await db
    .updateTable('participants')
    .set({
      residence_title_code: current?.code ?? null,
      residence_status: current?.label ?? (history.length === 0 ? data.residenceStatus : null),
      nationality_code: country?.code ?? null,
      nationality: country?.name ?? data.nationality,
    })
    .where('id', '=', participantId)
    .execute();
}
