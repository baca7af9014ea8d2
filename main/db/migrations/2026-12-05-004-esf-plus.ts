import type { Kysely } from 'kysely';
import { ddlFor } from '../engine/ddl.js';

/**
 * A program funded by ESF Plus reports the common output indicators of its participants at entry (issue 14 item 7):
 * a flag per program switches the sheet on. Off for every existing program, so their reports stay as they are.
 * (Written for the slot of the value-maps migration: the remembered value decisions of imports needed no table.)
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const d = ddlFor(db);
  await d.run(db, [`ALTER TABLE programs ADD COLUMN ${d.bool('esf_plus')}`]);
}
