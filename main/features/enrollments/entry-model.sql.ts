import { sql, type Kysely } from 'kysely';
import { residenceTitle } from '../../../shared/rules/residence-titles.js';
import { titleOn } from '../../../shared/rules/title-history.js';
import type { Database } from '../../db/schema.js';
import { titleHistories } from '../participants/title-history.service.js';
import { takeEntrySnapshots } from './entry.sql.js';

type Db = Kysely<Database>;

/**
 * Takes one enrollment's entry snapshot if it has started and has none: the base characteristics (entry.sql.ts),
 * then what issue 14 adds — the title held on the start date (from the person's history, not today's title),
 * its label and group, the nationality code and the characteristics at entry. Never overwrites a snapshot.
 */
export async function takeEntrySnapshot(db: Db, enrollmentId: number): Promise<void> {
  const before = await db.selectFrom('enrollments').select('entry_snapshot_on').where('id', '=', enrollmentId).executeTakeFirst();
  if (!before || before.entry_snapshot_on !== null) return;
  await takeEntrySnapshots(db, enrollmentId);
  const e = await db
    .selectFrom('enrollments')
    .select(['participant_id', 'entry_snapshot_on'])
    .where('id', '=', enrollmentId)
    .executeTakeFirstOrThrow();
  if (e.entry_snapshot_on === null) return;
  const history = (await titleHistories(db, [e.participant_id])).get(e.participant_id) ?? [];
  const title = residenceTitle(titleOn(history, e.entry_snapshot_on)?.titleCode);
  await sql`UPDATE enrollments SET
      (entry_nationality_code, entry_employment_status, entry_isced_group, entry_qualification_recognition,
       entry_migration_background, entry_arrival_in_germany, entry_interpreter_language, entry_childcare_need) =
      (SELECT p.nationality_code, p.employment_status, p.isced_group, p.qualification_recognition,
              p.migration_background, p.arrival_in_germany, p.interpreter_language, p.childcare_need
         FROM participants p WHERE p.id = enrollments.participant_id)
    WHERE id = ${enrollmentId}`.execute(db);
  if (title) {
    await db
      .updateTable('enrollments')
      .set({ entry_title_code: title.code, entry_residence_status: title.label, entry_residence_group: title.group })
      .where('id', '=', enrollmentId)
      .execute();
  }
}
