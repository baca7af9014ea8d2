import type { Kysely } from 'kysely';
import {
  activatePlacementInput,
  closePlacementInput,
  placementInput,
  placementUpdateInput,
  type ActivatePlacementInput,
  type ClosePlacementInput,
  type CommuneBoard,
  type Placement,
  type PlacementCandidate,
  type PlacementInput,
  type PlacementUpdateInput,
  type PlacementWarning,
} from '../../../shared/domain/placements.js';
import { placementWarning } from '../../../shared/domain/placements.js';
import { AppError } from '../../../shared/errors.js';
import type { AghRules } from '../../../shared/domain/agh.js';
import { placementFindings, type PlacementFacts } from '../../../shared/rules/agh-rules.js';
import type { Database } from '../../db/schema.js';
import { audit } from '../audit/audit.service.js';
import { notEnrolledError, outcomeAnchor } from '../enrollments/anchor.service.js';
import { refuseHardLimits, rulesOf } from './agh-settings.service.js';
import { admitToPlacement } from './enrollment-gate.js';
import { germanDate, nowIso } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;

/** "Müller, Anna" — the form coordinators sort and read lists by; anonymised people have no name. */
export function displayName(last: string | null, first: string | null): string {
  const parts = [last, first].filter((p): p is string => !!p && p.trim() !== '');
  return parts.length > 0 ? parts.join(', ') : '(ohne Namen)';
}

/**
 * The placement's warnings and hard limits under the program's rules (lead time, weekly hours, duration, site
 * outside the person's commune), plus the two that are always advice: the agreement and eligibility. A hard limit
 * refuses the save; real cases break the rest for good reasons, so the coordinator is told, not stopped.
 */
export function placementWarnings(
  rules: AghRules,
  p: PlacementFacts & { agreementSignedOn: string | null; eligible: boolean },
): PlacementWarning[] {
  const findings = placementFindings(rules, p);
  refuseHardLimits(findings);
  const out: PlacementWarning[] = findings.map((f) => ({ code: f.code as PlacementWarning['code'], message: f.message }));
  if (p.agreementSignedOn === null) {
    out.push({ code: 'no_agreement', message: 'Keine unterschriebene Teilnahmevereinbarung erfasst.' });
  }
  if (!p.eligible) {
    out.push({ code: 'not_eligible', message: 'Die Person ist laut Einschreibung nicht förderberechtigt.' });
  }
  return out;
}

/** The commune a person lives in (null if unknown): the site-outside-commune rule compares with it. */
async function homeCommuneOf(db: Db, participantId: number): Promise<number | null> {
  const row = await db.selectFrom('participants').select('commune_id').where('id', '=', participantId).executeTakeFirst();
  return row?.commune_id ?? null;
}

function parseWarnings(json: string): PlacementWarning[] {
  try {
    const raw: unknown = JSON.parse(json);
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((w) => {
      const r = placementWarning.safeParse(w);
      return r.success ? [r.data] : [];
    });
  } catch {
    return [];
  }
}

function placementQuery(db: Db) {
  return db
    .selectFrom('placements as p')
    .innerJoin('participants as t', 't.id', 'p.participant_id')
    .innerJoin('communes as c', 'c.id', 'p.commune_id')
    .select([
      'p.id',
      'p.enrollment_id',
      'p.participant_id',
      'p.program_id',
      'p.commune_id',
      'p.site',
      'p.activity',
      'p.application_date',
      'p.start_date',
      'p.planned_end_date',
      'p.end_date',
      'p.hours_per_week',
      'p.rate_cents',
      'p.agreement_signed_on',
      'p.status',
      'p.quota_override_reason',
      'p.warnings',
      't.last_name',
      't.first_name',
      't.birth_date',
      'c.name as commune_name',
    ]);
}
type PlacementRow = Awaited<ReturnType<ReturnType<typeof placementQuery>['executeTakeFirstOrThrow']>>;

