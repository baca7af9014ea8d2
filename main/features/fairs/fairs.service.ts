import type { Kysely } from 'kysely';
import {
  contactInput,
  contactResults,
  fairInput,
  fairOffer,
  type ContactInput,
  type ContactResult,
  type Fair,
  type FairContact,
  type FairDetail,
  type FairFigures,
  type FairInput,
  type FairOffer,
  type FairRegistration,
  type ParticipantFair,
  type PersonMatch,
} from '../../../shared/domain/fairs.js';
import { AppError } from '../../../shared/errors.js';
import type { Database } from '../../db/schema.js';
import { audit } from '../audit/audit.service.js';
import { anchorsOn, reanchorFair } from '../enrollments/anchor.service.js';
import { displayName, participantExists, searchParticipants } from './people.js';
import { nowIso } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;


async function loadFairs(db: Db, where: { id?: number; programId?: number | undefined }): Promise<Fair[]> {
  let q = db
    .selectFrom('fairs as f')
    .innerJoin('programs as p', 'p.id', 'f.program_id')
    .select((eb) => [
      'f.id',
      'f.program_id',
      'p.name as program_name',
      'f.title',
      'f.date',
      'f.venue',
      'f.notes',
      eb.selectFrom('fair_companies as fc').whereRef('fc.fair_id', '=', 'f.id').select(eb.fn.countAll<number>().as('n')).as('companies'),
      eb.selectFrom('fair_registrations as r').whereRef('r.fair_id', '=', 'f.id').select(eb.fn.countAll<number>().as('n')).as('registered'),
      eb
        .selectFrom('fair_registrations as r')
        .whereRef('r.fair_id', '=', 'f.id')
        .where('r.checked_in_at', 'is not', null)
        .select(eb.fn.countAll<number>().as('n'))
        .as('present'),
      eb.selectFrom('fair_contacts as c').whereRef('c.fair_id', '=', 'f.id').select(eb.fn.countAll<number>().as('n')).as('contacts'),
    ]);
  if (where.id !== undefined) q = q.where('f.id', '=', where.id);
  if (where.programId !== undefined) q = q.where('f.program_id', '=', where.programId);
  const rows = await q.orderBy('f.date', 'desc').orderBy('f.id', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    programId: r.program_id,
    programName: r.program_name,
    title: r.title,
    date: r.date,
    venue: r.venue,
    notes: r.notes,
    companies: Number(r.companies ?? 0),
    registered: Number(r.registered ?? 0),
    present: Number(r.present ?? 0),
    contacts: Number(r.contacts ?? 0),
  }));
}

/** Fairs, newest first, with companies, registered, present and contacts counted. */
export async function listFairs(db: Db, programId?: number): Promise<Fair[]> {
  return loadFairs(db, { programId });
}

async function getFairRow(db: Db, id: number): Promise<Fair> {
  const [f] = await loadFairs(db, { id });
  if (!f) throw new AppError('not_found', `Firmenkontaktbörse ${id} nicht gefunden.`, `Fair ${id} not found.`);
  return f;
}

function parseOffers(text: string): FairOffer[] {
  const raw: unknown = JSON.parse(text);
  return Array.isArray(raw) ? raw.filter((o): o is FairOffer => fairOffer.safeParse(o).success) : [];
}

/** One fair with its companies, registrations (alphabetical) and contacts. */
export async function getFair(db: Db, id: number): Promise<FairDetail> {
  const f = await getFairRow(db, id);
  const companies = await db
    .selectFrom('fair_companies as fc')
    .innerJoin('organisations as o', 'o.id', 'fc.organisation_id')
    .select(['fc.organisation_id', 'o.name', 'o.sector', 'o.city', 'fc.offers'])
    .where('fc.fair_id', '=', id)
    .orderBy('o.name')
    .execute();
  const regs = await db
    .selectFrom('fair_registrations as r')
    .innerJoin('participants as p', 'p.id', 'r.participant_id')
    .select(['r.participant_id', 'p.last_name', 'p.first_name', 'p.birth_date', 'r.checked_in_at', 'r.enrollment_id'])
    .where('r.fair_id', '=', id)
    .orderBy('p.last_name')
    .orderBy('p.first_name')
    .execute();
  const contacts = await contactRows(db, { fairId: id });
  return {
    ...f,
    companyList: companies.map((c) => ({
      organisationId: c.organisation_id,
      name: c.name,
      sector: c.sector,
      city: c.city,
      offers: parseOffers(c.offers),
    })),
    registrations: regs.map((r) => ({
      participantId: r.participant_id,
      name: displayName(r.last_name, r.first_name),
      birthDate: r.birth_date,
      checkedInAt: r.checked_in_at,
      visitor: r.enrollment_id === null,
    })),
    contactList: contacts,
  };
}

