import type { EligibilityCondition, EligibilityGroup } from '../domain/eligibility.js';
import { describeModelCondition, evaluateModelCondition, isModelCondition, legacyStatusMatches, orList, type ModelPerson } from './eligibility-model.js';
import { addYears, fullYearsBetween } from '../domain/dates.js';

/**
 * What eligibility looks at; a participant row or form state both fit. The fields of ModelPerson (title
 * history, characteristics) are optional: without them the conditions that need them fail with their reason.
 */
export interface EligibilityPerson extends ModelPerson {
  communeId: number | null;
  residenceStatus: string | null;
  birthDate: string | null;
  arrivalInSaxony: string | null;
  arrivalInGermany?: string | null;
}

export interface EligibilityReason {
  ok: boolean;
  text: string;
}

export interface EligibilityResult {
  eligible: boolean;
  /** one line per condition, in rule order (nested groups flattened) */
  reasons: EligibilityReason[];
  /** the whole rule in one German line, e.g. "Wohnort Dresden ✓, seit 7 Jahren in Sachsen ✗ (höchstens 5)" */
  summary: string;
}

/** Resolves commune ids to names; the rule stores ids so renaming a commune does not break it. */
export type CommuneLookup = (id: number) => string | undefined;

const OK = '✓';
const NO = '✗';

function isGroup(item: EligibilityCondition | EligibilityGroup): item is EligibilityGroup {
  return 'op' in item;
}

function yearsText(n: number): string {
  if (n < 1) return 'seit weniger als 1 Jahr';
  return n === 1 ? 'seit 1 Jahr' : `seit ${n} Jahren`;
}

function names(ids: number[], lookup: CommuneLookup): string {
  return ids.map((id) => lookup(id) ?? `Kommune ${id}`).join(', ');
}

/** "at most N years" on the enrollment date: up to and including the N-th anniversary of the arrival. */
function maxYearsSince(arrival: string | null | undefined, years: number, onDate: string, where: string): EligibilityReason {
  if (!arrival) return { ok: false, text: `Ankunft in ${where} unbekannt ${NO} (höchstens ${years} Jahre)` };
  const ok = onDate <= addYears(arrival, years);
  const full = Math.max(0, fullYearsBetween(arrival, onDate));
  const since = !ok && full <= years ? `seit mehr als ${years === 1 ? '1 Jahr' : `${years} Jahren`}` : yearsText(full);
  return { ok, text: `${since} in ${where} ${ok ? OK : NO} (höchstens ${years})` };
}

function ageRange(min: number | null, max: number | null, birthDate: string | null, onDate: string): EligibilityReason {
  const range = min !== null && max !== null ? `${min} bis ${max}` : min !== null ? `mindestens ${min}` : `höchstens ${max}`;
  if (!birthDate) return { ok: false, text: `Geburtsdatum unbekannt ${NO} (${range} Jahre)` };
  const age = fullYearsBetween(birthDate, onDate);
  const ok = (min === null || age >= min) && (max === null || age <= max);
  return { ok, text: `Alter ${age} ${ok ? OK : NO} (${range})` };
}

