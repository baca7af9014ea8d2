import type { Kysely } from 'kysely';
import {
  organisationInput,
  type Organisation,
  type OrganisationHistory,
  type OrganisationInput,
  type OrganisationKind,
} from '../../../shared/domain/organisations.js';
import { hireKinds } from '../../../shared/domain/outcomes.js';
import { AppError } from '../../../shared/errors.js';
import { normaliseName, searchTerm, stripAccents } from '../../../shared/rules/names.js';
import type { Database } from '../../db/schema.js';
import { audit } from '../audit/audit.service.js';
import { displayName } from '../fairs/people.js';
import { nowIso } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;

export interface OrganisationQuery {
  kind?: OrganisationKind | undefined;
  query?: string;
  includeArchived?: boolean;
  id?: number;
}

async function load(db: Db, where: OrganisationQuery): Promise<Organisation[]> {
  let q = db
    .selectFrom('organisations as o')
    .selectAll('o')
    .select((eb) => [
      eb.selectFrom('fair_companies as fc').whereRef('fc.organisation_id', '=', 'o.id').select(eb.fn.countAll<number>().as('n')).as('fair_count'),
      eb.selectFrom('fair_contacts as c').whereRef('c.organisation_id', '=', 'o.id').select(eb.fn.countAll<number>().as('n')).as('contact_count'),
      eb
        .selectFrom('outcomes as oc')
        .whereRef('oc.organisation_id', '=', 'o.id')
        .where('oc.kind', 'in', [...hireKinds])
        .select(eb.fn.countAll<number>().as('n'))
        .as('hire_count'),
    ]);
  if (where.id !== undefined) q = q.where('o.id', '=', where.id);
  if (where.kind) q = q.where('o.kind', '=', where.kind);
  if (!where.includeArchived && where.id === undefined) q = q.where('o.archived_at', 'is', null);
  let rows = await q.orderBy('o.name').execute();
  const words = searchTerm((where.query ?? '').replace(/[,;.:/()]+/g, ' ')).split(' ').filter(Boolean);
  if (words.length > 0) {
    // organisations are few (hundreds): matching in JS with the shared name rules makes "Baeckerei",
    // "Backerei" and "Bäckerei" all find the same company, which LIKE on the raw column cannot
    rows = rows.filter((r) => {
      const hay = [r.name, r.sector, r.city, r.contact_person, r.partner_type]
        .filter((v): v is string => !!v)
        .map((v) => `${normaliseName(v)} ${stripAccents(v)}`)
        .join(' ');
      return words.every((w) => hay.includes(w));
    });
  }
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    sector: r.sector,
    partnerType: r.partner_type,
    city: r.city,
    contactPerson: r.contact_person,
    size: r.size,
    email: r.email,
    phone: r.phone,
    notes: r.notes,
    archived: r.archived_at !== null,
    fairCount: Number(r.fair_count ?? 0),
    contactCount: Number(r.contact_count ?? 0),
    hireCount: Number(r.hire_count ?? 0),
  }));
}

/** Companies and partners, searched by name, sector, city, contact person or partner type. */
export async function listOrganisations(db: Db, query: OrganisationQuery = {}): Promise<Organisation[]> {
  return load(db, query);
}

export async function getOrganisation(db: Db, id: number): Promise<Organisation> {
  const [o] = await load(db, { id });
  if (!o) throw new AppError('not_found', `Organisation ${id} nicht gefunden.`, `Organisation ${id} not found.`);
  return o;
}

function row(data: ReturnType<typeof organisationInput.parse>) {
  return {
    kind: data.kind,
    name: data.name,
    sector: data.sector,
    // a partner type only makes sense for partners; a company keeps its sector instead
    partner_type: data.kind === 'partner' ? data.partnerType : null,
    city: data.city,
    contact_person: data.contactPerson,
    size: data.size,
    email: data.email,
    phone: data.phone,
    notes: data.notes,
  };
}

async function assertNameFree(db: Db, kind: OrganisationKind, name: string, city: string | null, exceptId?: number) {
  const rows = await db.selectFrom('organisations').select(['id', 'name', 'city']).where('kind', '=', kind).execute();
  const clash = rows.find(
    (r) => r.id !== exceptId && r.name.toLowerCase() === name.toLowerCase() && (r.city ?? '').toLowerCase() === (city ?? '').toLowerCase(),
  );
  if (clash) {
    throw new AppError('duplicate', `„${name}“${city ? ` (${city})` : ''} gibt es bereits.`, 'Organisation exists.', {
      fields: [{ path: 'name', message: 'Schon vorhanden' }],
      existingId: clash.id,
    });
  }
}

