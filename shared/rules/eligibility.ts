import { fullYearsBetween } from '../domain/common.js';
import type { EligibilityCondition, EligibilityGroup } from '../domain/eligibility.js';

/** What eligibility looks at; a participant row or form state both fit. */
export interface EligibilityPerson {
  communeId: number | null;
  residenceStatus: string | null;
  birthDate: string | null;
  arrivalInSaxony: string | null;
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

/** The date `years` years after `iso`; 29.02. becomes 28.02. in a non-leap year. */
export function addYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const m = Number(iso.slice(5, 7));
  let d = Number(iso.slice(8, 10));
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) d = days;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function yearsText(n: number): string {
  if (n < 1) return 'seit weniger als 1 Jahr';
  return n === 1 ? 'seit 1 Jahr' : `seit ${n} Jahren`;
}

function names(ids: number[], lookup: CommuneLookup): string {
  return ids.map((id) => lookup(id) ?? `Kommune ${id}`).join(', ');
}

function orList(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} oder ${values[values.length - 1]}`;
}

function evaluateCondition(c: EligibilityCondition, p: EligibilityPerson, onDate: string, lookup: CommuneLookup): EligibilityReason {
  switch (c.kind) {
    case 'residenceCommune': {
      const ok = p.communeId !== null && c.communeIds.includes(p.communeId);
      const where = p.communeId === null ? 'unbekannt' : (lookup(p.communeId) ?? `Kommune ${p.communeId}`);
      return { ok, text: ok ? `Wohnort ${where} ${OK}` : `Wohnort ${where} ${NO} (erforderlich: ${names(c.communeIds, lookup)})` };
    }
    case 'residenceStatus': {
      const ok = p.residenceStatus !== null && c.statuses.includes(p.residenceStatus);
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
    case 'maxYearsInSaxony': {
      if (!p.arrivalInSaxony) return { ok: false, text: `Ankunft in Sachsen unbekannt ${NO} (höchstens ${c.years} Jahre)` };
      // "at most N years" on the enrolment date: up to and including the N-th anniversary of the arrival
      const ok = onDate <= addYears(p.arrivalInSaxony, c.years);
      const full = Math.max(0, fullYearsBetween(p.arrivalInSaxony, onDate));
      const since = !ok && full <= c.years ? `seit mehr als ${c.years === 1 ? '1 Jahr' : `${c.years} Jahren`}` : yearsText(full);
      return { ok, text: `${since} in Sachsen ${ok ? OK : NO} (höchstens ${c.years})` };
    }
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
 * Evaluates a program's eligibility rule for a person on a date (the enrolment date), with a German reason per
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
    switch (item.kind) {
      case 'residenceCommune':
        return `Wohnort ${orList(item.communeIds.map((id) => lookup(id) ?? `Kommune ${id}`))}`;
      case 'residenceStatus':
        return `Aufenthaltsstatus ${orList(item.statuses)}`;
      case 'minAge':
        return `mindestens ${item.years} Jahre alt`;
      case 'maxYearsInSaxony':
        return `höchstens ${item.years} Jahre in Sachsen`;
    }
  };
  return rule.items.length === 0 ? 'Keine Teilnahmevoraussetzungen' : one(rule, false);
}