async function totalsByPlacement(db: Db, ids: number[]): Promise<Map<number, number>> {
  const totals = new Map<number, number>();
  // chunks keep the statement under SQLite's variable limit on large boards
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await db
      .selectFrom('hours')
      .select(['placement_id', (eb) => eb.fn.sum<number>('hours_x100').as('total')])
      .where('placement_id', 'in', chunk)
      .groupBy('placement_id')
      .execute();
    for (const r of rows) totals.set(r.placement_id, Number(r.total));
  }
  return totals;
}

function toPlacement(r: PlacementRow, totalHoursX100: number): Placement {
  return {
    id: r.id,
    enrollmentId: r.enrollment_id,
    participantId: r.participant_id,
    participantName: displayName(r.last_name, r.first_name),
    birthDate: r.birth_date,
    programId: r.program_id,
    communeId: r.commune_id,
    communeName: r.commune_name,
    site: r.site,
    activity: r.activity,
    applicationDate: r.application_date,
    startDate: r.start_date,
    plannedEndDate: r.planned_end_date,
    endDate: r.end_date,
    hoursPerWeek: r.hours_per_week,
    rateCents: r.rate_cents,
    agreementSignedOn: r.agreement_signed_on,
    status: r.status,
    quotaOverrideReason: r.quota_override_reason,
    warnings: parseWarnings(r.warnings),
    totalHoursX100,
  };
}

