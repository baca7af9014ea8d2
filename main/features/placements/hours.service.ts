import type { Kysely } from 'kysely';
import type { HoursEntry, HoursWeek } from '../../../shared/domain/placements.js';
import { AppError, type FieldIssue } from '../../../shared/errors.js';
import { MAX_HOURS_X100_PER_DAY } from '../../../shared/rules/compensation.js';
import type { Database } from '../../db/schema.js';
import { audit } from '../audit/audit.service.js';
import { checkHoursRules } from './hours-rules.js';
import { displayName } from './placements.service.js';
import { isLocked, lockedMonthError, lockedMonths } from './statement-state.service.js';
import { addDays, germanDate, mondayOf, nowIso } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;

/** The last day hours may be recorded on: the actual end, else the planned end, else open. */
function lastDayOf(p: { end_date: string | null; planned_end_date: string | null }): string | null {
  return p.end_date ?? p.planned_end_date;
}

/** The grid of a commune's week: every placement (not waiting) whose period touches the week, Monday to Sunday. */
export async function hoursWeek(db: Db, programId: number, communeId: number, weekStartInput: string): Promise<HoursWeek> {
  const weekStart = mondayOf(weekStartInput);
  const days = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
  const weekEnd = days[6]!;
  const rows = await db
    .selectFrom('placements as p')
    .innerJoin('participants as t', 't.id', 'p.participant_id')
    .select(['p.id', 'p.site', 'p.start_date', 'p.end_date', 'p.planned_end_date', 't.last_name', 't.first_name'])
    .where('p.program_id', '=', programId)
    .where('p.commune_id', '=', communeId)
    .where('p.status', '!=', 'wartend')
    .where('p.start_date', '<=', weekEnd)
    .where((eb) =>
      eb.or([
        eb('p.end_date', '>=', weekStart),
        eb.and([eb('p.end_date', 'is', null), eb.or([eb('p.planned_end_date', 'is', null), eb('p.planned_end_date', '>=', weekStart)])]),
      ]),
    )
    .orderBy('t.last_name')
    .orderBy('t.first_name')
    .orderBy('p.id')
    .execute();
  const ids = rows.map((r) => r.id);
  const hours = ids.length
    ? await db
        .selectFrom('hours')
        .select(['placement_id', 'work_date', 'hours_x100'])
        .where('placement_id', 'in', ids)
        .where('work_date', '>=', weekStart)
        .where('work_date', '<=', weekEnd)
        .execute()
    : [];
  const byKey = new Map(hours.map((h) => [`${h.placement_id}|${h.work_date}`, h.hours_x100]));
  const months = [...new Set(days.map((d) => d.slice(0, 7)))];
  const locked = await lockedMonths(db, months.map((month) => ({ programId, communeId, month })));
  return {
    weekStart,
    days,
    lockedMonths: months.filter((month) => isLocked(locked, { programId, communeId, month })),
    rows: rows.map((r) => {
      const values = days.map((d) => byKey.get(`${r.id}|${d}`) ?? 0);
      return {
        placementId: r.id,
        participantName: displayName(r.last_name, r.first_name),
        site: r.site,
        startDate: r.start_date,
        lastDay: lastDayOf(r),
        hoursX100: values,
        weekTotalX100: values.reduce((s, v) => s + v, 0),
      };
    }),
  };
}

/**
 * Saves hours entries in one transaction: all valid or nothing saved. 0 removes the day's entry. Every refusal
 * names the person and the day so the coordinator finds the cell at once.
 */
