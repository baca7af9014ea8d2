import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nationalityOptions, parseNationality } from '../../../shared/rules/countries.js';
import { parseResidenceTitle } from '../../../shared/rules/residence-title-parser.js';
import { residenceTitles } from '../../../shared/rules/residence-titles.js';
import { tempApp } from '../../test/temp-db.js';
import { openValues } from '../participants/open-values.service.js';
import { getParticipant, listParticipants } from '../participants/participants.service.js';
import { commitImport, listBatches, previewImport } from './imports.service.js';

let app: Awaited<ReturnType<typeof tempApp>>;
beforeEach(async () => {
  app = await tempApp();
  await app.ctx.db.insertInto('communes').values({ name: 'Döbeln', district: 'Mittelsachsen' }).execute();
});
afterEach(async () => app.dispose());

const header = ['Nachname', 'Vorname', 'Geburtsdatum', 'Staatsangehörigkeit', 'Wohnort', 'Aufenthaltsstatus'];

function csv(name: string, rows: string[][]): string {
  const file = path.join(app.dir, name);
  fs.writeFileSync(file, [header, ...rows].map((r) => r.map((c) => `"${c}"`).join(';')).join('\r\n'), 'utf8');
  return file;
}

const first = [
  ['Ahmadi', 'Farid', '01.02.1990', 'syrisch', 'Hainichen', 'Gestattung'],
  ['Haddad', 'Rana', '03.04.1991', 'kurdisch', 'Döbeln', 'Visum'],
  ['Tesfay', 'Selam', '07.08.1993', 'eritreisch', 'Roßwein', 'Visum'],
  ['Yilmaz', 'Deniz', '09.10.1994', 'kurdisch', 'Döbeln', 'Schutzstatus unklar'],
];

const person = async (lastName: string) => (await listParticipants(app.ctx.db, { limit: 50 })).rows.find((r) => r.lastName === lastName);

