import { employmentStatusLabels, type EmploymentStatus } from '../domain/participant-model.js';
import type { EligibilityCondition } from '../domain/eligibility.js';
import { UNRESOLVED } from './countries.js';
import { residenceGroupLabels, residenceGroupOf, type ResidenceGroup } from './residence-groups.js';
import { parseResidenceTitle } from './residence-title-parser.js';
import { residenceTitle, type ResidenceTitle } from './residence-titles.js';
import { titleAttributes, type HeldTitle, type TitleAttributes } from './title-history.js';

/**
 * The conditions issue 14 adds to eligibility rules: the residence title (group, AsylbLG entitlement, labour-
 * market access, protection) as held on the enrollment date, and the person's characteristics. Each returns its
 * German reason; unknown data fails with a reason that says what is missing.
 */
export interface ModelPerson {
  residenceStatus: string | null;
  titles?: readonly HeldTitle[];
  asylblgEntitled?: boolean | null;
  migrationBackground?: boolean | null;
  nationalityCode?: string | null;
  employmentStatus?: string | null;
}

export interface Reason {
  ok: boolean;
  text: string;
}

const OK = '✓';
const NO = '✗';
const mark = (ok: boolean) => (ok ? OK : NO);

export function orList(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} oder ${values[values.length - 1]}`;
}

/** The title on the day from the history; without one, the title an (old) status text names. */
export function attributesOn(p: ModelPerson, day: string): TitleAttributes {
  if (p.titles && p.titles.length > 0) return titleAttributes(p.titles, day);
  const code = parseResidenceTitle(p.residenceStatus);
  return titleAttributes(code ? [{ titleCode: code, validFrom: null, validUntil: null }] : [], day);
}

const titleName = (t: ResidenceTitle | undefined, p: ModelPerson) => t?.label ?? (p.residenceStatus ? `„${p.residenceStatus}“ (nicht zugeordnet)` : 'unbekannt');

function groupOf(a: TitleAttributes, p: ModelPerson): ResidenceGroup | '' {
  return a.title?.group ?? residenceGroupOf(p.residenceStatus);
}

function titleGroup(groups: readonly ResidenceGroup[], a: TitleAttributes, p: ModelPerson): Reason {
  const group = groupOf(a, p);
  const ok = group !== '' && groups.includes(group);
  const wanted = orList(groups.map((g) => residenceGroupLabels[g]));
  return { ok, text: `Aufenthaltstitel ${titleName(a.title, p)} ${mark(ok)}${ok ? '' : ` (erforderlich: ${wanted})`}` };
}

function asylblg(a: TitleAttributes, p: ModelPerson): Reason {
  if (p.asylblgEntitled === true) return { ok: true, text: `leistungsberechtigt nach AsylbLG (bei der Person festgehalten) ${OK}` };
  if (p.asylblgEntitled === false) return { ok: false, text: `nicht leistungsberechtigt nach AsylbLG (bei der Person festgehalten) ${NO}` };
  const title = titleName(a.title, p);
  if (a.asylblg === 'yes') return { ok: true, text: `leistungsberechtigt nach AsylbLG (${title}) ${OK}` };
  if (a.asylblg === 'no') return { ok: false, text: `nicht leistungsberechtigt nach AsylbLG (${title}) ${NO}` };
  return { ok: false, text: `Leistungsberechtigung nach AsylbLG ungeklärt (${title}) ${NO} (bei der Person festhalten)` };
}

const accessText: Record<string, string> = {
  allowed: 'erlaubt',
  permission: 'mit Erlaubnis der Ausländerbehörde',
  not_allowed: 'nicht erlaubt',
  depends: 'ungeklärt',
};

function labourMarket(access: readonly string[], a: TitleAttributes, p: ModelPerson): Reason {
  const ok = a.labourMarket !== null && access.includes(a.labourMarket);
  const now = a.labourMarket === null ? 'unbekannt' : accessText[a.labourMarket];
  return {
    ok,
    text: `Arbeitsmarktzugang ${now} (${titleName(a.title, p)}) ${mark(ok)}${ok ? '' : ` (erforderlich: ${orList(access.map((x) => accessText[x]!))})`}`,
  };
}

function protection(a: TitleAttributes, p: ModelPerson): Reason {
  const title = titleName(a.title, p);
  if (a.seekingProtection === true) return { ok: true, text: `sucht oder hat Schutz (${title}) ${OK}` };
  if (a.hadProtection) return { ok: true, text: `hat Schutz (früherer Titel; jetzt ${title}) ${OK}` };
  return { ok: false, text: `kein Schutzstatus (${title}) ${NO}` };
}

/** Migration background: as stated for the person; without a statement, a foreign nationality is one. */
export function migrationBackgroundOf(p: ModelPerson): boolean | null {
  if (p.migrationBackground !== undefined && p.migrationBackground !== null) return p.migrationBackground;
  if (!p.nationalityCode || p.nationalityCode === UNRESOLVED) return null;
  return p.nationalityCode === 'DE' ? null : true;
}

function migration(p: ModelPerson): Reason {
  const v = migrationBackgroundOf(p);
  if (v === null) return { ok: false, text: `Migrationshintergrund unbekannt ${NO}` };
  return v ? { ok: true, text: `Migrationshintergrund ${OK}` } : { ok: false, text: `kein Migrationshintergrund ${NO}` };
}

function employment(statuses: readonly EmploymentStatus[], p: ModelPerson): Reason {
  const wanted = orList(statuses.map((s) => employmentStatusLabels[s]));
  const status = p.employmentStatus as EmploymentStatus | null | undefined;
  if (!status) return { ok: false, text: `Erwerbsstatus unbekannt ${NO} (erforderlich: ${wanted})` };
  const ok = statuses.includes(status);
  return { ok, text: `Erwerbsstatus ${employmentStatusLabels[status]} ${mark(ok)}${ok ? '' : ` (erforderlich: ${wanted})`}` };
}

type ModelCondition = Extract<
  EligibilityCondition,
  { kind: 'titleGroup' | 'asylblgEntitled' | 'labourMarketAccess' | 'seekingProtection' | 'migrationBackground' | 'employmentStatus' }
>;

export const isModelCondition = (c: EligibilityCondition): c is ModelCondition =>
  ['titleGroup', 'asylblgEntitled', 'labourMarketAccess', 'seekingProtection', 'migrationBackground', 'employmentStatus'].includes(c.kind);

export function evaluateModelCondition(c: ModelCondition, p: ModelPerson, onDate: string): Reason {
  const a = attributesOn(p, onDate);
  switch (c.kind) {
    case 'titleGroup':
      return titleGroup(c.groups, a, p);
    case 'asylblgEntitled':
      return asylblg(a, p);
    case 'labourMarketAccess':
      return labourMarket(c.access, a, p);
    case 'seekingProtection':
      return protection(a, p);
    case 'migrationBackground':
      return migration(p);
    case 'employmentStatus':
      return employment(c.statuses, p);
  }
}

export function describeModelCondition(c: ModelCondition): string {
  switch (c.kind) {
    case 'titleGroup':
      return `Aufenthaltstitel ${orList(c.groups.map((g) => residenceGroupLabels[g]))}`;
    case 'asylblgEntitled':
      return 'leistungsberechtigt nach AsylbLG';
    case 'labourMarketAccess':
      return `Arbeitsmarktzugang ${orList(c.access.map((x) => accessText[x]!))}`;
    case 'seekingProtection':
      return 'sucht oder hat Schutz';
    case 'migrationBackground':
      return 'Migrationshintergrund';
    case 'employmentStatus':
      return `Erwerbsstatus ${orList(c.statuses.map((s) => employmentStatusLabels[s]))}`;
  }
}

/** The first version's five values: which one a title falls under, so old 'residenceStatus' rules keep working. */
const legacyClass: Partial<Record<ResidenceGroup, string>> = {
  asyl: 'Aufenthaltsgestattung',
  duldung: 'Duldung',
  schutz: 'Aufenthaltserlaubnis',
  abschiebungsverbot: 'Aufenthaltserlaubnis',
  temporaer: 'Aufenthaltserlaubnis',
  ae_sonstige: 'Aufenthaltserlaubnis',
  niederlassung: 'Niederlassungserlaubnis',
  eu: 'EU',
};

/** Whether a person's title (or old text) is one of the statuses of an old 'residenceStatus' condition. */
export function legacyStatusMatches(statuses: readonly string[], p: ModelPerson, onDate: string): boolean {
  if (p.residenceStatus !== null && statuses.includes(p.residenceStatus)) return true;
  const title = attributesOn(p, onDate).title ?? residenceTitle(parseResidenceTitle(p.residenceStatus));
  const cls = title ? legacyClass[title.group] : undefined;
  return cls !== undefined && statuses.includes(cls);
}
