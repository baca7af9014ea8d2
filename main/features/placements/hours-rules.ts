import type { Kysely } from 'kysely';
import type { AghRules } from '../../../shared/domain/agh.js';
import type { HoursEntry } from '../../../shared/domain/placements.js';
import type { FieldIssue } from '../../../shared/errors.js';
import { hoursFindings } from '../../../shared/rules/agh-rules.js';
import type { Database } from '../../db/schema.js';
import { rulesOf } from './agh-settings.service.js';
import { addDays, germanDate, mondayOf, monthRange } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;

export interface PlacementOfEntry {
  name: string;
  programId: number;
}

/** The hours of one placement after the save: stored days with the entries laid over them. */
async function daysAfterSave(trx: Db, placementId: number, mine: HoursEntry[]): Promise<Map<string, number>> {
  const dates = mine.map((e) => e.workDate).sort();
  // the span covers every week and month an entry touches
  const from = [mondayOf(dates[0]!), monthRange(dates[0]!.slice(0, 7)).from].sort()[0]!;
  const last = dates.at(-1)!;
  const to = [addDays(mondayOf(last), 6), monthRange(last.slice(0, 7)).to].sort().at(-1)!;
  const stored = await trx
    .selectFrom('hours')
    .select(['work_date', 'hours_x100'])
    .where('placement_id', '=', placementId)
    .where('work_date', '>=', from)
    .where('work_date', '<=', to)
    .execute();
  const days = new Map(stored.map((r) => [r.work_date, r.hours_x100]));
  for (const e of mine) days.set(e.workDate, e.hoursX100);
  return days;
}

function sumWhere(days: Map<string, number>, keep: (date: string) => boolean): number {
  let sum = 0;
  for (const [date, x100] of days) if (keep(date)) sum += x100;
  return sum;
}

/**
 * The program's day, week and month maxima on the hours as they will be after the save. A hard limit becomes a
 * field issue of its entry (nothing is saved); a warning is returned once per placement and rule.
 */
export async function checkHoursRules(
  trx: Db,
  entries: HoursEntry[],
  placements: Map<number, PlacementOfEntry>,
): Promise<{ issues: FieldIssue[]; warnings: string[] }> {
  const issues: FieldIssue[] = [];
  const warnings = new Set<string>();
  const rulesByProgram = new Map<number, AghRules>();
  for (const [placementId, p] of placements) {
    const mine = entries.map((e, i) => ({ e, i })).filter(({ e }) => e.placementId === placementId);
    if (mine.length === 0) continue;
    if (!rulesByProgram.has(p.programId)) rulesByProgram.set(p.programId, await rulesOf(trx, p.programId));
    const rules = rulesByProgram.get(p.programId)!;
    const days = await daysAfterSave(trx, placementId, mine.map(({ e }) => e));
    const seen = new Set<string>();
    for (const { e, i } of mine) {
      if (e.hoursX100 === 0) continue;
      const monday = mondayOf(e.workDate);
      const findings = hoursFindings(
        rules,
        {
          who: `${p.name}, ${germanDate(e.workDate)}`,
          dayX100: e.hoursX100,
          weekX100: sumWhere(days, (d) => d >= monday && d <= addDays(monday, 6)),
          monthX100: sumWhere(days, (d) => d.slice(0, 7) === e.workDate.slice(0, 7)),
        },
        `entries.${i}`,
      );
      for (const f of findings) {
        if (f.level === 'grenze') issues.push({ path: f.path, message: f.message, messageEn: f.messageEn });
        else if (!seen.has(f.code)) {
          // one warning per placement and rule is enough to find the week or month
          seen.add(f.code);
          warnings.add(f.message);
        }
      }
    }
  }
  return { issues, warnings: [...warnings] };
}