/** One placement with its total hours; `not_found` if there is none. */
export async function getPlacement(db: Db, id: number): Promise<Placement> {
  const row = await placementQuery(db).where('p.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `AGH-Einsatz ${id} nicht gefunden.`, `Placement ${id} not found.`);
  const totals = await totalsByPlacement(db, [id]);
  return toPlacement(row, totals.get(id) ?? 0);
}

/** A person's placements in every program, newest first, with their total hours (the person's AGH tab). */
export async function placementsOfParticipant(db: Db, participantId: number): Promise<Placement[]> {
  const rows = await placementQuery(db).where('p.participant_id', '=', participantId).orderBy('p.start_date', 'desc').execute();
  const totals = await totalsByPlacement(db, rows.map((r) => r.id));
  return rows.map((r) => toPlacement(r, totals.get(r.id) ?? 0));
}

/** Participants with an active or interested enrollment in the program: who can be placed. */
export async function listCandidates(db: Db, programId: number): Promise<PlacementCandidate[]> {
  const rows = await db
    .selectFrom('enrollments as e')
    .innerJoin('participants as t', 't.id', 'e.participant_id')
    .select([
      'e.id as enrollment_id',
      'e.status',
      'e.eligible',
      'e.applied_on',
      't.id as participant_id',
      't.last_name',
      't.first_name',
      't.birth_date',
      't.commune_id',
      (eb) =>
        eb
          .selectFrom('placements as p')
          .select((eb2) => eb2.fn.countAll<number>().as('n'))
          .whereRef('p.enrollment_id', '=', 'e.id')
          .where('p.status', 'in', ['aktiv', 'wartend'])
          .as('open_placements'),
    ])
    .where('e.program_id', '=', programId)
    .where('e.status', 'in', ['aktiv', 'interessiert'])
    .where('t.archived_at', 'is', null)
    .where('t.anonymised_at', 'is', null)
    .orderBy('t.last_name')
    .orderBy('t.first_name')
    .execute();
  return rows.map((r) => ({
    enrollmentId: r.enrollment_id,
    participantId: r.participant_id,
    name: displayName(r.last_name, r.first_name),
    birthDate: r.birth_date,
    communeId: r.commune_id,
    enrollmentStatus: r.status,
    eligible: r.eligible === 1,
    appliedOn: r.applied_on,
    hasOpenPlacement: Number(r.open_placements ?? 0) > 0,
  }));
}

/** Per commune of the program: slots, filled (active), free, waiting, and the placements themselves. */
export async function board(db: Db, programId: number, includeClosed = false): Promise<CommuneBoard[]> {
  const program = await db.selectFrom('programs').select('id').where('id', '=', programId).executeTakeFirst();
  if (!program) throw new AppError('not_found', `Programm ${programId} nicht gefunden.`, `Program ${programId} not found.`);
  const communes = await db
    .selectFrom('program_communes as pc')
    .innerJoin('communes as c', 'c.id', 'pc.commune_id')
    .select(['pc.commune_id', 'pc.slots', 'c.name'])
    .where('pc.program_id', '=', programId)
    .orderBy('c.name')
    .execute();
  let q = placementQuery(db).where('p.program_id', '=', programId);
  if (!includeClosed) q = q.where('p.status', 'in', ['aktiv', 'wartend']);
  const rows = await q.orderBy('p.status').orderBy('t.last_name').orderBy('t.first_name').execute();
  const totals = await totalsByPlacement(db, rows.map((r) => r.id));
  const placements = rows.map((r) => toPlacement(r, totals.get(r.id) ?? 0));
  // a commune can hold placements after it lost its slots (history), so it still gets a board
  const ids = new Map(communes.map((c) => [c.commune_id, { name: c.name, slots: c.slots }]));
  for (const p of placements) if (!ids.has(p.communeId)) ids.set(p.communeId, { name: p.communeName, slots: 0 });
  return [...ids.entries()].map(([communeId, c]) => {
    const mine = placements.filter((p) => p.communeId === communeId);
    const filled = mine.filter((p) => p.status === 'aktiv').length;
    return {
      communeId,
      communeName: c.name,
      slots: c.slots,
      filled,
      free: Math.max(0, c.slots - filled),
      waiting: mine.filter((p) => p.status === 'wartend').length,
      placements: mine,
    };
  });
}

/**
 * The quota rule for a placement about to become active (new or from the waiting list): active placements may not
 * exceed the commune's slots unless a reason is given. A commune that lost its slots counts as 0 slots.
 */
async function assertSlotFree(trx: Db, programId: number, communeId: number, overrideReason: string | null, alternative: string): Promise<void> {
  const slot = await trx
    .selectFrom('communes as c')
    .leftJoin('program_communes as pc', (j) => j.onRef('pc.commune_id', '=', 'c.id').on('pc.program_id', '=', programId))
    .select(['c.name', 'pc.slots'])
    .where('c.id', '=', communeId)
    .executeTakeFirstOrThrow();
  const slots = slot.slots ?? 0;
  const { n } = await trx
    .selectFrom('placements')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('program_id', '=', programId)
    .where('commune_id', '=', communeId)
    .where('status', '=', 'aktiv')
    .executeTakeFirstOrThrow();
  if (Number(n) >= slots && overrideReason === null) {
    throw new AppError(
      'quota_exceeded',
      `${slot.name}: alle ${slots} AGH-Plätze sind belegt. Überschreiten nur mit Begründung – ${alternative}.`,
      `${slot.name}: all ${slots} slots are taken; an override reason is required.`,
      { slots, filled: Number(n), fields: [{ path: 'quotaOverrideReason', message: 'Begründung erforderlich' }] },
    );
  }
}

/**
 * Places an enrolled participant in a commune. The rate is copied from the program now, so a later rate change
 * does not rewrite history. Quota: active placements may not exceed the commune's slots without a reason.
 */
export async function createPlacement(db: Db, input: PlacementInput): Promise<Placement> {
  const data = placementInput.parse(input);
  const id = await db.transaction().execute(async (trx) => {
    const enrollment = await trx
      .selectFrom('enrollments as e')
      .innerJoin('programs as pr', 'pr.id', 'e.program_id')
      .select(['e.id', 'e.participant_id', 'e.program_id', 'e.status', 'e.eligible', 'e.applied_on', 'pr.hourly_rate_cents'])
      .where('e.id', '=', data.enrollmentId)
      .executeTakeFirst();
    if (!enrollment) {
      throw new AppError('not_found', 'Einschreibung nicht gefunden.', 'Enrollment not found.', {
        fields: [{ path: 'enrollmentId', message: 'Unbekannte Einschreibung' }],
      });
    }
    if (enrollment.status !== 'aktiv' && enrollment.status !== 'interessiert') {
      throw new AppError(
        'conflict',
        `Die Einschreibung ist ${enrollment.status}; nur aktive oder interessierte Teilnehmende können eingesetzt werden.`,
        'Enrollment is closed.',
        { fields: [{ path: 'enrollmentId', message: 'Einschreibung abgeschlossen' }] },
      );
    }
    const slot = await trx
      .selectFrom('program_communes as pc')
      .innerJoin('communes as c', 'c.id', 'pc.commune_id')
      .select(['pc.slots', 'c.name'])
      .where('pc.program_id', '=', enrollment.program_id)
      .where('pc.commune_id', '=', data.communeId)
      .executeTakeFirst();
    if (!slot) {
      throw new AppError('validation', 'Die Kommune gehört nicht zu diesem Programm.', 'Commune not in program.', {
        fields: [{ path: 'communeId', message: 'Kommune nicht im Programm' }],
      });
    }
    const open = await trx
      .selectFrom('placements')
      .select('id')
      .where('enrollment_id', '=', enrollment.id)
      .where('status', 'in', ['aktiv', 'wartend'])
      .executeTakeFirst();
    if (open) {
      throw new AppError('conflict', 'Die Person hat in diesem Programm schon einen laufenden oder wartenden AGH-Einsatz.', 'Already placed.', {
        fields: [{ path: 'enrollmentId', message: 'Schon eingesetzt' }],
      });
    }
    if (data.status === 'aktiv') {
      await assertSlotFree(trx, enrollment.program_id, data.communeId, data.quotaOverrideReason, 'oder auf die Warteliste setzen');
      await admitToPlacement(trx, enrollment.id, data.startDate);
    }
    const applicationDate = data.applicationDate ?? enrollment.applied_on;
    const warnings = placementWarnings(await rulesOf(trx, enrollment.program_id), {
      applicationDate,
      startDate: data.startDate,
      plannedEndDate: data.plannedEndDate,
      hoursPerWeek: data.hoursPerWeek,
      communeId: data.communeId,
      personCommuneId: await homeCommuneOf(trx, enrollment.participant_id),
      agreementSignedOn: data.agreementSignedOn,
      eligible: enrollment.eligible === 1,
    });
    const { id } = await trx
      .insertInto('placements')
      .values({
        enrollment_id: enrollment.id,
        participant_id: enrollment.participant_id,
        program_id: enrollment.program_id,
        commune_id: data.communeId,
        site: data.site,
        activity: data.activity,
        application_date: applicationDate,
        start_date: data.startDate,
        planned_end_date: data.plannedEndDate,
        hours_per_week: data.hoursPerWeek,
        rate_cents: enrollment.hourly_rate_cents,
        agreement_signed_on: data.agreementSignedOn,
        status: data.status,
        quota_override_reason: data.quotaOverrideReason,
        warnings: JSON.stringify(warnings),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, {
      action: 'create',
      entity: 'placement',
      entityId: id,
      participantId: enrollment.participant_id,
      after: { ...data, rateCents: enrollment.hourly_rate_cents, warnings: warnings.map((w) => w.code) },
    });
    return id;
  });
  return getPlacement(db, id);
}

/** A day with recorded hours of the placement before or after `date` (the earliest or latest such day), if any. */
async function recordedDayBeyond(trx: Db, placementId: number, side: '<' | '>', date: string, order: 'asc' | 'desc'): Promise<string | null> {
  const row = await trx
    .selectFrom('hours')
    .select('work_date')
    .where('placement_id', '=', placementId)
    .where('work_date', side, date)
    .orderBy('work_date', order)
    .executeTakeFirst();
  return row?.work_date ?? null;
}

/** Closes a placement with its end date; the outcome that followed (if known) is recorded in the same step. */
export async function closePlacement(db: Db, input: ClosePlacementInput): Promise<Placement> {
  const data = closePlacementInput.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await getPlacement(trx, data.id);
    if (before.status === 'beendet' || before.status === 'abgebrochen') {
      throw new AppError('conflict', 'Der AGH-Einsatz ist bereits abgeschlossen.', 'Placement already closed.');
    }
    if (data.endDate < before.startDate) {
      throw new AppError('validation', 'Das Ende liegt vor dem Beginn des Einsatzes.', 'End before start.', {
        fields: [{ path: 'endDate', message: 'Vor dem Beginn' }],
      });
    }
    const later = await recordedDayBeyond(trx, data.id, '>', data.endDate, 'asc');
    if (later) {
      throw new AppError(
        'conflict',
        `Nach dem ${germanDate(data.endDate)} sind noch Stunden erfasst (${germanDate(later)}). Bitte zuerst korrigieren.`,
        'Hours recorded after the end date.',
        { fields: [{ path: 'endDate', message: 'Stunden danach erfasst' }] },
      );
    }
    await trx
      .updateTable('placements')
      .set({ end_date: data.endDate, status: data.status, updated_at: nowIso() })
      .where('id', '=', data.id)
      .execute();
    if (data.outcome) {
      // the outcome belongs to the enrollment covering its date (up to the follow-up months after exit)
      const anchor = await outcomeAnchor(trx, before.participantId, before.programId, data.outcome.date);
      if (!anchor) throw notEnrolledError(data.outcome.date, 'outcome.date');
      await trx
        .insertInto('outcomes')
        .values({
          participant_id: before.participantId,
          program_id: before.programId,
          enrollment_id: anchor.enrollmentId,
          kind: data.outcome.kind,
          date: data.outcome.date,
          source_placement_id: data.id,
          notes: data.outcome.notes,
        })
        .execute();
    }
    await audit(trx, {
      action: 'close',
      entity: 'placement',
      entityId: data.id,
      participantId: before.participantId,
      before: { status: before.status, endDate: before.endDate },
      after: { status: data.status, endDate: data.endDate, outcome: data.outcome?.kind ?? null },
    });
  });
  return getPlacement(db, data.id);
}