export async function saveHours(db: Db, entries: HoursEntry[]): Promise<{ saved: number; deleted: number; warnings: string[] }> {
  if (entries.length === 0) return { saved: 0, deleted: 0, warnings: [] };
  return db.transaction().execute(async (trx) => {
    const ids = [...new Set(entries.map((e) => e.placementId))];
    const placements = new Map<
      number,
      { name: string; start: string; last: string | null; status: string; participantId: number; programId: number; communeId: number; communeName: string }
    >();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await trx
        .selectFrom('placements as p')
        .innerJoin('participants as t', 't.id', 'p.participant_id')
        .innerJoin('communes as c', 'c.id', 'p.commune_id')
        .select([
          'p.id',
          'p.start_date',
          'p.end_date',
          'p.planned_end_date',
          'p.status',
          'p.participant_id',
          'p.program_id',
          'p.commune_id',
          'c.name as commune_name',
          't.last_name',
          't.first_name',
        ])
        .where('p.id', 'in', ids.slice(i, i + 500))
        .execute();
      for (const r of rows) {
        placements.set(r.id, {
          name: displayName(r.last_name, r.first_name),
          start: r.start_date,
          last: lastDayOf(r),
          status: r.status,
          participantId: r.participant_id,
          programId: r.program_id,
          communeId: r.commune_id,
          communeName: r.commune_name,
        });
      }
    }
    const issues: FieldIssue[] = [];
    const seen = new Map<string, number>();
    const warnings: string[] = [];
    const locked = await lockedMonths(
      trx,
      entries.flatMap((e) => {
        const p = placements.get(e.placementId);
        return p ? [{ programId: p.programId, communeId: p.communeId, month: e.workDate.slice(0, 7) }] : [];
      }),
    );
    entries.forEach((e, i) => {
      const p = placements.get(e.placementId);
      const at = (text: string) => issues.push({ path: `entries.${i}`, message: text });
      if (!p) return at(`AGH-Einsatz ${e.placementId} gibt es nicht.`);
      const who = `${p.name}, ${germanDate(e.workDate)}`;
      if (e.hoursX100 < 0) return at(`${who}: Stunden dürfen nicht negativ sein.`);
      // the system's ceiling; a program may set a lower day maximum (checkHoursRules)
      if (e.hoursX100 > MAX_HOURS_X100_PER_DAY) return at(`${who}: höchstens 10 Stunden am Tag.`);
      if (p.status === 'wartend') return at(`${who}: der Einsatz hat noch nicht begonnen (Warteliste).`);
      if (e.hoursX100 > 0 && (e.workDate < p.start || (p.last !== null && e.workDate > p.last))) {
        const period = `${germanDate(p.start)} – ${p.last ? germanDate(p.last) : 'offen'}`;
        return at(`${who}: Tag liegt außerhalb des Einsatzzeitraums (${period}).`);
      }
      if (isLocked(locked, { programId: p.programId, communeId: p.communeId, month: e.workDate.slice(0, 7) })) {
        return at(`${who}: ${lockedMonthError(p.communeName, e.workDate.slice(0, 7)).message}`);
      }
      const key = `${e.placementId}|${e.workDate}`;
      if (seen.has(key)) return at(`${who}: Tag doppelt in der Eingabe.`);
      seen.set(key, i);
    });
    if (issues.length === 0) {
      const checked = await checkHoursRules(trx, entries, placements);
      issues.push(...checked.issues);
      warnings.push(...checked.warnings);
    }
    if (issues.length > 0) {
      const first = issues[0]!;
      const more = issues.length > 1 ? ` (und ${issues.length - 1} weitere)` : '';
      throw new AppError('validation', `${first.message}${more} Nichts gespeichert.`, 'Hours refused; nothing saved.', {
        fields: issues,
      });
    }
    let saved = 0;
    let deleted = 0;
    const now = nowIso();
    for (const e of entries) {
      if (e.hoursX100 === 0) {
        const r = await trx.deleteFrom('hours').where('placement_id', '=', e.placementId).where('work_date', '=', e.workDate).executeTakeFirst();
        deleted += Number(r.numDeletedRows);
      } else {
        await trx
          .insertInto('hours')
          .values({ placement_id: e.placementId, work_date: e.workDate, hours_x100: e.hoursX100 })
          .onConflict((oc) => oc.columns(['placement_id', 'work_date']).doUpdateSet({ hours_x100: e.hoursX100, updated_at: now }))
          .execute();
        saved += 1;
      }
    }
    const people = new Set(entries.map((e) => placements.get(e.placementId)!.participantId));
    await audit(trx, {
      action: 'save_hours',
      entity: 'hours',
      participantId: people.size === 1 ? [...people][0]! : null,
      peopleCount: people.size,
      details: `${saved} gespeichert, ${deleted} entfernt`,
    });
    return { saved, deleted, warnings };
  });
}
