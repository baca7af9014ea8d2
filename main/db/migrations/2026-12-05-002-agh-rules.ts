import type { Kysely } from 'kysely';
import { ddlFor } from '../engine/ddl.js';

/**
 * AGH as each district runs it (issue 17):
 * - agh_program_settings: the program's AGH rules as data (JSON, checked by shared/domain/agh.ts; a program
 *   without a row uses Mittelsachsen's), the Träger's address and the Aktenzeichen for the statement letterhead,
 *   and whether certificates name the legal basis;
 * - agh_extra_costs: necessary extra costs (§ 5 Abs. 2 AsylbLG) per placement and month, paid with the
 *   compensation;
 * - agh_statements: the state of a commune's monthly statement (Entwurf → festgestellt → ausgezahlt); a month
 *   without a row is a draft. A festgestellt or ausgezahlt month locks its hours and extra costs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const d = ddlFor(db);
  await d.run(db, [
    `CREATE TABLE agh_program_settings (
      program_id INTEGER PRIMARY KEY REFERENCES programs (id) ON DELETE CASCADE,
      ${d.json('rules')},
      operator_address TEXT,
      file_reference TEXT,
      ${d.bool('certificate_names_legal_basis')},
      ${d.stamps}
    )${d.strict}`,
    `CREATE TABLE agh_extra_costs (
      ${d.id},
      placement_id INTEGER NOT NULL REFERENCES placements (id) ON DELETE CASCADE,
      month TEXT NOT NULL CHECK (length(month) = 7 AND substr(month, 5, 1) = '-'),
      ${d.oneOf('kind', ['fahrtkosten', 'arbeitskleidung', 'sonstiges'], { notNull: true })},
      amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
      receipt_note TEXT,
      ${d.stamps}
    )${d.strict}`,
    `CREATE INDEX agh_extra_costs_placement ON agh_extra_costs (placement_id, month)`,
    `CREATE TABLE agh_statements (
      ${d.id},
      program_id INTEGER NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
      commune_id INTEGER NOT NULL REFERENCES communes (id),
      month TEXT NOT NULL CHECK (length(month) = 7 AND substr(month, 5, 1) = '-'),
      ${d.oneOf('status', ['entwurf', 'festgestellt', 'ausgezahlt'], { notNull: true, def: 'entwurf' })},
      checked_by TEXT,
      established_on TEXT ${d.isDate('established_on')},
      paid_on TEXT ${d.isDate('paid_on')},
      ${d.stamps},
      UNIQUE (program_id, commune_id, month)
    )${d.strict}`,
  ]);
}
