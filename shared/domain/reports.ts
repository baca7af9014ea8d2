import { z } from 'zod';
import { outcomeKinds } from './outcomes.js';
import { id, isoDate, plainText } from './common.js';

/** A program and a period [from, to] (both inclusive): the frame of every dashboard figure and report. */
export const figuresQuery = z
  .object({ programId: id, from: isoDate, to: isoDate })
  .refine((q) => q.from <= q.to, { message: 'Das Periodenende liegt vor dem Beginn', path: ['to'] });
export type FiguresQuery = z.infer<typeof figuresQuery>;

/** Age groups at the period end (DOMAIN.md); `keine_angabe` when neither birth date nor birth year is known. */
export const ageGroups = ['unter_18', '18_29', '30_54', '55_plus', 'keine_angabe'] as const;
export const genderKeys = ['w', 'm', 'd', 'keine_angabe'] as const;
// one list of outcome kinds for the whole domain (outcomes.ts); re-exported where it was used before
export { outcomeKinds };
/** Kinds that count as an outcome for the outcome rate; job-seeking and unknown are recorded but are no result. */
export const positiveOutcomeKinds = outcomeKinds.filter((k) => k !== 'arbeitssuchend' && k !== 'unbekannt');
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
  /** attendance rows with status anwesend */
  attendances: count,
  /** distinct people present at least once; null on the dashboard, which does not show it (costly distinct count) */
  people: count.nullable(),
  /** sum over present attendances of the activity's duration, in minutes (participant-hours = / 60) */
  participantMinutes: count,
});

export const fairFigures = z.object({
  fairId: id,
  title: z.string(),
  date: isoDate,
  companies: count,
  registered: count,
  present: count,
  contacts: count,
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

export const figures = z.object({
  programId: id,
  programName: z.string(),
  from: isoDate,
  to: isoDate,
  participants: z.object({ enrolled: count, active: count, completed: count, dropped: count, exited: count }),
  byGender: z.array(breakdownRow),
  byAgeGroup: z.array(breakdownRow),
  byNationality: z.array(breakdownRow),
  byCommune: z.array(breakdownRow),
  byResidenceStatus: z.array(breakdownRow),
  byGermanLevel: z.array(breakdownRow),
  activities: z.array(activityFigures),
  fairs: z.array(fairFigures),
  outcomes: z.object({
    byKind: z.array(breakdownRow),
    total: count,
    /** exited people with a positive outcome (numerator of the rate) */
    peopleWithOutcome: count,
    /** share 0..1 of exited people with a positive outcome; null when nobody exited */
    rate: z.number().min(0).max(1).nullable(),
  }),
  communes: z.array(communeFigures),
  communeMonths: z.array(communeMonthFigures),
  agh: z.object({ slots: count, filled: count, waiting: count, placements: count, hoursX100: count, compensationCents: count }),
  network: z.object({ companies: count, partners: count, byPartnerType: z.array(breakdownRow), bySector: z.array(breakdownRow) }),
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
  'outcomes', // key: outcome kind (optional)
  'outcomePeople',
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

/** A record behind a figure, pseudonymous: participant id and initials, plus what the record is (date, place). */
export const drilldownRow = z.object({
  /** id of the record counted (participant, placement, attendance, contact or outcome) */
  id: id,
  participantId: id,
  initials: z.string(),
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
  .object({ programId: id, kind: z.enum(reportKinds), from: isoDate, to: isoDate })
  .refine((q) => q.from <= q.to, { message: 'Das Periodenende liegt vor dem Beginn', path: ['to'] });
export type ReportFrame = z.infer<typeof reportFrame>;

export const reportText = z.object({ section: z.enum(reportSections), text: plainText(20_000, { multiline: true }) });
export type ReportText = z.infer<typeof reportText>;