async function contactRows(db: Db, where: { fairId?: number; id?: number }): Promise<FairContact[]> {
  let q = db
    .selectFrom('fair_contacts as c')
    .innerJoin('participants as p', 'p.id', 'c.participant_id')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .select(['c.id', 'c.participant_id', 'p.last_name', 'p.first_name', 'c.organisation_id', 'o.name', 'c.result', 'c.notes', 'c.enrollment_id']);
  if (where.fairId !== undefined) q = q.where('c.fair_id', '=', where.fairId);
  if (where.id !== undefined) q = q.where('c.id', '=', where.id);
  const rows = await q.orderBy('c.id', 'desc').execute();
  return rows.map((c) => ({
    id: c.id,
    participantId: c.participant_id,
    participantName: displayName(c.last_name, c.first_name),
    organisationId: c.organisation_id,
    organisationName: c.name,
    result: c.result,
    notes: c.notes,
    visitor: c.enrollment_id === null,
  }));
}

async function assertProgram(db: Db, programId: number) {
  const p = await db.selectFrom('programs').select('id').where('id', '=', programId).executeTakeFirst();
  if (!p) {
    throw new AppError('validation', 'Unbekanntes Programm.', 'Unknown program.', { fields: [{ path: 'programId', message: 'Unbekanntes Programm' }] });
  }
}

/** Creates a fair of a program. */
export async function createFair(db: Db, input: FairInput): Promise<Fair> {
  const data = fairInput.parse(input);
  const id = await db.transaction().execute(async (trx) => {
    await assertProgram(trx, data.programId);
    const { id } = await trx
      .insertInto('fairs')
      .values({ program_id: data.programId, title: data.title, date: data.date, venue: data.venue, notes: data.notes })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, { action: 'create', entity: 'fair', entityId: id, after: data });
    return id;
  });
  return getFairRow(db, id);
}

export async function updateFair(db: Db, id: number, input: FairInput): Promise<Fair> {
  const data = fairInput.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await getFairRow(trx, id);
    await assertProgram(trx, data.programId);
    await trx
      .updateTable('fairs')
      .set({ program_id: data.programId, title: data.title, date: data.date, venue: data.venue, notes: data.notes, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    // another day or program can turn visitors into participants and back
    if (before.date !== data.date || before.programId !== data.programId) await reanchorFair(trx, id);
    await audit(trx, { action: 'update', entity: 'fair', entityId: id, before, after: data });
  });
  return getFairRow(db, id);
}

/** Adds a company to a fair or replaces its offers. */
export async function setFairCompany(db: Db, fairId: number, organisationId: number, offers: FairOffer[]): Promise<FairDetail> {
  await db.transaction().execute(async (trx) => {
    await getFairRow(trx, fairId);
    const org = await trx.selectFrom('organisations').select(['id', 'name']).where('id', '=', organisationId).executeTakeFirst();
    if (!org) {
      throw new AppError('validation', 'Unbekanntes Unternehmen.', 'Unknown organisation.', {
        fields: [{ path: 'organisationId', message: 'Unbekanntes Unternehmen' }],
      });
    }
    const json = JSON.stringify([...new Set(offers)]);
    await trx
      .insertInto('fair_companies')
      .values({ fair_id: fairId, organisation_id: organisationId, offers: json })
      .onConflict((oc) => oc.columns(['fair_id', 'organisation_id']).doUpdateSet({ offers: json, updated_at: nowIso() }))
      .execute();
    await audit(trx, { action: 'set_company', entity: 'fair', entityId: fairId, after: { organisationId, offers } });
  });
  return getFair(db, fairId);
}

