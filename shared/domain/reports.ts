import { z } from 'zod';
import { outcomeKinds } from './outcomes.js';
import { id, isoDate, plainText } from './common.js';
import { financeJson } from './finance.js';

/** A program and a period [from, to] (both inclusive): the frame of every dashboard figure and report. */
export const figuresQuery = z
  .object({ programId: id, from: isoDate, to: isoDate })
  .refine((q) => q.from <= q.to, { message: 'Das Periodenende liegt vor dem Beginn', path: ['to'] });
export type FiguresQuery = z.infer<typeof figuresQuery>;

/** Age groups at entry (year of the start date − birth year of the entry snapshot); `keine_angabe` when unknown. */
export const ageGroups = ['unter_18', '18_29', '30_54', '55_plus', 'keine_angabe'] as const;
export const genderKeys = ['w', 'm', 'd', 'keine_angabe'] as const;
// one list of outcome kinds for the whole domain (outcomes.ts); re-exported where it was used before
export { outcomeKinds };
export const contactResults = ['gespraech', 'einladung', 'probetag', 'praktikum', 'ausbildungsvertrag', 'arbeitsvertrag'] as const;
export const activityKinds = ['seminar', 'coaching', 'exkursion'] as const;

/** Key used for missing values in breakdowns (commune, nationality, ...). */
export const NONE_KEY = 'keine_angabe';

const count = z.number().int().nonnegative();
/** One row of a breakdown: a key (stable, for drill-down), a display label, and the number of people. */
export const breakdownRow = z.object({ key: z.string(), label: z.string(), count });
export type BreakdownRow = z.infer<typeof breakdownRow>;

export const communeFigures = z.object({
  /** commune id as text, or NONE_KEY for participants without a commune */
  key: z.string(),
  communeId: id.nullable(),
  name: z.string(),
  /** participants of the period living in this commune */
  participants: count,
  /** AGH places of the program in this commune (0 if the commune is not a program commune) */
  slots: count,
  /** placements running at the period end (status not waiting) */
  filled: count,
  /** placements waiting for a place */
  waiting: count,
  /** placements overlapping the period */
  placements: count,
  hoursX100: count,
  compensationCents: count,
});
export type CommuneFigures = z.infer<typeof communeFigures>;

export const communeMonthFigures = z.object({
  communeId: id,
  name: z.string(),
  /** YYYY-MM */
  month: z.string(),
  hoursX100: count,
  compensationCents: count,
});

export const activityFigures = z.object({
  kind: z.enum(activityKinds),
  sessions: count,
  /** attendance rows with status anwesend that are anchored to an enrollment (unanchored ones are a finding) */
  attendances: count,
  /** distinct participants present at least once (anchored); null on the dashboard, which does not show it (costly distinct count) */
  people: count.nullable(),
  /** sum over anchored present attendances of the activity's duration, in minutes (participant-hours = / 60) */
  participantMinutes: count,
});

export const fairFigures = z.object({
  fairId: id,
  title: z.string(),
  date: isoDate,
  companies: count,
  /** every registration (participants and visitors) */
  registered: count,
  /** every check-in (participants and visitors) = presentParticipants + presentVisitors */
  present: count,
  /** check-ins anchored to an enrollment in the program (counted among the period's participants) */
  presentParticipants: count,
  /** check-ins without an enrollment: "Besucher/-innen ohne Teilnahme", never mixed into participant figures */
  presentVisitors: count,
  /** all contacts (participants and visitors) */
  contacts: count,
  /** contacts of visitors (no enrollment) */
  visitorContacts: count,
  contactsByResult: z.record(z.enum(contactResults), count),
  /** outcomes whose source is this fair */
  laterResults: count,
});
export type FairFigures = z.infer<typeof fairFigures>;

export const monthTrend = z.object({
  month: z.string(),
  started: count,
  exited: count,
  outcomes: count,
  hoursX100: count,
  attendances: count,
});

/** A success key: an outcome kind, or the pseudo key for qualified employment subject to social insurance. */
export const QUALIFIED_SV = 'sv_beschaeftigung_qualifiziert';

/** One target of the grant decision (planned for the whole program) next to the figure of the report period. */
export const targetFigure = z.object({
  /** a key of shared/domain/programs.ts `targetKeys` */
  key: z.string(),
  label: z.string(),
  planned: count,
  actual: count,
  /** actual / planned (0..n, may exceed 1); null when planned is 0 */
  share: z.number().nonnegative().nullable(),
});
export type TargetFigure = z.infer<typeof targetFigure>;

export const successFigures = z.object({
  /** the program's success keys (outcome kinds and/or QUALIFIED_SV) */
  kinds: z.array(z.string()),
  /** German definition printed next to the rate, e.g. "Erfolg = Ausbildung + sv-pflichtige Beschäftigung (qualifikationsadäquat)" */
  definition: z.string(),
  /** exited people of the period with an anchored outcome of a success kind dated up to the period end */
  count,
  /** count / participants.exited; null when nobody exited */
  rate: z.number().min(0).max(1).nullable(),
});

