import type { AghRules, RuleLevel } from '../domain/agh.js';
import { formatHoursX100 } from './compensation.js';
import { addDays, addMonths, daysBetween } from '../domain/dates.js';

/**
 * The program's AGH rules applied to a placement or to recorded hours (issue 17). Pure: the services load the
 * data, these functions say which rule is broken and how (warning or hard limit), in German and English.
 */

export type FindingCode = 'short_notice' | 'hours_high' | 'hours_low' | 'duration_long' | 'outside_commune' | 'day_high' | 'week_high' | 'month_high';

export interface Finding {
  code: FindingCode;
  level: Exclude<RuleLevel, 'aus'>;
  /** the input field the finding belongs to */
  path: string;
  message: string;
  messageEn: string;
}

/** A limit that applies: its level is not "aus" and it has a value. */
function active(rule: { value: number | null; level: RuleLevel }): { value: number; level: 'warnung' | 'grenze' } | null {
  return rule.level === 'aus' || rule.value === null ? null : { value: rule.value, level: rule.level };
}

const h = (x100: number) => formatHoursX100(x100);

/** The last day of a duration of whole months from the start: 2026-01-15 + 6 months → 2026-07-14. */
export function lastDayOfMonths(start: string, months: number): string {
  return addDays(addMonths(start, months), -1);
}

export interface PlacementFacts {
  applicationDate: string | null;
  startDate: string;
  plannedEndDate: string | null;
  /** planned hours per week (hours, may have decimals) */
  hoursPerWeek: number | null;
  communeId: number;
  /** the commune the person lives in, if known */
  personCommuneId: number | null;
}

/** Findings of the placement's plan: lead time, weekly hours, duration, site outside the person's commune. */
export function placementFindings(rules: AghRules, p: PlacementFacts): Finding[] {
  const out: Finding[] = [];
  const lead = active(rules.leadDays);
  if (lead && p.applicationDate !== null && daysBetween(p.applicationDate, p.startDate) < lead.value) {
    out.push({
      code: 'short_notice',
      level: lead.level,
      path: 'startDate',
      message: `Beginn weniger als ${lead.value} Tage nach dem Antrag.`,
      messageEn: `Start less than ${lead.value} days after the application.`,
    });
  }
  const weekX100 = p.hoursPerWeek === null ? null : Math.round(p.hoursPerWeek * 100);
  const max = active(rules.weekMaxX100);
  if (max && weekX100 !== null && weekX100 > max.value) {
    out.push({
      code: 'hours_high',
      level: max.level,
      path: 'hoursPerWeek',
      message: `Mehr als ${h(max.value)} Stunden je Woche geplant (${h(weekX100)}).`,
      messageEn: `More than ${max.value / 100} hours per week planned (${weekX100 / 100}).`,
    });
  }
  const min = active(rules.weekMinX100);
  if (min && weekX100 !== null && weekX100 < min.value) {
    out.push({
      code: 'hours_low',
      level: min.level,
      path: 'hoursPerWeek',
      message: `Weniger als ${h(min.value)} Stunden je Woche geplant (${h(weekX100)}).`,
      messageEn: `Fewer than ${min.value / 100} hours per week planned (${weekX100 / 100}).`,
    });
  }
  const duration = active(rules.maxDurationMonths);
  if (duration && p.plannedEndDate !== null && p.plannedEndDate > lastDayOfMonths(p.startDate, duration.value)) {
    out.push({
      code: 'duration_long',
      level: duration.level,
      path: 'plannedEndDate',
      message: `Länger als ${duration.value} Monate geplant.`,
      messageEn: `Planned for longer than ${duration.value} months.`,
    });
  }
  const outside = rules.outsideCommune.level;
  if (outside !== 'aus' && p.personCommuneId !== null && p.personCommuneId !== p.communeId) {
    out.push({
      code: 'outside_commune',
      level: outside,
      path: 'communeId',
      message: 'Die Einsatzstelle liegt nicht in der Wohnkommune der Person.',
      messageEn: "The site is not in the person's home commune.",
    });
  }
  return out;
}

export interface HoursFacts {
  /** "Müller, Anna, 03.11.2026" — who and when, for the message */
  who: string;
  dayX100: number;
  weekX100: number;
  monthX100: number;
}

/** Findings of recorded hours: the day, its week (Monday–Sunday) and its month against the program's maxima. */
export function hoursFindings(rules: AghRules, f: HoursFacts, path: string): Finding[] {
  const checks: [FindingCode, { value: number | null; level: RuleLevel }, number, string, string][] = [
    ['day_high', rules.dayMaxX100, f.dayX100, 'am Tag', 'per day'],
    ['week_high', rules.weekMaxX100, f.weekX100, 'in der Woche', 'per week'],
    ['month_high', rules.monthMaxX100, f.monthX100, 'im Monat', 'per month'],
  ];
  const out: Finding[] = [];
  for (const [code, rule, actual, de, en] of checks) {
    const a = active(rule);
    if (a && actual > a.value) {
      out.push({
        code,
        level: a.level,
        path,
        message: `${f.who}: mehr als ${h(a.value)} Stunden ${de} (${h(actual)}).`,
        messageEn: `More than ${a.value / 100} hours ${en} (${actual / 100}).`,
      });
    }
  }
  return out;
}