export async function removeFairCompany(db: Db, fairId: number, organisationId: number): Promise<FairDetail> {
  await db.transaction().execute(async (trx) => {
    const used = await trx
      .selectFrom('fair_contacts')
      .select('id')
      .where('fair_id', '=', fairId)
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst();
    if (used) {
      throw new AppError(
        'conflict',
        'Mit diesem Unternehmen sind auf der Börse Kontakte erfasst; bitte zuerst die Kontakte löschen.',
        'Company has contacts at this fair.',
      );
    }
    await trx.deleteFrom('fair_companies').where('fair_id', '=', fairId).where('organisation_id', '=', organisationId).execute();
    await audit(trx, { action: 'remove_company', entity: 'fair', entityId: fairId, after: { organisationId } });
  });
  return getFair(db, fairId);
}

/** Registers participants for a fair; already registered ones are counted, not duplicated. */
export async function registerForFair(db: Db, fairId: number, participantIds: number[]): Promise<{ registered: number; alreadyRegistered: number }> {
  const ids = [...new Set(participantIds)];
  return db.transaction().execute(async (trx) => {
    const fair = await getFairRow(trx, fairId);
    const known = new Set<number>();
    // chunks keep the IN list below SQLite's parameter limit
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await trx.selectFrom('participants').select('id').where('id', 'in', ids.slice(i, i + 500)).execute();
      for (const r of rows) known.add(r.id);
    }
    const missing = ids.find((i) => !known.has(i));
    if (missing !== undefined) {
      throw new AppError('not_found', `Teilnehmende/r Nr. ${missing} nicht gefunden.`, `Participant ${missing} not found.`);
    }
    const existing = new Set<number>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await trx
        .selectFrom('fair_registrations')
        .select('participant_id')
        .where('fair_id', '=', fairId)
        .where('participant_id', 'in', ids.slice(i, i + 500))
        .execute();
      for (const r of rows) existing.add(r.participant_id);
    }
    const fresh = ids.filter((i) => !existing.has(i));
    // people without an enrollment on the fair's day are registered as visitors (enrollment_id NULL)
    const anchors = await anchorsOn(trx, fair.programId, fair.date, fresh);
    for (let i = 0; i < fresh.length; i += 300) {
      await trx
        .insertInto('fair_registrations')
        .values(fresh.slice(i, i + 300).map((participant_id) => ({ fair_id: fairId, participant_id, enrollment_id: anchors.get(participant_id) ?? null })))
        .execute();
    }
    if (fresh.length > 0) await audit(trx, { action: 'register', entity: 'fair', entityId: fairId, peopleCount: fresh.length });
    return { registered: fresh.length, alreadyRegistered: ids.length - fresh.length };
  });
}

export async function unregisterFromFair(db: Db, fairId: number, participantId: number): Promise<{ ok: true }> {
  await db.transaction().execute(async (trx) => {
    const c = await trx
      .selectFrom('fair_contacts')
      .select('id')
      .where('fair_id', '=', fairId)
      .where('participant_id', '=', participantId)
      .executeTakeFirst();
    if (c) {
      throw new AppError('conflict', 'Für diese Person sind Kontakte auf der Börse erfasst; die Anmeldung bleibt.', 'Participant has contacts.');
    }
    await trx.deleteFrom('fair_registrations').where('fair_id', '=', fairId).where('participant_id', '=', participantId).execute();
    await audit(trx, { action: 'unregister', entity: 'fair', entityId: fairId, participantId });
  });
  return { ok: true };
}

/** Name search for the check-in screen, marking who is registered and who is already in. */
export async function searchFairPeople(db: Db, fairId: number, query: string, limit: number): Promise<PersonMatch[]> {
  const people = await searchParticipants(db, query, limit);
  if (people.length === 0) return [];
  const regs = await db
    .selectFrom('fair_registrations')
    .select(['participant_id', 'checked_in_at'])
    .where('fair_id', '=', fairId)
    .where(
      'participant_id',
      'in',
      people.map((p) => p.id),
    )
    .execute();
  const byId = new Map(regs.map((r) => [r.participant_id, r]));
  const matches = people.map((p) => ({
    participantId: p.id,
    name: displayName(p.last_name, p.first_name),
    birthDate: p.birth_date,
    registered: byId.has(p.id),
    checkedIn: !!byId.get(p.id)?.checked_in_at,
  }));
  // registered people first: at the door they are the ones expected
  return matches.sort((a, b) => Number(b.registered) - Number(a.registered));
}

/**
 * Checks a participant in. Someone not registered is refused with `offerRegister`, so the screen can ask
 * "register and check in?"; `register` does both at once.
 */
