import type { Kysely } from 'kysely';
import {
  establishStatementInput,
  payStatementInput,
  reopenStatementInput,
  type StatementStatus,
} from '../../../shared/domain/agh.js';
import { AppError } from '../../../shared/errors.js';
import type { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { germanMonth } from '../../excel/export/agh-statement.js';
import { audit } from '../audit/audit.service.js';
import { nowIso } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;

export interface StatementState {
  status: StatementStatus;
  checkedBy: string | null;
  establishedOn: string | null;
  paidOn: string | null;
}

export interface MonthKey {
  programId: number;
  communeId: number;
  month: string;
}

const keyOf = (k: MonthKey) => `${k.programId}|${k.communeId}|${k.month}`;

/** The state of a commune's month; a month nobody established is a draft. */
export async function statementState(db: Db, k: MonthKey): Promise<StatementState> {
  const row = await db
    .selectFrom('agh_statements')
    .select(['status', 'checked_by', 'established_on', 'paid_on'])
    .where('program_id', '=', k.programId)
    .where('commune_id', '=', k.communeId)
    .where('month', '=', k.month)
    .executeTakeFirst();
  if (!row) return { status: 'entwurf', checkedBy: null, establishedOn: null, paidOn: null };
  return { status: row.status, checkedBy: row.checked_by, establishedOn: row.established_on, paidOn: row.paid_on };
}

/** Which of the given months are locked (festgestellt or ausgezahlt), as "program|commune|month" keys. */
export async function lockedMonths(db: Db, keys: MonthKey[]): Promise<Set<string>> {
  const months = [...new Set(keys.map((k) => k.month))];
  const programs = [...new Set(keys.map((k) => k.programId))];
  if (months.length === 0) return new Set();
  const rows = await db
    .selectFrom('agh_statements')
    .select(['program_id', 'commune_id', 'month'])
    .where('program_id', 'in', programs)
    .where('month', 'in', months)
    .where('status', '!=', 'entwurf')
    .execute();
  return new Set(rows.map((r) => keyOf({ programId: r.program_id, communeId: r.commune_id, month: r.month })));
}

/** The refusal for a change in a locked month: the coordinator learns which statement to reopen. */
export function lockedMonthError(communeName: string, month: string, path?: string): AppError {
  const message = `Die Abrechnung ${communeName} ${germanMonth(month)} ist festgestellt; Änderungen erst nach dem Wiedereröffnen (mit Begründung).`;
  const messageEn = `The statement of ${communeName} ${month} is established; reopen it (with a reason) to change it.`;
  return new AppError('conflict', message, messageEn, { fields: path ? [{ path, message, messageEn }] : [] });
}

export function isLocked(locked: Set<string>, k: MonthKey): boolean {
  return locked.has(keyOf(k));
}

async function upsertState(trx: Db, k: MonthKey, set: { status: StatementStatus; checked_by?: string | null; established_on?: string | null; paid_on?: string | null }) {
  await trx
    .insertInto('agh_statements')
    .values({ program_id: k.programId, commune_id: k.communeId, month: k.month, ...set })
    .onConflict((oc) => oc.columns(['program_id', 'commune_id', 'month']).doUpdateSet({ ...set, updated_at: nowIso() }))
    .execute();
}

function wrongState(now: StatementStatus, wanted: string): AppError {
  return new AppError('conflict', `Die Abrechnung ist ${now}; ${wanted}.`, `The statement is ${now}.`);
}

/** Entwurf → festgestellt: "sachlich und rechnerisch richtig"; the month's hours and extra costs are locked. */
export async function establishStatement(db: Db, input: z.input<typeof establishStatementInput>): Promise<StatementState> {
  const data = establishStatementInput.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await statementState(trx, data);
    if (before.status !== 'entwurf') throw wrongState(before.status, 'feststellen lässt sich nur ein Entwurf');
    await upsertState(trx, data, { status: 'festgestellt', checked_by: data.checkedBy, established_on: data.establishedOn, paid_on: null });
    await audit(trx, { action: 'establish', entity: 'agh_statement', details: `${data.month}`, after: data });
  });
  return statementState(db, data);
}

/** festgestellt → Entwurf, only with a reason (audited): the month's hours can be corrected again. */
export async function reopenStatement(db: Db, input: z.input<typeof reopenStatementInput>): Promise<StatementState> {
  const data = reopenStatementInput.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await statementState(trx, data);
    if (before.status !== 'festgestellt') throw wrongState(before.status, 'wiedereröffnen lässt sich nur eine festgestellte, noch nicht ausgezahlte Abrechnung');
    await upsertState(trx, data, { status: 'entwurf', checked_by: null, established_on: null, paid_on: null });
    await audit(trx, { action: 'reopen', entity: 'agh_statement', before, after: { ...data, status: 'entwurf' }, details: data.reason });
  });
  return statementState(db, data);
}

/** festgestellt → ausgezahlt with the payment date; the month stays locked. */
export async function payStatement(db: Db, input: z.input<typeof payStatementInput>): Promise<StatementState> {
  const data = payStatementInput.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await statementState(trx, data);
    if (before.status !== 'festgestellt') throw wrongState(before.status, 'ausgezahlt werden kann nur eine festgestellte Abrechnung');
    if (before.establishedOn !== null && data.paidOn < before.establishedOn) {
      throw new AppError('validation', 'Die Auszahlung liegt vor der Feststellung.', 'Paid before established.', {
        fields: [{ path: 'paidOn', message: 'Vor der Feststellung' }],
      });
    }
    await upsertState(trx, data, { status: 'ausgezahlt', paid_on: data.paidOn });
    await audit(trx, { action: 'pay', entity: 'agh_statement', before, after: data });
  });
  return statementState(db, data);
}