/** The fields `placements.update` may change, as audit snapshots: the Verlauf diffs exactly these. */
function editable(p: {
  site: string;
  activity: string;
  applicationDate: string | null;
  startDate: string;
  plannedEndDate: string | null;
  hoursPerWeek: number | null;
  agreementSignedOn: string | null;
}) {
  return {
    site: p.site,
    activity: p.activity,
    applicationDate: p.applicationDate,
    startDate: p.startDate,
    plannedEndDate: p.plannedEndDate,
    hoursPerWeek: p.hoursPerWeek,
    agreementSignedOn: p.agreementSignedOn,
  };
}

/**
 * Corrects a placement's site, activity, dates, weekly hours or agreement date. The rules of thumb are checked
 * again and the stored warnings replaced. Recorded hours must stay inside the period (the hours grid refuses days
 * outside it, so a correction may not leave such days behind).
 */
export async function updatePlacement(db: Db, input: PlacementUpdateInput): Promise<Placement> {
  const data = placementUpdateInput.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await getPlacement(trx, data.id);
    if (before.status !== 'wartend' && data.startDate !== before.startDate) await admitToPlacement(trx, before.enrollmentId, data.startDate);
    if (before.endDate !== null && data.startDate > before.endDate) {
      throw new AppError('validation', `Der Beginn liegt nach dem Ende des Einsatzes (${germanDate(before.endDate)}).`, 'Start after the end date.', {
        fields: [{ path: 'startDate', message: 'Nach dem Ende' }],
      });
    }
    const earlier = await recordedDayBeyond(trx, data.id, '<', data.startDate, 'asc');
    if (earlier) {
      throw new AppError(
        'conflict',
        `Vor dem ${germanDate(data.startDate)} sind schon Stunden erfasst (${germanDate(earlier)}). Bitte zuerst die Stunden korrigieren.`,
        'Hours recorded before the new start date.',
        { fields: [{ path: 'startDate', message: 'Stunden davor erfasst' }] },
      );
    }
    // a closed placement ends at its end date; only an open one is bounded by the planned end
    const lastDay = before.endDate ?? data.plannedEndDate;
    if (lastDay !== null) {
      const later = await recordedDayBeyond(trx, data.id, '>', lastDay, 'desc');
      if (later) {
        throw new AppError(
          'conflict',
          `Nach dem ${germanDate(lastDay)} sind schon Stunden erfasst (${germanDate(later)}). Bitte zuerst die Stunden korrigieren.`,
          'Hours recorded after the new planned end.',
          { fields: [{ path: 'plannedEndDate', message: 'Stunden danach erfasst' }] },
        );
      }
    }
    const enrollment = await trx
      .selectFrom('enrollments')
      .select(['eligible', 'applied_on'])
      .where('id', '=', before.enrollmentId)
      .executeTakeFirstOrThrow();
    // as when placing: no application date of its own means the enrollment's
    const applicationDate = data.applicationDate ?? enrollment.applied_on;
    const warnings = placementWarnings(await rulesOf(trx, before.programId), {
      applicationDate,
      startDate: data.startDate,
      plannedEndDate: data.plannedEndDate,
      hoursPerWeek: data.hoursPerWeek,
      communeId: before.communeId,
      personCommuneId: await homeCommuneOf(trx, before.participantId),
      agreementSignedOn: data.agreementSignedOn,
      eligible: enrollment.eligible === 1,
    });
    const after = editable({ ...data, applicationDate });
    await trx
      .updateTable('placements')
      .set({
        site: after.site,
        activity: after.activity,
        application_date: after.applicationDate,
        start_date: after.startDate,
        planned_end_date: after.plannedEndDate,
        hours_per_week: after.hoursPerWeek,
        agreement_signed_on: after.agreementSignedOn,
        warnings: JSON.stringify(warnings),
        updated_at: nowIso(),
      })
      .where('id', '=', data.id)
      .execute();
    await audit(trx, {
      action: 'update',
      entity: 'placement',
      entityId: data.id,
      participantId: before.participantId,
      before: { ...editable(before), warnings: before.warnings.map((w) => w.code) },
      after: { ...after, warnings: warnings.map((w) => w.code) },
    });
  });
  return getPlacement(db, data.id);
}

