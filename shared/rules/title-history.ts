import { residenceTitle, type AsylblgEntitlement, type LabourMarketAccess, type ResidenceTitle } from './residence-titles.js';

/** One entry of a person's title history; open ends (null) mean "since ever" / "still valid". */
export interface HeldTitle {
  titleCode: string;
  validFrom: string | null;
  validUntil: string | null;
}

const covers = (t: HeldTitle, day: string) => (t.validFrom === null || t.validFrom <= day) && (t.validUntil === null || t.validUntil >= day);
const started = (t: HeldTitle, day: string) => t.validFrom === null || t.validFrom <= day;

/** The latest-starting entry of a list (open start = oldest); of equals, the one recorded last. */
function latest(list: readonly HeldTitle[]): HeldTitle | undefined {
  let best: HeldTitle | undefined;
  for (const t of list) if (!best || (t.validFrom ?? '') >= (best.validFrom ?? '')) best = t;
  return best;
}

/**
 * The title held on a day: of the entries covering it, the one that started last. When none covers it (the last
 * title has run out and no new one is recorded), the last one that started before it: a lapsed Duldung is still
 * the best knowledge and is shown as such rather than as "unknown".
 */
export function titleOn(history: readonly HeldTitle[], day: string): HeldTitle | undefined {
  return latest(history.filter((t) => covers(t, day))) ?? latest(history.filter((t) => started(t, day)));
}

/** The entry held before `title` (for a Fiktionsbescheinigung: the title it continues). */
function previousOf(history: readonly HeldTitle[], title: HeldTitle): HeldTitle | undefined {
  const earlier = history.filter((t) => t !== title && t.titleCode !== 'fiktion' && (t.validFrom ?? '') <= (title.validFrom ?? ''));
  return latest(earlier);
}

export interface TitleAttributes {
  title: ResidenceTitle | undefined;
  asylblg: AsylblgEntitlement | null;
  labourMarket: LabourMarketAccess | null;
  seekingProtection: boolean | null;
  /** a title of the history before this one granted protection (e.g. § 25 Abs. 2 before a Niederlassungserlaubnis) */
  hadProtection: boolean;
}

/**
 * What the title held on a day means: the catalogue's attributes, a Fiktionsbescheinigung's taken from the
 * title it continues (§ 81 Abs. 4 AufenthG), unknown (null) without a title.
 */
export function titleAttributes(history: readonly HeldTitle[], day: string): TitleAttributes {
  const held = titleOn(history, day);
  const title = residenceTitle(held?.titleCode);
  const hadProtection = history.some((t) => t !== held && started(t, day) && residenceTitle(t.titleCode)?.seekingProtection === true);
  if (!held || !title) return { title, asylblg: null, labourMarket: null, seekingProtection: null, hadProtection };
  const source = title.code === 'fiktion' ? residenceTitle(previousOf(history, held)?.titleCode) : title;
  if (!source) return { title, asylblg: 'depends', labourMarket: 'depends', seekingProtection: null, hadProtection };
  return { title, asylblg: source.asylblg, labourMarket: source.labourMarket, seekingProtection: source.seekingProtection, hadProtection };
}