export async function checkIn(
  db: Db,
  input: { fairId: number; participantId: number; register?: boolean; undo?: boolean },
): Promise<FairRegistration> {
  return db.transaction().execute(async (trx) => {
    const fair = await getFairRow(trx, input.fairId);
    const person = await participantExists(trx, input.participantId);
    if (!person) {
      throw new AppError('not_found', `Teilnehmende/r Nr. ${input.participantId} nicht gefunden.`, 'Participant not found.');
    }
    const name = displayName(person.last_name, person.first_name);
    const reg = await trx
      .selectFrom('fair_registrations')
      .select(['id', 'checked_in_at', 'enrollment_id'])
      .where('fair_id', '=', input.fairId)
      .where('participant_id', '=', input.participantId)
      .executeTakeFirst();
    if (!reg && !input.register) {
      throw new AppError(
        'not_found',
        `${name} ist für diese Börse nicht angemeldet. Jetzt anmelden und einchecken?`,
        'Not registered for this fair. Register and check in now?',
        { offerRegister: true, participantId: input.participantId },
      );
    }
    const at = input.undo ? null : (reg?.checked_in_at ?? nowIso());
    let enrollmentId = reg?.enrollment_id ?? null;
    if (!reg) {
      enrollmentId = (await anchorsOn(trx, fair.programId, fair.date, [input.participantId])).get(input.participantId) ?? null;
      await trx
        .insertInto('fair_registrations')
        .values({ fair_id: input.fairId, participant_id: input.participantId, checked_in_at: at, enrollment_id: enrollmentId })
        .execute();
    } else if (reg.checked_in_at !== at) {
      await trx.updateTable('fair_registrations').set({ checked_in_at: at, updated_at: nowIso() }).where('id', '=', reg.id).execute();
    }
    await audit(trx, {
      action: input.undo ? 'check_in_undo' : reg ? 'check_in' : 'register_check_in',
      entity: 'fair',
      entityId: input.fairId,
      participantId: input.participantId,
    });
    return { participantId: person.id, name, birthDate: person.birth_date, checkedInAt: at, visitor: enrollmentId === null };
  });
}

/**
 * Records a conversation participant x company. The company must be present at the fair and the person
 * registered; a contact proves presence, so an unchecked person is checked in with it.
 */
export async function recordContact(db: Db, input: ContactInput): Promise<FairContact> {
  const data = contactInput.parse(input);
  const id = await db.transaction().execute(async (trx) => {
    const fair = await getFairRow(trx, data.fairId);
    const present = await trx
      .selectFrom('fair_companies')
      .select('id')
      .where('fair_id', '=', data.fairId)
      .where('organisation_id', '=', data.organisationId)
      .executeTakeFirst();
    if (!present) {
      const org = await trx.selectFrom('organisations').select('name').where('id', '=', data.organisationId).executeTakeFirst();
      throw new AppError(
        'validation',
        `${org ? `„${org.name}“` : 'Dieses Unternehmen'} ist auf dieser Börse nicht vertreten; ein Kontakt kann nur mit anwesenden Unternehmen erfasst werden.`,
        'The company is not present at this fair.',
        { fields: [{ path: 'organisationId', message: 'Nicht auf dieser Börse vertreten' }] },
      );
    }
    const reg = await trx
      .selectFrom('fair_registrations')
      .select(['id', 'checked_in_at'])
      .where('fair_id', '=', data.fairId)
      .where('participant_id', '=', data.participantId)
      .executeTakeFirst();
    if (!reg) {
      throw new AppError('validation', 'Die Person ist für diese Börse nicht angemeldet; bitte zuerst einchecken.', 'Participant not registered.', {
        fields: [{ path: 'participantId', message: 'Nicht angemeldet' }],
      });
    }
    if (!reg.checked_in_at) {
      await trx.updateTable('fair_registrations').set({ checked_in_at: nowIso(), updated_at: nowIso() }).where('id', '=', reg.id).execute();
    }
    // a visitor's contact is allowed: it is anchored when the person has an enrollment on the fair's day
    const enrollmentId = (await anchorsOn(trx, fair.programId, fair.date, [data.participantId])).get(data.participantId) ?? null;
    const { id } = await trx
      .insertInto('fair_contacts')
      .values({
        fair_id: data.fairId,
        participant_id: data.participantId,
        organisation_id: data.organisationId,
        result: data.result,
        notes: data.notes,
        enrollment_id: enrollmentId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, { action: 'contact', entity: 'fair', entityId: data.fairId, participantId: data.participantId, after: { organisationId: data.organisationId, result: data.result } });
    return id;
  });
  const [c] = await contactRows(db, { id });
  return c!;
}

export async function updateContact(db: Db, id: number, result: ContactResult, notes: string | null | undefined): Promise<FairContact> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('fair_contacts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found', 'Kontakt nicht gefunden.', 'Contact not found.');
    const set = notes === undefined ? { result, updated_at: nowIso() } : { result, notes: notes?.trim() || null, updated_at: nowIso() };
    await trx.updateTable('fair_contacts').set(set).where('id', '=', id).execute();
    await audit(trx, { action: 'update_contact', entity: 'fair', entityId: before.fair_id, participantId: before.participant_id, before: { result: before.result }, after: { result } });
  });
  const [c] = await contactRows(db, { id });
  return c!;
}