/**
 * Moves a waiting placement onto a slot (wartend → aktiv), checking the commune's quota as placing does. An
 * interested enrollment becomes active with it, as when a person is placed directly.
 */
export async function activatePlacement(db: Db, input: ActivatePlacementInput): Promise<Placement> {
  const data = activatePlacementInput.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await getPlacement(trx, data.id);
    if (before.status !== 'wartend') {
      throw new AppError('conflict', `Der AGH-Einsatz ist ${before.status}; nur wartende Einsätze können aktiviert werden.`, 'Only a waiting placement can be activated.');
    }
    const enrollment = await trx.selectFrom('enrollments').select(['id', 'status']).where('id', '=', before.enrollmentId).executeTakeFirstOrThrow();
    if (enrollment.status !== 'aktiv' && enrollment.status !== 'interessiert') {
      throw new AppError(
        'conflict',
        `Die Einschreibung ist ${enrollment.status}; nur aktive oder interessierte Teilnehmende können eingesetzt werden.`,
        'Enrollment is closed.',
      );
    }
    await assertSlotFree(trx, before.programId, before.communeId, data.quotaOverrideReason, 'oder weiter warten lassen');
    await admitToPlacement(trx, enrollment.id, before.startDate);
    await trx
      .updateTable('placements')
      .set({
        status: 'aktiv',
        // a reason given earlier stays unless this activation needed (and gave) one of its own
        quota_override_reason: data.quotaOverrideReason ?? before.quotaOverrideReason,
        updated_at: nowIso(),
      })
      .where('id', '=', data.id)
      .execute();
    await audit(trx, {
      action: 'activate',
      entity: 'placement',
      entityId: data.id,
      participantId: before.participantId,
      before: { status: before.status, quotaOverrideReason: before.quotaOverrideReason },
      after: { status: 'aktiv', quotaOverrideReason: data.quotaOverrideReason ?? before.quotaOverrideReason },
    });
  });
  return getPlacement(db, data.id);
}