function evaluateCondition(c: EligibilityCondition, p: EligibilityPerson, onDate: string, lookup: CommuneLookup): EligibilityReason {
  if (isModelCondition(c)) return evaluateModelCondition(c, p, onDate);
  switch (c.kind) {
    case 'residenceCommune': {
      const ok = p.communeId !== null && c.communeIds.includes(p.communeId);
      const where = p.communeId === null ? 'unbekannt' : (lookup(p.communeId) ?? `Kommune ${p.communeId}`);
      return { ok, text: ok ? `Wohnort ${where} ${OK}` : `Wohnort ${where} ${NO} (erforderlich: ${names(c.communeIds, lookup)})` };
    }
    case 'residenceStatus': {
      const ok = legacyStatusMatches(c.statuses, p, onDate);
      const status = p.residenceStatus ?? 'unbekannt';
      return {
        ok,
        text: ok ? `Aufenthaltsstatus ${status} ${OK}` : `Aufenthaltsstatus ${status} ${NO} (erforderlich: ${orList(c.statuses)})`,
      };
    }
    case 'minAge': {
      if (!p.birthDate) return { ok: false, text: `Geburtsdatum unbekannt ${NO} (mindestens ${c.years} Jahre)` };
      const age = fullYearsBetween(p.birthDate, onDate);
      const ok = age >= c.years;
      return { ok, text: `Alter ${age} ${ok ? OK : NO} (mindestens ${c.years})` };
    }
    case 'maxYearsInSaxony':
      return maxYearsSince(p.arrivalInSaxony, c.years, onDate, 'Sachsen');
    case 'maxYearsInGermany':
      return maxYearsSince(p.arrivalInGermany, c.years, onDate, 'Deutschland');
    case 'ageRange':
      return ageRange(c.min, c.max, p.birthDate, onDate);
  }
}

interface Evaluated {
  ok: boolean;
  reasons: EligibilityReason[];
  text: string;
}

function evaluateGroup(g: EligibilityGroup, p: EligibilityPerson, onDate: string, lookup: CommuneLookup, nested: boolean): Evaluated {
  const parts: Evaluated[] = g.items.map((item) => {
    if (isGroup(item)) return evaluateGroup(item, p, onDate, lookup, true);
    const r = evaluateCondition(item, p, onDate, lookup);
    return { ok: r.ok, reasons: [r], text: r.text };
  });
  const ok = g.op === 'and' ? parts.every((x) => x.ok) : parts.length === 0 || parts.some((x) => x.ok);
  const joined = parts.map((x) => x.text).join(g.op === 'and' ? ', ' : ' oder ');
  return { ok, reasons: parts.flatMap((x) => x.reasons), text: nested && parts.length > 1 ? `(${joined})` : joined };
}

/**
 * Evaluates a program's eligibility rule for a person on a date (the enrollment date), with a German reason per
 * condition. Missing data fails its condition: eligibility must be shown, not assumed.
 */
export function evaluateEligibility(rule: EligibilityGroup, person: EligibilityPerson, onDate: string, lookup: CommuneLookup): EligibilityResult {
  if (rule.items.length === 0) return { eligible: true, reasons: [], summary: 'Keine Teilnahmevoraussetzungen' };
  const r = evaluateGroup(rule, person, onDate, lookup, false);
  return { eligible: r.ok, reasons: r.reasons, summary: r.text };
}

/** The rule itself in German, for the program page ("Wohnort Dresden und (Aufenthaltsstatus ... oder ...)"). */
export function describeRule(rule: EligibilityGroup, lookup: CommuneLookup): string {
  const one = (item: EligibilityCondition | EligibilityGroup, nested: boolean): string => {
    if (isGroup(item)) {
      const inner = item.items.map((i) => one(i, true)).join(item.op === 'and' ? ' und ' : ' oder ');
      return nested && item.items.length > 1 ? `(${inner})` : inner;
    }
    if (isModelCondition(item)) return describeModelCondition(item);
    switch (item.kind) {
      case 'residenceCommune':
        return `Wohnort ${orList(item.communeIds.map((id) => lookup(id) ?? `Kommune ${id}`))}`;
      case 'residenceStatus':
        return `Aufenthaltsstatus ${orList(item.statuses)}`;
      case 'minAge':
        return `mindestens ${item.years} Jahre alt`;
      case 'maxYearsInSaxony':
        return `höchstens ${item.years} Jahre in Sachsen`;
      case 'maxYearsInGermany':
        return `höchstens ${item.years} Jahre in Deutschland`;
      case 'ageRange':
        return item.min !== null && item.max !== null
          ? `${item.min} bis ${item.max} Jahre alt`
          : item.min !== null
            ? `mindestens ${item.min} Jahre alt`
            : `höchstens ${item.max} Jahre alt`;
    }
  };
  return rule.items.length === 0 ? 'Keine Teilnahmevoraussetzungen' : one(rule, false);
}
