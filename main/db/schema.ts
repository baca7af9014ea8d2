import type { ColumnType, Generated, Selectable } from 'kysely';
import type { EmploymentStatus, IscedGroup, RecognitionStatus } from '../../shared/domain/participant-model.js';
import type { TeamKind } from '../../shared/contract/team.contract.js';

/** Row types of every table, as SQLite returns them (0/1 for booleans, JSON as text). */
type Stamps = {
  created_at: ColumnType<string, string | undefined, string>;
  updated_at: ColumnType<string, string | undefined, string>;
};
type Id = Generated<number>;

export interface SettingsTable extends Stamps {
  key: string;
  value: string;
}

export interface CommunesTable extends Stamps {
  id: Id;
  name: string;
  district: string | null;
  ags: string | null;
}

export interface OrganisationsTable extends Stamps {
  id: Id;
  kind: 'company' | 'partner';
  name: string;
  sector: string | null;
  partner_type: string | null;
  city: string | null;
  contact_person: string | null;
  size: string | null;
  email: string | null;
  phone: string | null;
  notes: string | null;
  archived_at: string | null;
}

export interface ProgramsTable extends Stamps {
  id: Id;
  name: string;
  operator: string | null;
  funder: string | null;
  funding_guideline: string | null;
  grant_reference: string | null;
  start_date: string;
  end_date: string | null;
  hourly_rate_cents: number;
  eligibility_rule: string;
  legal_basis_fields: ColumnType<string, string | undefined, string>;
  sensitive_fields: ColumnType<string, string | undefined, string>;
  sensitive_reason: string | null;
  retention_years: ColumnType<number, number | undefined, number>;
  final_report_submitted_on: string | null;
  archived_at: string | null;
  /** months after exit in which outcomes and the follow-up still belong to the enrollment (0..36) */
  follow_up_months: ColumnType<number, number | undefined, number>;
  /** JSON array of success keys (outcome kinds and 'sv_beschaeftigung_qualifiziert') */
  success_kinds: ColumnType<string, string | undefined, string>;
  /** 1 = funded by ESF Plus: the report carries the common output indicators at entry (migration 2026-12-05-004) */
  esf_plus: ColumnType<number, number | undefined, number>;
}

export type TargetKey = 'participants' | 'success' | 'employersSupported' | 'aghPeople' | 'fairs' | 'activitySessions';
/** Planned values of the grant decision, for the whole program duration (migration 2026-12-03-001). */
export interface ProgramTargetsTable extends Stamps {
  id: Id;
  program_id: number;
  key: TargetKey;
  planned: number;
}

export interface ProgramCommunesTable extends Stamps {
  id: Id;
  program_id: number;
  commune_id: number;
  slots: number;
}

export interface ImportBatchesTable extends Stamps {
  id: Id;
  file_name: string;
  sender: string | null;
  sheet: string | null;
  status: ColumnType<'committed' | 'undone', 'committed' | 'undone' | undefined>;
  rows_total: number;
  imported: number;
  existing_matched: number;
  duplicates_in_file: number;
  rejected: number;
  mapping: string;
  report: string;
  program_id: number | null;
  undone_at: string | null;
}

export interface ParticipantsTable extends Stamps {
  id: Id;
  last_name: string | null;
  first_name: string | null;
  birth_date: string | null;
  birth_year: number | null;
  gender: 'w' | 'm' | 'd' | null;
  nationality: string | null;
  commune_id: number | null;
  commune_text: string | null;
  residence_status: string | null;
  arrival_in_saxony: string | null;
  german_level: 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2' | null;
  phone: string | null;
  email: string | null;
  case_number: string | null;
  case_manager: string | null;
  referred_by: string | null;
  social_worker: string | null;
  consent_date: string | null;
  consent_programs: ColumnType<string, string | undefined, string>;
  consent_success_story: ColumnType<number, number | undefined, number>;
  consent_share_partners: ColumnType<number, number | undefined, number>;
  consent_expires_on: string | null;
  consent_withdrawn_on: string | null;
  notes: string | null;
  health_notes: string | null;
  disability_notes: string | null;
  religion: string | null;
  name_key: string | null;
  case_number_key: string | null;
  search_text: string;
  import_batch_id: number | null;
  archived_at: string | null;
  anonymised_at: string | null;
  /** current title of the catalogue (migration 2026-12-04-001); NULL = none, or an old text to decide */
  residence_title_code: ColumnType<string | null, string | null | undefined, string | null>;
  /** ISO 3166-1 alpha-2, XS staatenlos, XX ungeklärt; NULL = the text names no country */
  nationality_code: ColumnType<string | null, string | null | undefined, string | null>;
  asylblg_entitled: ColumnType<number | null, number | null | undefined, number | null>;
  employment_status: ColumnType<EmploymentStatus | null, EmploymentStatus | null | undefined, EmploymentStatus | null>;
  isced_group: ColumnType<IscedGroup | null, IscedGroup | null | undefined, IscedGroup | null>;
  qualification_recognition: ColumnType<RecognitionStatus | null, RecognitionStatus | null | undefined, RecognitionStatus | null>;
  migration_background: ColumnType<number | null, number | null | undefined, number | null>;
  arrival_in_germany: ColumnType<string | null, string | null | undefined, string | null>;
  interpreter_language: ColumnType<string | null, string | null | undefined, string | null>;
  childcare_need: ColumnType<number | null, number | null | undefined, number | null>;
}

