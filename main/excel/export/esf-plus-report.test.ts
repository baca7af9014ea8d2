import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sheetNames } from './program-end-report.js';
import { tempApp } from '../../test/temp-db.js';
import { createEnrollment } from '../../features/enrollments/enrollments.service.js';
import { createParticipant, updateParticipant } from '../../features/participants/participants.service.js';
import { createProgram, getProgram, updateProgram } from '../../features/programs/programs.service.js';
import { esfPlusIndicators } from '../../features/reports/esf-plus.service.js';
import { exportReport } from '../../features/reports/reports.service.js';

let app: Awaited<ReturnType<typeof tempApp>>;
let programId: number;
beforeEach(async () => {
  app = await tempApp();
  programId = (await createProgram(app.ctx.db, { name: 'ESF Mentoring', startDate: '2025-01-01', hourlyRateCents: 0, esfPlus: true })).id;
});
afterEach(async () => app.dispose());

const q = () => ({ programId, from: '2026-01-01', to: '2026-12-31' });

async function entered(data: Record<string, unknown>, startDate: string, status: 'aktiv' | 'interessiert' = 'aktiv') {
  const p = await createParticipant(app.ctx.db, { consentDate: '2025-01-01', ...data } as Parameters<typeof createParticipant>[1]);
  await createEnrollment(app.ctx.db, { participantId: p.id, programId, status, startDate: status === 'aktiv' ? startDate : null });
  return p;
}

/** The indicators as "group / label" → count (null where Lotse records nothing). */
const byLabel = (xs: Awaited<ReturnType<typeof esfPlusIndicators>>) => Object.fromEntries(xs.map((x) => [`${x.group} / ${x.label}`, x.count]));

describe('ESF Plus indicators', () => {
  it('count the entries of the period by their characteristics at entry, each person once', async () => {
    // 16 at entry, long-term unemployed, ISCED 0–2, Syrian: third-country national with a foreign background
    const amalData = { lastName: 'Haddad', firstName: 'Amal', birthDate: '2010-05-01', gender: 'w', nationality: 'syrisch', employmentStatus: 'langzeitarbeitslos', iscedGroup: 'isced_0_2' } as const;
    const amal = await entered(amalData, '2026-03-01');
    // 56, employed, tertiary, German with a stated migration background
    await entered({ lastName: 'Weber', firstName: 'Jan', birthDate: '1970-02-01', gender: 'm', nationality: 'deutsch', migrationBackground: true, employmentStatus: 'erwerbstaetig', iscedGroup: 'isced_5_8' }, '2026-04-01');
    // 26, at school: inactive; French: EU, foreign background derived from the nationality
    await entered({ lastName: 'Martin', firstName: 'Lou', birthDate: '2000-07-01', gender: 'd', nationality: 'französisch', employmentStatus: 'ausbildung_schule' }, '2026-05-01');
    // entered before the period, only interested, or after it: not counted
    await entered({ lastName: 'Früher', firstName: 'Eva', birthDate: '1990-01-01', gender: 'w', employmentStatus: 'arbeitslos' }, '2025-06-01');
    await entered({ lastName: 'Später', firstName: 'Ida', birthDate: '1990-01-01', gender: 'w', employmentStatus: 'arbeitslos' }, '2027-02-01');
    await entered({ lastName: 'Interessiert', firstName: 'Ali', birthDate: '1990-01-01', gender: 'm' }, '2026-02-01', 'interessiert');

    const x = byLabel(await esfPlusIndicators(app.ctx.db, q()));
    expect(x).toMatchObject({
      'Teilnehmende / Eintritte im Zeitraum (je Person einmal)': 3,
      'Geschlecht / Frauen': 1,
      'Geschlecht / Männer': 1,
      'Geschlecht / Nichtbinär (divers)': 1,
      'Alter bei Eintritt / unter 18 Jahre': 1,
      'Alter bei Eintritt / 18 bis 29 Jahre': 1,
      'Alter bei Eintritt / 55 Jahre und älter': 1,
      'Erwerbsstatus bei Eintritt / Arbeitslose, einschließlich Langzeitarbeitslose': 1,
      'Erwerbsstatus bei Eintritt / Langzeitarbeitslose': 1,
      'Erwerbsstatus bei Eintritt / Nichterwerbstätige': 1,
      'Erwerbsstatus bei Eintritt / Erwerbstätige, einschließlich Selbstständige': 1,
      'Bildungsniveau bei Eintritt / ISCED 0–2': 1,
      'Bildungsniveau bei Eintritt / ISCED 5–8': 1,
      'Bildungsniveau bei Eintritt / keine Angabe': 1,
      'Weitere Merkmale / Drittstaatsangehörige': 1,
      'Weitere Merkmale / Teilnehmende mit ausländischer Herkunft': 3,
      'Weitere Merkmale / Teilnehmende mit Behinderungen': null,
      'Weitere Merkmale / Obdachlose oder von Ausgrenzung auf dem Wohnungsmarkt Betroffene': null,
    });

    // the snapshot decides: a later change of the person does not move the figures
    const changed = await updateParticipant(app.ctx.db, amal.id, { ...amalData, consentDate: '2025-01-01', employmentStatus: 'erwerbstaetig' });
    expect(changed.employmentStatus).toBe('erwerbstaetig');
    expect(byLabel(await esfPlusIndicators(app.ctx.db, q()))['Erwerbsstatus bei Eintritt / Langzeitarbeitslose']).toBe(1);
  });

  it('is a sheet of the report only for a program funded by ESF Plus', async () => {
    await entered({ lastName: 'Haddad', firstName: 'Amal', birthDate: '1990-05-01', gender: 'w', nationality: 'syrisch', employmentStatus: 'arbeitslos' }, '2026-03-01');
    const frame = { programId, kind: 'interim' as const, from: '2026-01-01', to: '2026-12-31' };
    const read = async (name: string) => {
      const file = path.join(app.dir, name);
      await exportReport(app.ctx.reader, frame, file);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      return wb;
    };
    const sheet = (await read('esf.xlsx')).getWorksheet(sheetNames.esfPlus)!;
    expect(sheet).toBeDefined();
    const rows: Array<[string, string, unknown]> = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push([String(row.getCell(1).value), String(row.getCell(2).value), row.getCell(3).value]);
    });
    expect(rows).toContainEqual(['Teilnehmende', 'Eintritte im Zeitraum (je Person einmal)', 1]);
    expect(rows).toContainEqual(['Weitere Merkmale', 'Drittstaatsangehörige', 1]);
    // numbers are numbers, and an indicator Lotse does not record has no number at all (not 0)
    expect(rows).toContainEqual(['Weitere Merkmale', 'Teilnehmende mit Behinderungen', null]);

    const program = await getProgram(app.ctx.db, programId);
    expect(program.esfPlus).toBe(true);
    // a form that does not send the flag leaves it; switched off, the sheet is gone
    await updateProgram(app.ctx.db, programId, { name: program.name, startDate: program.startDate, hourlyRateCents: 0 });
    expect((await getProgram(app.ctx.db, programId)).esfPlus).toBe(true);
    await updateProgram(app.ctx.db, programId, { name: program.name, startDate: program.startDate, hourlyRateCents: 0, esfPlus: false });
    expect((await read('ohne.xlsx')).getWorksheet(sheetNames.esfPlus)).toBeUndefined();
  });
});