export const figures = z.object({
  programId: id,
  programName: z.string(),
  from: isoDate,
  to: isoDate,
  participants: z.object({
    /** people with an enrollment of the period (same as total; kept for the dashboard) */
    enrolled: count,
    /** people with an enrollment of the period (not 'interessiert', started by `to`, not ended before `from`) */
    total: count,
    /** of those, people whose enrollment started in the period */
    entered: count,
    active: count,
    completed: count,
    dropped: count,
    exited: count,
    /** people of the period enrolled with an override of the eligibility rule (its own report row, never hidden) */
    overrides: count,
  }),
  /** breakdowns of participants.total by the characteristics at entry (enrollment snapshot) */
  byGender: z.array(breakdownRow),
  byAgeGroup: z.array(breakdownRow),
  byNationality: z.array(breakdownRow),
  byCommune: z.array(breakdownRow),
  byResidenceStatus: z.array(breakdownRow),
  byResidenceGroup: z.array(breakdownRow),
  byGermanLevel: z.array(breakdownRow),
  activities: z.array(activityFigures),
  fairs: z.array(fairFigures),
  /** fair visitors without an enrollment, over the fairs of the period */
  visitors: z.object({ present: count, people: count, contacts: count }),
  outcomes: z.object({
    /** exited people of the period by their first anchored outcome in report order (sv_beschaeftigung first), dated up to `to` */
    byKind: z.array(breakdownRow),
    /** = people (sum of byKind; kept for the dashboard) */
    total: count,
    /** exited people of the period with at least one anchored outcome dated up to `to` */
    people: count,
    /** anchored outcome records dated in the period (any person, any state) */
    records: count,
    /** = success.count (kept for the dashboard) */
    peopleWithOutcome: count,
    /** = success.rate (kept for the dashboard) */
    rate: z.number().min(0).max(1).nullable(),
    success: successFigures,
  }),
  communes: z.array(communeFigures),
  communeMonths: z.array(communeMonthFigures),
  /** AGH work, only from placements on a valid enrollment (started, not 'interessiert', placement inside it) */
  agh: z.object({
    slots: count,
    filled: count,
    waiting: count,
    placements: count,
    /** distinct people with a placement of the period */
    people: count,
    hoursX100: count,
    compensationCents: count,
  }),
  /** organisations through what they did in this program in this period (see README "How figures are counted") */
  network: z.object({
    companies: count,
    partners: count,
    /** companies with a contact, application or outcome of a participant of the period */
    employersSupported: count,
    byPartnerType: z.array(breakdownRow),
    bySector: z.array(breakdownRow),
  }),
  targets: z.array(targetFigure),
  trend: z.array(monthTrend),
});
export type Figures = z.infer<typeof figures>;

/** Every figure that can be clicked through, with the meaning of its key. */
export const drilldownFigures = [
  'enrolled',
  'active',
  'completed',
  'dropped',
  'exited',
  'gender', // key: w|m|d|keine_angabe
  'ageGroup', // key: ageGroups
  'nationality', // key: the nationality text or keine_angabe
  'commune', // key: commune id or keine_angabe
  'residenceStatus',
  'germanLevel',
  'placements', // key: commune id (optional: all)
  'filled', // key: commune id (optional)
  'activity', // key: activity kind; present attendances
  'fairRegistered', // key: fair id
  'fairPresent', // key: fair id
  'fairContacts', // key: fair id
  'outcomes', // key: outcome kind (optional); exited people by their first outcome kind
  'outcomePeople', // exited people with a success outcome (success.count)
  'entered',
  'overrides',
  'residenceGroup', // key: residence group code or keine_angabe
  'aghPeople',
  'fairPresentParticipants', // key: fair id
  'fairPresentVisitors', // key: fair id
  'visitors', // present visitors at fairs of the period
  'outcomeRecords', // anchored outcome records dated in the period
  'companies', // rows are organisations (participantId null)
  'partners',
  'employersSupported',
  'finding', // key: finding code
] as const;
export type DrilldownFigure = (typeof drilldownFigures)[number];

export const drilldownQuery = z.object({
  programId: id,
  from: isoDate,
  to: isoDate,
  figure: z.enum(drilldownFigures),
  key: z.string().max(200).optional(),
});
export type DrilldownQuery = z.infer<typeof drilldownQuery>;

/** What the `id` of a drill-down row names, so a list can link to the record to fix. */
export const drilldownEntities = [
  'participant',
  'enrollment',
  'attendance',
  'placement',
  'registration',
  'contact',
  'outcome',
  'fair',
  'activity',
  'program',
  'organisation',
  'receipt',
] as const;

