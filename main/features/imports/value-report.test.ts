import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempApp } from '../../test/temp-db.js';
import { listParticipants } from '../participants/participants.service.js';
import { openValues } from '../participants/open-values.service.js';
import { commitImport, previewImport } from './imports.service.js';

let app: Awaited<ReturnType<typeof tempApp>>;
beforeEach(async () => {
  app = await tempApp();
  await app.ctx.db.insertInto('communes').values({ name: 'Döbeln', district: 'Mittelsachsen' }).execute();
});
afterEach(async () => app.dispose());

/** A list as senders write them: every spelling of issue 14, and values that name nothing. */
const rows = [
  ['Nachname', 'Vorname', 'Geburtsdatum', 'Staatsangehörigkeit', 'Wohnort', 'Aufenthaltsstatus'],
  ['Ahmadi', 'Farid', '01.02.1990', 'afghanisch', 'Döbeln', 'Gestattung'],
  ['Haddad', 'Rana', '03.04.1991', 'SYR', 'Döbeln', 'AE § 25 Abs. 2'],
  ['Kovalenko', 'Olena', '05.06.1992', 'Ukraine', 'Hainichen', 'Temporary protection (Ukraine)'],
  ['Tesfay', 'Selam', '07.08.1993', 'eritreisch', 'Roßwein', 'Duldung; Ausbildungsduldung beantragt'],
  ['Yilmaz', 'Deniz', '09.10.1994', 'kurdisch', 'Döbeln', 'NE'],
  ['Noor', 'Amina', '11.12.1995', 'Syria', 'Döbeln', 'Residence permit § 25(2) AufenthG'],
  ['Bakr', 'Omar', '13.01.1996', 'syrisch', 'Döbeln', 'Fiktion'],
  ['Said', 'Hana', '15.02.1997', 'staatenlos', 'Döbeln', 'Asylum seeker (Aufenthaltsgestattung)'],
  ['Rahimi', 'Zahra', '17.03.1998', 'Afghanistan', 'Döbeln', 'Visum'],
];

describe('import value mapping', () => {
  it('shows every value of the catalogue columns as recognised or unknown, and the import keeps the unknown ones', async () => {
    const file = path.join(app.dir, 'varianten.csv');
    fs.writeFileSync(file, rows.map((r) => r.map((c) => `"${c}"`).join(';')).join('\r\n'), 'utf8');
    const preview = await previewImport(app.ctx.reader, file, 'varianten.csv', { today: '2026-11-24' });
    expect(preview.counts.imported).toBe(9);
    const byField = Object.fromEntries(preview.values.map((v) => [v.field, v]));

    const status = byField['residenceStatus']!;
    expect(Object.fromEntries(status.recognised.map((r) => [r.value, r.mappedTo]))).toEqual({
      Gestattung: 'gestattung',
      'AE § 25 Abs. 2': 'ae_25_2',
      'Temporary protection (Ukraine)': 'ae_24',
      'Duldung; Ausbildungsduldung beantragt': 'duldung',
      NE: 'ne',
      'Residence permit § 25(2) AufenthG': 'ae_25_2',
      Fiktion: 'fiktion',
      'Asylum seeker (Aufenthaltsgestattung)': 'gestattung',
    });
    expect(status.unknown).toEqual([{ value: 'Visum', count: 1, rows: [10], remembered: null }]);

    const nationality = byField['nationality']!;
    expect(nationality.recognised.map((r) => `${r.value}→${r.mappedTo}`).sort()).toEqual(
      ['afghanisch→AF', 'Afghanistan→AF', 'SYR→SY', 'Syria→SY', 'syrisch→SY', 'Ukraine→UA', 'eritreisch→ER', 'staatenlos→XS'].sort(),
    );
    expect(nationality.unknown).toEqual([{ value: 'kurdisch', count: 1, rows: [6], remembered: null }]);

    const commune = byField['commune']!;
    expect(commune.recognised).toMatchObject([{ value: 'Döbeln', label: 'Döbeln', count: 7 }]);
    expect(commune.unknown.map((u) => u.value).sort()).toEqual(['Hainichen', 'Roßwein']);

    // every value of the file is either recognised or shown as unknown
    for (const field of ['residenceStatus', 'nationality', 'commune'] as const) {
      const shown = byField[field]!.recognised.reduce((n, r) => n + r.count, 0) + byField[field]!.unknown.reduce((n, r) => n + r.count, 0);
      expect(shown, field).toBe(9);
    }

    await commitImport(app.ctx.open, file, 'varianten.csv', { today: '2026-11-24' });
    const list = await listParticipants(app.ctx.db, { limit: 50 });
    expect(list.rows.find((r) => r.lastName === 'Haddad')).toMatchObject({ residenceGroup: 'schutz', nationalityCode: 'SY', nationality: 'Syrien' });
    expect(list.rows.find((r) => r.lastName === 'Rahimi')).toMatchObject({ residenceStatus: 'Visum', residenceGroup: null, nationalityCode: 'AF' });
    const open = await openValues(app.ctx.db);
    expect(open.map((o) => [o.field, o.value])).toEqual([
      ['residenceStatus', 'Visum'],
      ['nationality', 'kurdisch'],
      ['commune', 'Hainichen'],
      ['commune', 'Roßwein'],
    ]);
  });
});
