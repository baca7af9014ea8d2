import fs from 'node:fs';
import type { Kysely } from 'kysely';
import { reminderKindLabels, type Reminder } from '../../../shared/domain/reminders.js';
import type { FileStore } from '../../api/files.js';
import { privateFileMode } from '../../db/at-rest.js';
import type { Database } from '../../db/schema.js';
import { PdfWriter } from '../../pdf/pdf.js';
import { recordAccess } from '../audit/audit.service.js';
import { endOfWeek, listReminders, type ReminderWindow } from './reminders.service.js';
import { germanDate, todayIso } from '../../../shared/domain/dates.js';

/** Reminders grouped by person (tasks without a person last), each group in due order. */
export function groupByPerson(list: Reminder[]): Array<{ name: string; items: Reminder[] }> {
  const groups = new Map<string, Reminder[]>();
  for (const r of list) {
    const name = r.participantId === null ? 'Ohne Person' : (r.participantName || `Nr. ${r.participantId}`);
    const key = r.participantId === null ? '\uffff' : `${name}\u0000${r.participantId}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'de'))
    .map(([, items]) => ({ name: items[0]!.participantId === null ? 'Ohne Person' : (items[0]!.participantName || `Nr. ${items[0]!.participantId}`), items }));
}

/** The printable week: overdue and due up to Sunday, by person. A named list, so it is recorded in the access log. */
export async function writeWeekOverview(list: Reminder[], today: string, until: string): Promise<Uint8Array> {
  const pdf = await PdfWriter.create({ title: `Wochenübersicht ${germanDate(today)}` }, 48);
  pdf.text(`Wochenübersicht: überfällig und fällig bis ${germanDate(until)}`, { size: 16, bold: true });
  pdf.text(`Stand ${germanDate(today)} · ${list.length} Einträge, davon ${list.filter((r) => r.overdue).length} überfällig`, { size: 10, gray: true });
  pdf.space(8);
  if (list.length === 0) pdf.text('Nichts fällig.');
  for (const group of groupByPerson(list)) {
    pdf.space(6);
    pdf.text(group.name, { bold: true });
    for (const r of group.items) {
      pdf.field(`${germanDate(r.due)}${r.overdue ? ' (überfällig)' : ''}`, `${reminderKindLabels[r.kind]}: ${r.title}`, 150, { size: 10 });
    }
  }
  return pdf.save();
}

export async function weekOverviewPdf(db: Kysely<Database>, files: FileStore, window: ReminderWindow): Promise<{ handle: string; name: string }> {
  const today = window.today ?? todayIso();
  const until = window.until ?? endOfWeek(today);
  const list = await listReminders(db, { today, until });
  const name = `Wochenuebersicht-${today}.pdf`;
  const target = files.tempPath(name);
  fs.writeFileSync(target, await writeWeekOverview(list, today, until), { mode: privateFileMode });
  const people = new Set(list.map((r) => r.participantId).filter((id) => id !== null)).size;
  await recordAccess(db, { action: 'export', what: `Wochenübersicht (Heute) als PDF, ${list.length} Einträge`, peopleCount: people });
  return { handle: files.register({ path: target, name, temporary: true }), name };
}