/** Creates a company or partner; the same name in the same city is refused as a duplicate. */
export async function createOrganisation(db: Db, input: OrganisationInput): Promise<Organisation> {
  const data = organisationInput.parse(input);
  const id = await db.transaction().execute(async (trx) => {
    await assertNameFree(trx, data.kind, data.name, data.city);
    const { id } = await trx.insertInto('organisations').values(row(data)).returning('id').executeTakeFirstOrThrow();
    await audit(trx, { action: 'create', entity: 'organisation', entityId: id, after: data });
    return id;
  });
  return getOrganisation(db, id);
}

export async function updateOrganisation(db: Db, id: number, input: OrganisationInput): Promise<Organisation> {
  const data = organisationInput.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await getOrganisation(trx, id);
    await assertNameFree(trx, data.kind, data.name, data.city, id);
    await trx.updateTable('organisations').set({ ...row(data), updated_at: nowIso() }).where('id', '=', id).execute();
    await audit(trx, { action: 'update', entity: 'organisation', entityId: id, before, after: data });
  });
  return getOrganisation(db, id);
}

export async function archiveOrganisation(db: Db, id: number, archived: boolean): Promise<Organisation> {
  await db.transaction().execute(async (trx) => {
    await getOrganisation(trx, id);
    await trx
      .updateTable('organisations')
      .set({ archived_at: archived ? nowIso() : null, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    await audit(trx, { action: archived ? 'archive' : 'unarchive', entity: 'organisation', entityId: id });
  });
  return getOrganisation(db, id);
}

/** A company's history: fairs it attended, contacts there, applications to it, hires and excursions. */
export async function organisationHistory(db: Db, id: number): Promise<OrganisationHistory> {
  const organisation = await getOrganisation(db, id);
  const fairs = await db
    .selectFrom('fair_companies as fc')
    .innerJoin('fairs as f', 'f.id', 'fc.fair_id')
    .select((eb) => [
      'f.id',
      'f.title',
      'f.date',
      'fc.offers',
      eb
        .selectFrom('fair_contacts as c')
        .whereRef('c.fair_id', '=', 'f.id')
        .where('c.organisation_id', '=', id)
        .select(eb.fn.countAll<number>().as('n'))
        .as('contacts'),
    ])
    .where('fc.organisation_id', '=', id)
    .orderBy('f.date', 'desc')
    .execute();
  const contacts = await db
    .selectFrom('fair_contacts as c')
    .innerJoin('fairs as f', 'f.id', 'c.fair_id')
    .innerJoin('participants as p', 'p.id', 'c.participant_id')
    .select(['c.id', 'c.fair_id', 'f.title', 'f.date', 'c.participant_id', 'p.last_name', 'p.first_name', 'c.result'])
    .where('c.organisation_id', '=', id)
    .orderBy('f.date', 'desc')
    .orderBy('p.last_name')
    .execute();
  const applications = await db
    .selectFrom('applications as a')
    .innerJoin('participants as p', 'p.id', 'a.participant_id')
    .select(['a.id', 'a.participant_id', 'p.last_name', 'p.first_name', 'a.position', 'a.applied_on', 'a.status'])
    .where('a.organisation_id', '=', id)
    .orderBy('a.applied_on', 'desc')
    .execute();
  const hires = await db
    .selectFrom('outcomes as o')
    .innerJoin('participants as p', 'p.id', 'o.participant_id')
    .select(['o.id', 'o.participant_id', 'p.last_name', 'p.first_name', 'o.kind', 'o.date', 'o.source_fair_id'])
    .where('o.organisation_id', '=', id)
    .where('o.kind', 'in', [...hireKinds])
    .orderBy('o.date', 'desc')
    .execute();
  const activities = await db
    .selectFrom('activities')
    .select(['id', 'kind', 'title', 'date'])
    .where('organisation_id', '=', id)
    .orderBy('date', 'desc')
    .execute();
  return {
    organisation,
    fairs: fairs.map((f) => ({
      fairId: f.id,
      title: f.title,
      date: f.date,
      offers: JSON.parse(f.offers) as string[],
      contacts: Number(f.contacts ?? 0),
    })),
    contacts: contacts.map((c) => ({
      id: c.id,
      fairId: c.fair_id,
      fairTitle: c.title,
      date: c.date,
      participantId: c.participant_id,
      participantName: displayName(c.last_name, c.first_name),
      result: c.result,
    })),
    applications: applications.map((a) => ({
      id: a.id,
      participantId: a.participant_id,
      participantName: displayName(a.last_name, a.first_name),
      position: a.position,
      appliedOn: a.applied_on,
      status: a.status,
    })),
    hires: hires.map((h) => ({
      id: h.id,
      participantId: h.participant_id,
      participantName: displayName(h.last_name, h.first_name),
      kind: h.kind,
      date: h.date,
      sourceFairId: h.source_fair_id,
    })),
    activities,
  };
}