/** A record behind a figure, pseudonymous: participant id and initials, plus what the record is (date, place). */
export const drilldownRow = z.object({
  /** id of the record counted (participant, placement, attendance, contact, outcome, fair, ...: see entity) */
  id: id,
  /** null for rows that are not about a person (fairs, activities, the program, organisations) */
  participantId: id.nullable(),
  entity: z.enum(drilldownEntities),
  initials: z.string(),
  /** "Nachname, Vorname" of the person, or the organisation's name; null for anonymised people and other records */
  name: z.string().nullable(),
  date: isoDate.nullable(),
  detail: z.string().nullable(),
});
export type DrilldownRow = z.infer<typeof drilldownRow>;
export const drilldownResult = z.object({ count, rows: z.array(drilldownRow) });

export const reportKinds = ['program_end', 'interim'] as const;
export type ReportKind = (typeof reportKinds)[number];

/** Narrative sections of the Sachbericht, in the order the ministry reads them. */
export const reportSections = ['ausgangslage', 'umsetzung', 'ergebnisse', 'netzwerk', 'abweichungen', 'ausblick'] as const;
export type ReportSection = (typeof reportSections)[number];

export const reportFrame = z
  .object({
    programId: id,
    kind: z.enum(reportKinds),
    from: isoDate,
    to: isoDate,
    /** a Verwendungsnachweis (program_end) of a program still running needs this, else AppError 'program_running' */
    confirmRunning: z.boolean().default(false),
  })
  .refine((q) => q.from <= q.to, { message: 'Das Periodenende liegt vor dem Beginn', path: ['to'] });
export type ReportFrame = z.infer<typeof reportFrame>;
export type ReportFrameInput = z.input<typeof reportFrame>;

export const reportText = z.object({ section: z.enum(reportSections), text: plainText(20_000, { multiline: true }) });
export type ReportText = z.infer<typeof reportText>;

// ---------- checks before export ("Prüfung") ----------

export const findingCodes = [
  'attendance_outside_enrollment',
  'outcome_outside_enrollment',
  'placement_enrollment_not_active',
  'enrollment_activity_without_start',
  'fair_outside_program',
  'activity_outside_program',
  'period_outside_program',
  'eligibility_overrides',
  'missing_consent',
  'receipt_outside_grant',
] as const;
export type FindingCode = (typeof findingCodes)[number];

/** Something that makes a report's figures doubtful; only findings with count > 0 are returned. */
export const finding = z.object({
  code: z.enum(findingCodes),
  count,
  /** 'warning': records to fix; 'info': shown for transparency (eligibility overrides), not an error */
  severity: z.enum(['warning', 'info']),
  message: z.string(),
  messageEn: z.string(),
});
export type Finding = z.infer<typeof finding>;
export const checkResult = z.object({ findings: z.array(finding) });
export type CheckResult = z.infer<typeof checkResult>;

// ---------- figures as data (`lotse report program-end --json`, issue 13 item 8: keys are stable) ----------

const rows = z.array(breakdownRow);
export const reportJson = z.object({
  program: z.object({ id, name: z.string() }),
  kind: z.enum(['interim', 'final']),
  from: isoDate,
  to: isoDate,
  /** date of the data: the last recorded change (audit log), YYYY-MM-DD */
  stand: isoDate,
  participants: z.object({
    total: count,
    entered: count,
    exited: count,
    active: count,
    completed: count,
    dropped: count,
    overrides: count,
    byGender: rows,
    byAgeGroup: rows,
    byResidenceGroup: rows,
    byCommune: rows,
    byGermanLevel: rows,
  }),
  activities: z.array(
    z.object({ kind: z.enum(activityKinds), sessions: count, participants: count, attendances: count, participantHours: z.number() }),
  ),
  fairs: z.array(
    z.object({
      title: z.string(),
      date: isoDate,
      companies: count,
      registered: count,
      present: count,
      presentParticipants: count,
      presentVisitors: count,
      contacts: count,
      resultsLater: count,
    }),
  ),
  outcomes: z.object({
    people: count,
    byKind: rows,
    success: z.object({ kinds: z.array(z.string()), definition: z.string(), count, rate: z.number().nullable() }),
  }),
  agh: z.object({ slots: count, placements: count, people: count, hours: z.number(), compensationCents: count }),
  network: z.object({ companies: count, partners: count, employersSupported: count }),
  targets: z.array(z.object({ key: z.string(), label: z.string(), planned: count, actual: count })),
  findings: z.array(z.object({ code: z.enum(findingCodes), count, message: z.string() })),
  /** the zahlenmäßiger Nachweis; null for a program without a financing plan */
  finance: financeJson.nullable(),
});
export type ReportJson = z.infer<typeof reportJson>;

/** One line of the ESF Plus sheet (issue 14 item 7): a common output indicator and its count, or why it has none. */
export interface EsfPlusIndicator {
  group: string;
  label: string;
  /** null: Lotse does not record what the indicator needs (the note says so) */
  count: number | null;
  note: string | null;
}