export async function deleteContact(db: Db, id: number): Promise<{ ok: true }> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('fair_contacts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found', 'Kontakt nicht gefunden.', 'Contact not found.');
    await trx.deleteFrom('fair_contacts').where('id', '=', id).execute();
    await audit(trx, { action: 'delete_contact', entity: 'fair', entityId: before.fair_id, participantId: before.participant_id });
  });
  return { ok: true };
}

/** The fair's figures; applications and outcomes found later count for the fair they came from. */
export async function fairFigures(db: Db, fairId: number): Promise<FairFigures> {
  await getFairRow(db, fairId);
  const reg = await db
    .selectFrom('fair_registrations')
    .select((eb) => [
      eb.fn.countAll<number>().as('registered'),
      eb.fn.count<number>('checked_in_at').as('present'),
    ])
    .where('fair_id', '=', fairId)
    .executeTakeFirstOrThrow();
  const companies = await db
    .selectFrom('fair_companies')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('fair_id', '=', fairId)
    .executeTakeFirstOrThrow();
  const byResult = await db
    .selectFrom('fair_contacts')
    .select((eb) => ['result', eb.fn.countAll<number>().as('n')])
    .where('fair_id', '=', fairId)
    .groupBy('result')
    .execute();
  const apps = await db
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('fair_id', '=', fairId)
    .executeTakeFirstOrThrow();
  const outcomes = await db
    .selectFrom('outcomes')
    .select((eb) => ['kind', eb.fn.countAll<number>().as('n')])
    .where('source_fair_id', '=', fairId)
    .groupBy('kind')
    .execute();
  const contactsByResult = Object.fromEntries(contactResults.map((r) => [r, 0])) as Record<ContactResult, number>;
  for (const r of byResult) contactsByResult[r.result] = Number(r.n);
  return {
    fairId,
    registered: Number(reg.registered),
    present: Number(reg.present),
    companies: Number(companies.n),
    contacts: byResult.reduce((s, r) => s + Number(r.n), 0),
    contactsByResult,
    laterApplications: Number(apps.n),
    laterOutcomes: outcomes.reduce((s, r) => s + Number(r.n), 0),
    outcomesByKind: Object.fromEntries(outcomes.map((o) => [o.kind, Number(o.n)])),
  };
}

/** A participant's fairs, with check-in and the contacts made there. */
export async function fairsForParticipant(db: Db, participantId: number): Promise<ParticipantFair[]> {
  const regs = await db
    .selectFrom('fair_registrations as r')
    .innerJoin('fairs as f', 'f.id', 'r.fair_id')
    .select(['f.id', 'f.title', 'f.date', 'r.checked_in_at'])
    .where('r.participant_id', '=', participantId)
    .orderBy('f.date', 'desc')
    .execute();
  const contacts = await db
    .selectFrom('fair_contacts as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .select(['c.id', 'c.fair_id', 'c.organisation_id', 'o.name', 'c.result'])
    .where('c.participant_id', '=', participantId)
    .orderBy('o.name')
    .execute();
  return regs.map((r) => ({
    fairId: r.id,
    title: r.title,
    date: r.date,
    checkedIn: r.checked_in_at !== null,
    contacts: contacts
      .filter((c) => c.fair_id === r.id)
      .map((c) => ({ id: c.id, organisationId: c.organisation_id, organisationName: c.name, result: c.result })),
  }));
}
