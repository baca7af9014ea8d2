import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/errors.js';
import type { FileStore } from '../../api/files.js';
import type { Database } from '../../db/schema.js';
import { writeAttendanceListXlsx, type AttendanceListData } from '../../excel/export/attendance-list.js';
import { writeAttendanceListPdf } from '../../pdf/attendance-list.js';
import { audit } from '../audit/audit.service.js';

type Db = Kysely<Database>;
const kindLabels = { seminar: 'Seminar', coaching: 'Einzelcoaching', exkursion: 'Exkursion' } as const;

function fileName(prefix: string, date: string, title: string, format: 'xlsx' | 'pdf'): string {
  const slug = title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 40);
  return `Teilnehmerliste-${prefix}-${date}-${slug}.${format}`;
}

async function write(files: FileStore, data: AttendanceListData, name: string, format: 'xlsx' | 'pdf') {
  const path = files.tempPath(name);
  if (format === 'xlsx') await writeAttendanceListXlsx(data, path);
  else await writeAttendanceListPdf(data, path);
  return { handle: files.register({ path, name, temporary: true }), name };
}

/** Named list of a fair's registered participants (signature column blank for the day). */
export async function fairAttendanceList(db: Db, writer: Db, files: FileStore, fairId: number, format: 'xlsx' | 'pdf') {
  const fair = await db
    .selectFrom('fairs as f')
    .innerJoin('programs as p', 'p.id', 'f.program_id')
    .select(['f.title', 'f.date', 'f.venue', 'p.name'])
    .where('f.id', '=', fairId)
    .executeTakeFirst();
  if (!fair) throw new AppError('not_found', `Firmenkontaktbörse ${fairId} nicht gefunden.`, 'Fair not found.');
  const rows = await db
    .selectFrom('fair_registrations as r')
    .innerJoin('participants as p', 'p.id', 'r.participant_id')
    .select(['p.last_name', 'p.first_name', 'p.birth_date'])
    .where('r.fair_id', '=', fairId)
    .where('p.anonymised_at', 'is', null)
    .orderBy('p.last_name')
    .orderBy('p.first_name')
    .execute();
  const data: AttendanceListData = {
    kindLabel: 'Firmenkontaktbörse',
    title: fair.title,
    date: fair.date,
    place: fair.venue,
    program: fair.name,
    rows: rows.map((r) => ({ lastName: r.last_name ?? '', firstName: r.first_name ?? '', birthDate: r.birth_date })),
  };
  // a named list leaves the database: that is worth a line in the audit trail
  await audit(writer, { action: 'export_named_list', entity: 'fair', entityId: fairId, peopleCount: rows.length, details: format });
  return write(files, data, fileName('Boerse', fair.date, fair.title, format), format);
}

/** Named list of a session's participants (everyone on its list, any status). */
export async function activityAttendanceList(db: Db, writer: Db, files: FileStore, activityId: number, format: 'xlsx' | 'pdf') {
  const a = await db
    .selectFrom('activities as a')
    .innerJoin('programs as p', 'p.id', 'a.program_id')
    .select(['a.kind', 'a.title', 'a.date', 'a.place', 'p.name'])
    .where('a.id', '=', activityId)
    .executeTakeFirst();
  if (!a) throw new AppError('not_found', `Aktivität ${activityId} nicht gefunden.`, 'Activity not found.');
  const rows = await db
    .selectFrom('attendance as t')
    .innerJoin('participants as p', 'p.id', 't.participant_id')
    .select(['p.last_name', 'p.first_name', 'p.birth_date'])
    .where('t.activity_id', '=', activityId)
    .where('p.anonymised_at', 'is', null)
    .orderBy('p.last_name')
    .orderBy('p.first_name')
    .execute();
  const data: AttendanceListData = {
    kindLabel: kindLabels[a.kind],
    title: a.title,
    date: a.date,
    place: a.place,
    program: a.name,
    rows: rows.map((r) => ({ lastName: r.last_name ?? '', firstName: r.first_name ?? '', birthDate: r.birth_date })),
  };
  await audit(writer, { action: 'export_named_list', entity: 'activity', entityId: activityId, peopleCount: rows.length, details: format });
  return write(files, data, fileName(kindLabels[a.kind], a.date, a.title, format), format);
}