/** A person's residence titles over time (migration 2026-12-04-001). */
export interface ParticipantTitlesTable extends Stamps {
  id: Id;
  participant_id: number;
  title_code: string;
  valid_from: string | null;
  valid_until: string | null;
}

export type EnrollmentStatus = 'interessiert' | 'aktiv' | 'abgeschlossen' | 'abgebrochen';
export interface EnrollmentsTable extends Stamps {
  id: Id;
  participant_id: number;
  program_id: number;
  status: EnrollmentStatus;
  applied_on: string | null;
  start_date: string | null;
  end_date: string | null;
  exit_reason: string | null;
  eligible: ColumnType<number, number | undefined, number>;
  eligibility_reason: string | null;
  override_reason: string | null;
  import_batch_id: number | null;
  /** characteristics at entry, taken when the enrollment starts (migration 2026-12-03-001) */
  entry_birth_year: ColumnType<number | null, number | null | undefined, number | null>;
  entry_gender: ColumnType<'w' | 'm' | 'd' | null, 'w' | 'm' | 'd' | null | undefined, 'w' | 'm' | 'd' | null>;
  entry_commune_id: ColumnType<number | null, number | null | undefined, number | null>;
  entry_residence_status: ColumnType<string | null, string | null | undefined, string | null>;
  /** group code of DOMAIN.md "Residence titles"; NULL when the status names no known group */
  entry_residence_group: ColumnType<string | null, string | null | undefined, string | null>;
  entry_nationality: ColumnType<string | null, string | null | undefined, string | null>;
  entry_german_level: ColumnType<ParticipantsTable['german_level'], ParticipantsTable['german_level'] | undefined, ParticipantsTable['german_level']>;
  /** = start date when the snapshot was taken; NULL = not started yet */
  entry_snapshot_on: ColumnType<string | null, string | null | undefined, string | null>;
  entry_corrected_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** title and characteristics at entry (migration 2026-12-04-001) */
  entry_title_code: ColumnType<string | null, string | null | undefined, string | null>;
  entry_nationality_code: ColumnType<string | null, string | null | undefined, string | null>;
  entry_employment_status: ColumnType<EmploymentStatus | null, EmploymentStatus | null | undefined, EmploymentStatus | null>;
  entry_isced_group: ColumnType<IscedGroup | null, IscedGroup | null | undefined, IscedGroup | null>;
  entry_qualification_recognition: ColumnType<RecognitionStatus | null, RecognitionStatus | null | undefined, RecognitionStatus | null>;
  entry_migration_background: ColumnType<number | null, number | null | undefined, number | null>;
  entry_arrival_in_germany: ColumnType<string | null, string | null | undefined, string | null>;
  entry_interpreter_language: ColumnType<string | null, string | null | undefined, string | null>;
  entry_childcare_need: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface PlacementsTable extends Stamps {
  id: Id;
  enrollment_id: number;
  participant_id: number;
  program_id: number;
  commune_id: number;
  site: string;
  activity: string;
  application_date: string | null;
  start_date: string;
  planned_end_date: string | null;
  end_date: string | null;
  hours_per_week: number | null;
  rate_cents: number;
  agreement_signed_on: string | null;
  status: 'wartend' | 'aktiv' | 'beendet' | 'abgebrochen';
  quota_override_reason: string | null;
  warnings: ColumnType<string, string | undefined, string>;
}

export interface HoursTable extends Stamps {
  id: Id;
  placement_id: number;
  work_date: string;
  hours_x100: number;
}

export interface ActivitiesTable extends Stamps {
  id: Id;
  program_id: number;
  kind: 'seminar' | 'coaching' | 'exkursion';
  title: string;
  date: string;
  duration_minutes: number;
  place: string | null;
  mentor: string | null;
  organisation_id: number | null;
  notes: string | null;
}

export type AttendanceStatus = 'angemeldet' | 'anwesend' | 'entschuldigt' | 'unentschuldigt';
export interface AttendanceTable extends Stamps {
  id: Id;
  activity_id: number;
  participant_id: number;
  status: AttendanceStatus;
  /** the enrollment it belongs to; NULL = not anchored (a finding) */
  enrollment_id: ColumnType<number | null, number | null | undefined, number | null>;
}

/** Present attendances per activity, kept in step with attendance by triggers (migration 2026-11-30-001). */
export interface ActivityPresenceTable {
  activity_id: number;
  present: number;
}

/** Hours per placement and calendar month (YYYY-MM), kept in step with hours by triggers (migration 2026-11-30-001). */
export interface HoursMonthsTable {
  placement_id: number;
  month: string;
  hours_x100: number;
  entries: number;
}

export interface FairsTable extends Stamps {
  id: Id;
  program_id: number;
  title: string;
  date: string;
  venue: string | null;
  notes: string | null;
}

export interface FairCompaniesTable extends Stamps {
  id: Id;
  fair_id: number;
  organisation_id: number;
  offers: string;
}

export interface FairRegistrationsTable extends Stamps {
  id: Id;
  fair_id: number;
  participant_id: number;
  checked_in_at: string | null;
  /** the enrollment it belongs to; NULL = a visitor without an enrollment */
  enrollment_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export type ContactResult =
  | 'gespraech'
  | 'einladung'
  | 'probetag'
  | 'praktikum'
  | 'ausbildungsvertrag'
  | 'arbeitsvertrag';
export interface FairContactsTable extends Stamps {
  id: Id;
  fair_id: number;
  participant_id: number;
  organisation_id: number;
  result: ContactResult;
  notes: string | null;
  /** the enrollment it belongs to; NULL = a visitor without an enrollment */
  enrollment_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface ApplicationsTable extends Stamps {
  id: Id;
  participant_id: number;
  organisation_id: number | null;
  position: string | null;
  applied_on: string;
  status: 'in_arbeit' | 'versendet' | 'einladung' | 'zusage' | 'absage' | 'zurueckgezogen';
  fair_id: number | null;
  notes: string | null;
}

export type OutcomeKind =
  | 'sv_beschaeftigung'
  | 'ausbildung'
  | 'einstiegsqualifizierung'
  | 'minijob'
  | 'praktikum'
  | 'weiterbildung'
  | 'sprachkurs'
  | 'schule'
  | 'arbeitssuchend'
  | 'unbekannt';
export interface OutcomesTable extends Stamps {
  id: Id;
  participant_id: number;
  program_id: number | null;
  enrollment_id: number | null;
  kind: OutcomeKind;
  /** qualifikationsadäquat (only meaningful for sv_beschaeftigung) */
  qualified: ColumnType<number, number | undefined, number>;
  date: string;
  organisation_id: number | null;
  source_fair_id: number | null;
  source_activity_id: number | null;
  source_placement_id: number | null;
  notes: string | null;
}

/** Follow-up of an exited enrollment (migration 2026-12-03-001). */
export interface FollowUpsTable extends Stamps {
  id: Id;
  enrollment_id: number;
  due_on: string;
  checked_on: string | null;
  result_kind: OutcomeKind | null;
  lasted: number | null;
  notes: string | null;
}

export interface SuccessStoriesTable extends Stamps {
  id: Id;
  participant_id: number;
  program_id: number;
  title: string;
  text: string;
}

export interface DocumentsTable extends Stamps {
  id: Id;
  participant_id: number;
  kind: 'teilnehmerbescheinigung' | 'auskunft';
  title: string;
  params: string;
}

/** A program's AGH rules (JSON of shared/domain/agh.ts aghRules) and letterhead; no row: Mittelsachsen's rules. */
export interface AghProgramSettingsTable extends Stamps {
  program_id: number;
  rules: ColumnType<string, string | undefined, string>;
  operator_address: string | null;
  file_reference: string | null;
  certificate_names_legal_basis: ColumnType<number, number | undefined, number>;
}

/** Necessary extra costs (§ 5 Abs. 2 AsylbLG) of a placement in a month, paid with the compensation. */
export interface AghExtraCostsTable extends Stamps {
  id: Id;
  placement_id: number;
  month: string;
  kind: 'fahrtkosten' | 'arbeitskleidung' | 'sonstiges';
  amount_cents: number;
  receipt_note: string | null;
}

/** State of a commune's monthly statement; no row means Entwurf. */
export interface AghStatementsTable extends Stamps {
  id: Id;
  program_id: number;
  commune_id: number;
  month: string;
  status: ColumnType<'entwurf' | 'festgestellt' | 'ausgezahlt', 'entwurf' | 'festgestellt' | 'ausgezahlt' | undefined, 'entwurf' | 'festgestellt' | 'ausgezahlt'>;
  checked_by: string | null;
  established_on: string | null;
  paid_on: string | null;
}

export type PersonDocumentKind =
  | 'aufenthaltsdokument'
  | 'arbeitserlaubnis'
  | 'teilnahmevereinbarung'
  | 'einwilligung'
  | 'lebenslauf'
  | 'zeugnis'
  | 'anerkennungsbescheid'
  | 'sonstiges';
/** A document a person holds (migration 2026-12-05-003). */
export interface PersonDocumentsTable extends Stamps {
  id: Id;
  participant_id: number;
  kind: PersonDocumentKind;
  number: string | null;
  issued_by: string | null;
  valid_from: string | null;
  valid_until: string | null;
  notes: string | null;
}

/** The encrypted file of a person document (AES-256-GCM; key id and kind name the backup key that sealed it). */
export interface PersonDocumentFilesTable extends Stamps {
  document_id: number;
  file_name: string;
  mime: 'application/pdf' | 'image/jpeg' | 'image/png';
  size: number;
  key_kind: string;
  key_id: string;
  iv: string;
  content: Uint8Array;
}

/** A reminder rule's lead time (days) and whether it runs. */
export interface ReminderRulesTable extends Stamps {
  code: string;
  days: number;
  active: ColumnType<number, number | undefined, number>;
}

/** A manual task with a due date, optionally about a person. */
export interface TasksTable extends Stamps {
  id: Id;
  participant_id: number | null;
  title: string;
  due_on: string;
  notes: string | null;
}

/** What was decided about one computed reminder: done, or snoozed until a date with a reason. */
export interface ReminderStatesTable extends Stamps {
  id: Id;
  reminder_key: string;
  rule: string;
  participant_id: number | null;
  state: 'done' | 'snoozed';
  snoozed_until: string | null;
  reason: string | null;
}

/** The contact log of a person. */
export interface NotesTable extends Stamps {
  id: Id;
  participant_id: number;
  date: string;
  kind: 'beratung' | 'telefonat' | 'hausbesuch' | 'email';
  text: string;
  follow_up_on: string | null;
}

export interface ReportTextsTable extends Stamps {
  id: Id;
  program_id: number;
  report_kind: 'program_end' | 'interim';
  period_from: string;
  period_to: string;
  section: string;
  text: string;
}

export interface AuditLogTable {
  id: Id;
  at: ColumnType<string, string | undefined, never>;
  actor: ColumnType<string, string | undefined, never>;
  action: string;
  entity: string;
  entity_id: number | null;
  participant_id: number | null;
  people_count: number | null;
  before: string | null;
  after: string | null;
  details: string | null;
  redacted: ColumnType<number, number | undefined, number>;
}

/** Members of a team database, each a PostgreSQL login role (migration 2026-12-05-010). */
export interface TeamMembersTable extends Stamps {
  id: Id;
  role_name: string;
  display_name: string;
  kind: TeamKind;
  commune_id: number | null;
  disabled_at: string | null;
}

export interface TeamProgramsTable {
  member_id: number;
  program_id: number;
}

export interface MentorAssignmentsTable {
  id: Id;
  member_id: number;
  participant_id: number;
}

/** A grant decision (Bewilligungs- or Änderungsbescheid) with its financing plan; the highest version is current. */
export interface FinancePlansTable extends Stamps {
  id: Id;
  program_id: number;
  version: number;
  decision_kind: 'bewilligung' | 'aenderung';
  decision_date: string;
  reference: string | null;
  period_from: string;
  period_to: string;
  financing_kind: 'fehlbedarf' | 'anteil' | 'festbetrag';
  /** Anteilfinanzierung: the funder's share in basis points (7500 = 75 %) */
  rate_bp: number | null;
  eligible_total_cents: number;
  agh_paid_by_commune: ColumnType<number, number | undefined, number>;
  note: string | null;
}

export interface FinancePositionsTable {
  id: Id;
  plan_id: number;
  key: string;
  label: string;
  kind: ColumnType<'betrag' | 'pauschale' | 'teilnehmendenkosten', 'betrag' | 'pauschale' | 'teilnehmendenkosten' | undefined>;
  planned_cents: ColumnType<number, number | undefined, number>;
  /** Verwaltungspauschale: percentage of the other positions, in basis points */
  percent_bp: number | null;
  /** Personalausgaben: share of a full-time post, in basis points (5000 = 0,5 VZÄ) */
  fte_bp: number | null;
  sort_order: number;
}

export interface FinanceIncomeTable {
  id: Id;
  plan_id: number;
  key: 'zuwendung' | 'eigenmittel' | 'drittmittel' | 'kommunale_mittel';
  planned_cents: ColumnType<number, number | undefined, number>;
}

export interface FinanceImportBatchesTable extends Stamps {
  id: Id;
  program_id: number;
  file_name: string;
  rows_total: number;
  imported: number;
  rejected: number;
  mapping: ColumnType<string, string | undefined, string>;
  status: ColumnType<'committed' | 'undone', 'committed' | 'undone' | undefined>;
  undone_at: string | null;
}

export interface FinanceReceiptsTable extends Stamps {
  id: Id;
  program_id: number;
  date: string;
  number: string | null;
  payee: string | null;
  purpose: string | null;
  position_key: string;
  amount_cents: number;
  paid_on: string | null;
  import_batch_id: number | null;
}

export interface FinancePaymentsTable extends Stamps {
  id: Id;
  program_id: number;
  date: string;
  income_key: ColumnType<FinanceIncomeTable['key'], FinanceIncomeTable['key'] | undefined>;
  amount_cents: number;
  reference: string | null;
}

export interface FinanceRequestsTable extends Stamps {
  id: Id;
  program_id: number;
  period_from: string;
  period_to: string;
  spent_cents: number;
  received_cents: number;
  requested_cents: number;
  state: ColumnType<'entwurf' | 'gestellt' | 'eingegangen', 'entwurf' | 'gestellt' | 'eingegangen' | undefined>;
  filed_on: string | null;
  note: string | null;
}

export interface Database {
  settings: SettingsTable;
  communes: CommunesTable;
  organisations: OrganisationsTable;
  programs: ProgramsTable;
  program_communes: ProgramCommunesTable;
  program_targets: ProgramTargetsTable;
  import_batches: ImportBatchesTable;
  participants: ParticipantsTable;
  participant_titles: ParticipantTitlesTable;
  enrollments: EnrollmentsTable;
  placements: PlacementsTable;
  hours: HoursTable;
  activities: ActivitiesTable;
  attendance: AttendanceTable;
  activity_presence: ActivityPresenceTable;
  hours_months: HoursMonthsTable;
  fairs: FairsTable;
  fair_companies: FairCompaniesTable;
  fair_registrations: FairRegistrationsTable;
  fair_contacts: FairContactsTable;
  applications: ApplicationsTable;
  outcomes: OutcomesTable;
  follow_ups: FollowUpsTable;
  success_stories: SuccessStoriesTable;
  documents: DocumentsTable;
  report_texts: ReportTextsTable;
  audit_log: AuditLogTable;
  agh_program_settings: AghProgramSettingsTable;
  agh_extra_costs: AghExtraCostsTable;
  agh_statements: AghStatementsTable;
  team_members: TeamMembersTable;
  team_programs: TeamProgramsTable;
  mentor_assignments: MentorAssignmentsTable;
  finance_plans: FinancePlansTable;
  finance_positions: FinancePositionsTable;
  finance_income: FinanceIncomeTable;
  finance_import_batches: FinanceImportBatchesTable;
  finance_receipts: FinanceReceiptsTable;
  finance_payments: FinancePaymentsTable;
  finance_requests: FinanceRequestsTable;
  person_documents: PersonDocumentsTable;
  person_document_files: PersonDocumentFilesTable;
  reminder_rules: ReminderRulesTable;
  tasks: TasksTable;
  reminder_states: ReminderStatesTable;
  notes: NotesTable;
}

export type ParticipantRow = Selectable<ParticipantsTable>;