describe('import value decisions', () => {
  it('the catalogue texts an import stores for a decision map back to the chosen codes', () => {
    for (const t of residenceTitles) expect(parseResidenceTitle(t.label), t.code).toBe(t.code);
    for (const n of nationalityOptions()) expect(parseNationality(n.name)?.code, n.code).toBe(n.code);
  });

  it('applies the chosen mapping at commit, creates a chosen commune once, and warns of what stays unknown', async () => {
    const file = csv('erste.csv', first);
    const result = await commitImport(
      app.ctx.open,
      file,
      'erste.csv',
      {
        today: '2026-11-24',
        sender: 'Jobcenter Mittelsachsen',
        values: [
          { field: 'residenceStatus', value: 'Visum', mapTo: 'ae_erwerb' },
          { field: 'nationality', value: 'kurdisch', mapTo: 'XX' },
          { field: 'commune', value: 'Hainichen', mapTo: null, newCommune: { name: 'Hainichen', district: 'Mittelsachsen' } },
        ],
      },
      { backup: false },
    );
    expect(result.imported).toBe(4);
    expect(await person('Ahmadi')).toMatchObject({ nationalityCode: 'SY', residenceGroup: 'asyl', communeName: 'Hainichen' });
    expect(await person('Haddad')).toMatchObject({ nationalityCode: 'XX', residenceStatus: 'Aufenthaltserlaubnis zur Erwerbstätigkeit (§§ 18a–21 AufenthG)' });
    const communes = await app.ctx.db.selectFrom('communes').select(['name', 'district']).where('name', '=', 'Hainichen').execute();
    expect(communes).toEqual([{ name: 'Hainichen', district: 'Mittelsachsen' }]);

    // Roßwein and "Schutzstatus unklar" were not decided: stored as text, a warning per row, listed to decide
    expect(result.unknownValues.map((u) => [u.field, u.value, u.count, u.rows])).toEqual([
      ['residenceStatus', 'Schutzstatus unklar', 1, [5]],
      ['commune', 'Roßwein', 1, [4]],
    ]);
    expect(result.warnings.filter((w) => w.reason === 'unknown_value').map((w) => [w.row, w.field])).toEqual([
      [4, 'commune'],
      [5, 'residenceStatus'],
    ]);
    expect(result.warnings.find((w) => w.row === 4)?.message).toContain('„Roßwein“');
    const tesfay = await person('Tesfay');
    expect(tesfay).toMatchObject({ communeName: null });
    // the person's form gets the town as written, to decide
    expect(await getParticipant(app.ctx.db, tesfay!.id)).toMatchObject({ communeId: null, communeText: 'Roßwein' });
    expect((await getParticipant(app.ctx.db, (await person('Ahmadi'))!.id)).communeText).toBeNull();
    const open = await openValues(app.ctx.db);
    expect(open.map((o) => [o.field, o.value])).toEqual([
      ['residenceStatus', 'Schutzstatus unklar'],
      ['commune', 'Roßwein'],
    ]);
  });

  it('remembers the decisions per sender: the next preview shows them and the next commit applies them', async () => {
    const sender = 'Jobcenter Mittelsachsen';
    await commitImport(
      app.ctx.open,
      csv('erste.csv', first),
      'erste.csv',
      {
        today: '2026-11-24',
        sender,
        values: [
          { field: 'residenceStatus', value: 'Visum', mapTo: 'ae_erwerb' },
          { field: 'nationality', value: 'kurdisch', mapTo: '' },
          { field: 'commune', value: 'Roßwein', mapTo: null, newCommune: { name: 'Roßwein', district: 'Mittelsachsen' } },
        ],
      },
      { backup: false },
    );
    const second = csv('zweite.csv', [
      ['Noor', 'Amina', '11.12.1995', 'KURDISCH', 'Roßwein', 'VISUM'],
      ['Said', 'Hana', '15.02.1997', 'staatenlos', 'Döbeln', 'Gestattung'],
    ]);
    const preview = await previewImport(app.ctx.reader, second, 'zweite.csv', { today: '2026-11-24', sender });
    const unknown = Object.fromEntries(preview.values.map((v) => [v.field, v.unknown]));
    expect(unknown['residenceStatus']).toEqual([
      { value: 'VISUM', count: 1, rows: [2], remembered: { mapTo: 'ae_erwerb', label: 'Aufenthaltserlaubnis zur Erwerbstätigkeit (§§ 18a–21 AufenthG)' } },
    ]);
    expect(unknown['nationality']).toEqual([{ value: 'KURDISCH', count: 1, rows: [2], remembered: { mapTo: '', label: '' } }]);
    // the created commune is a commune now: recognised, no decision needed
    expect(unknown['commune']).toEqual([]);
    // another sender has no remembered decisions
    const other = await previewImport(app.ctx.reader, second, 'zweite.csv', { today: '2026-11-24', sender: 'Landratsamt' });
    expect(other.values.find((v) => v.field === 'residenceStatus')?.unknown[0]?.remembered).toBeNull();

    const result = await commitImport(app.ctx.open, second, 'zweite.csv', { today: '2026-11-24', sender }, { backup: false });
    expect(result.unknownValues).toEqual([]);
    expect(await person('Noor')).toMatchObject({ residenceGroup: 'ae_sonstige', nationality: null, communeName: 'Roßwein' });
  });

  it('a remembered decision never overrides what the catalogue recognises, and "leave open" forgets it', async () => {
    const sender = 'Ausländerbehörde';
    // a decision for a value the catalogue knows (sent by hand): the catalogue's match wins
    await commitImport(
      app.ctx.open,
      csv('a.csv', [['Ahmadi', 'Farid', '01.02.1990', 'syrisch', 'Döbeln', 'Gestattung']]),
      'a.csv',
      { today: '2026-11-24', sender, values: [{ field: 'residenceStatus', value: 'Gestattung', mapTo: 'duldung' }, { field: 'residenceStatus', value: 'Visum', mapTo: 'ae_erwerb' }] },
      { backup: false },
    );
    expect(await person('Ahmadi')).toMatchObject({ residenceGroup: 'asyl' });
    await commitImport(
      app.ctx.open,
      csv('b.csv', [['Haddad', 'Rana', '03.04.1991', 'syrisch', 'Döbeln', 'Visum']]),
      'b.csv',
      { today: '2026-11-24', sender, values: [{ field: 'residenceStatus', value: 'Visum', mapTo: null }] },
      { backup: false },
    );
    expect(await person('Haddad')).toMatchObject({ residenceStatus: 'Visum', residenceGroup: null });
    const preview = await previewImport(app.ctx.reader, csv('c.csv', [['Noor', 'Amina', '11.12.1995', 'syrisch', 'Döbeln', 'Visum']]), 'c.csv', { sender });
    expect(preview.values.find((v) => v.field === 'residenceStatus')?.unknown[0]?.remembered).toBeNull();
  });

  it('refuses a choice that names nothing before anything is written', async () => {
    const file = csv('erste.csv', first);
    await expect(
      commitImport(app.ctx.open, file, 'erste.csv', { values: [{ field: 'nationality', value: 'kurdisch', mapTo: 'ZZ' }] }, { backup: false }),
    ).rejects.toMatchObject({ code: 'validation' });
    await expect(
      commitImport(app.ctx.open, file, 'erste.csv', { values: [{ field: 'commune', value: 'Hainichen', mapTo: '99999' }] }, { backup: false }),
    ).rejects.toMatchObject({ code: 'validation' });
    expect(await listBatches(app.ctx.db)).toEqual([]);
    expect((await listParticipants(app.ctx.db, { limit: 5 })).rows).toEqual([]);
  });
});
