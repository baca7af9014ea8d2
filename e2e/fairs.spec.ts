import fs from 'node:fs';
import sqlite3 from 'sqlite3';
import { nameKey, searchText } from '../shared/rules/names.js';
import { api } from './api.js';
import { expect, test, type LotseServer } from './fixtures.js';
import { FairsPage } from './pages/fairs.page.js';

// each test starts its own server (the demo one seeds first); on a busy machine that alone takes a while
test.describe.configure({ timeout: 180_000 });

const people = [
  ['Haddad', 'Samir'], ['Tesfaye', 'Dawit'], ['Karimi', 'Omid'], ['Rahimi', 'Leyla'], ['Osman', 'Yonas'],
  ['Yilmaz', 'Elif'], ['Ahmadi', 'Hamid'], ['Mohammadi', 'Zahra'], ['Hussein', 'Mustafa'], ['Abdi', 'Hanan'],
  ['Nasser', 'Karim'], ['Sultani', 'Mariam'], ['Bakr', 'Bilal'], ['Ibrahim', 'Noor'], ['Haile', 'Selam'],
  ['Mahmoud', 'Tarek'], ['Jafari', 'Shirin'], ['Darwish', 'Khaled'], ['Kebede', 'Dina'], ['Öztürk', 'Nabil'],
] as const;

/** Participants straight into the server's database (WAL lets the running server see them at once). */
async function seedPeople(server: LotseServer): Promise<void> {
  const db = new sqlite3.Database(server.dbPath);
  const run = (sql: string, params: unknown[]) =>
    new Promise<void>((resolve, reject) => db.run(sql, params, (err) => (err ? reject(err) : resolve())));
  for (const [i, [last, first]] of people.entries()) {
    const birth = `19${80 + i}-0${(i % 9) + 1}-1${i % 10}`;
    await run('INSERT INTO participants (last_name, first_name, birth_date, name_key, search_text) VALUES (?, ?, ?, ?, ?)', [
      last, first, birth, nameKey(last, first, birth), searchText(last, first, null),
    ]);
  }
  await new Promise<void>((resolve) => db.close(() => resolve()));
}

test('a fair: 3 companies, 20 registered, 15 checked in by keyboard, 5 contacts, the figures', async ({ page, lotse }) => {
  await api(lotse, 'programs.create', { name: 'Arbeitsmarktmentoren Dresden', startDate: '2020-01-01', hourlyRateCents: 0 });
  for (const name of ['Elbtal Bau GmbH', 'Pflegedienst Sonnenschein', 'Hotel Elbblick']) {
    await api(lotse, 'organisations.create', { kind: 'company', name, city: 'Dresden' });
  }
  await api(lotse, 'organisations.create', { kind: 'company', name: 'Fernbleib AG', city: 'Dresden' });
  await seedPeople(lotse);

  const fairs = new FairsPage(page);
  await fairs.open(lotse.openUrl);
  await fairs.create({ title: '11. Firmenkontaktbörse', date: '2026-11-25', venue: 'Kulturrathaus Dresden' });

  await fairs.tab(/^Unternehmen/);
  await fairs.addCompany('Elbtal Bau GmbH', ['Ausbildung', 'Fachkraft']);
  await fairs.addCompany('Pflegedienst Sonnenschein', ['Praktikum']);
  await fairs.addCompany('Hotel Elbblick', ['Helfertätigkeit']);
  await expect(fairs.tabs().getByRole('tab', { name: 'Unternehmen (3)' })).toBeVisible();

  await fairs.tab(/^Check-in/);
  for (const [last, first] of people) await fairs.typeAndEnter('register-search', `${last}, ${first}`, /ist angemeldet/);
  await expect(fairs.tabs().getByRole('tab', { name: 'Check-in (0 / 20)' })).toBeVisible();

  // at the door: first letters of the last name are enough for the first match; Enter checks in
  for (const [last, first] of people.slice(0, 15)) await fairs.typeAndEnter('checkin-search', `${last}, ${first}`, /ist eingecheckt/);
  await expect(fairs.tabs().getByRole('tab', { name: 'Check-in (15 / 20)' })).toBeVisible();
  await expect(page.getByTestId('checkin-status')).toContainText('als Besucher/-in ohne Teilnahme');

  // umlaut-insensitive search; someone not registered is offered registration rather than refused silently
  await seedNotRegistered(lotse);
  const door = page.getByTestId('checkin-search').getByRole('combobox');
  await door.fill('Mueller');
  await expect(page.getByTestId('checkin-search').getByRole('option').first()).toContainText('nicht angemeldet');
  await door.press('Enter');
  await expect(page.getByText('Müller, Amira ist für diese Börse nicht angemeldet. Jetzt anmelden und einchecken?')).toBeVisible();
  await page.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(fairs.tabs().getByRole('tab', { name: 'Check-in (15 / 20)' })).toBeVisible();

  await fairs.tab(/^Kontakte/);
  const contacts: [string, string, string][] = [
    ['Haddad, Samir', 'Elbtal Bau GmbH', 'Einladung zum Vorstellungsgespräch'],
    ['Tesfaye, Dawit', 'Elbtal Bau GmbH', 'Gespräch'],
    ['Karimi, Omid', 'Hotel Elbblick', 'Probetag'],
    ['Rahimi, Leyla', 'Pflegedienst Sonnenschein', 'Praktikum'],
    ['Haddad, Samir', 'Pflegedienst Sonnenschein', 'Gespräch'],
  ];
  for (const [i, [person, company, result]] of contacts.entries()) {
    await fairs.recordContact(person, company, result);
    await expect(page.getByTestId('contact-row')).toHaveCount(i + 1);
  }
  // Fernbleib AG is not at this fair: it is not even offered
  await expect(page.getByLabel('Unternehmen', { exact: true }).locator('option', { hasText: 'Fernbleib' })).toHaveCount(0);

  await fairs.tab('Kennzahlen');
  await expect(fairs.figure('registered')).toContainText('20');
  await expect(fairs.figure('present')).toContainText('15');
  // nobody here is enrolled in the program: all fifteen are visitors, counted apart from participants
  await expect(fairs.figure('presentVisitors')).toContainText('15');
  await expect(fairs.figure('companies')).toContainText('3');
  await expect(fairs.figure('contacts')).toContainText('5');
  await expect(page.getByTestId('result-gespraech')).toContainText('2');
  await expect(page.getByTestId('result-einladung')).toContainText('1');
  await expect(page.getByTestId('result-probetag')).toContainText('1');

  // and it stays after a reload, in the list of fairs too
  await fairs.open(lotse.openUrl);
  const row = page.getByRole('row').filter({ hasText: '11. Firmenkontaktbörse' });
  await expect(row.getByRole('cell')).toHaveText(['25.11.2026', '11. Firmenkontaktbörse', 'Kulturrathaus Dresden', '3', '20', '15', '5']);
});

async function seedNotRegistered(server: LotseServer) {
  const db = new sqlite3.Database(server.dbPath);
  await new Promise<void>((resolve, reject) =>
    db.run('INSERT INTO participants (last_name, first_name, birth_date, name_key, search_text) VALUES (?, ?, ?, ?, ?)', [
      'Müller', 'Amira', '1996-05-05', nameKey('Müller', 'Amira', '1996-05-05'), searchText('Müller', 'Amira', null),
    ], (err) => (err ? reject(err) : resolve())),
  );
  await new Promise<void>((resolve) => db.close(() => resolve()));
}

test('the demo data holds the ten fairs 2016–2019 with their figures, and a seminar takes attendance by keyboard', async ({ page, demo }) => {
  await page.goto(`${demo.openUrl}#/boersen`);
  const rows = page.getByRole('row').filter({ hasText: 'Firmenkontaktbörse „Unternehmen trifft Bewerber/-in“' });
  await expect(rows).toHaveCount(10);
  await expect(rows.first()).toContainText('13.11.2019');
  await expect(rows.last()).toContainText('09.11.2016');
  await rows.first().getByRole('link').click();
  await fairs(page).tab('Kennzahlen');
  await expect(page.getByTestId('figure-contacts')).not.toContainText(/^0/);
  // the named signature list comes down as a real PDF and a real workbook
  for (const [button, ext, magic] of [['Teilnehmerliste (PDF)', 'pdf', '%PDF-'], ['Teilnehmerliste (Excel)', 'xlsx', 'PK']] as const) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: button }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(new RegExp(`^Teilnehmerliste-Boerse-2019-11-13-.*\\.${ext}$`));
    const bytes = fs.readFileSync((await file.path())!);
    expect(bytes.subarray(0, magic.length).toString()).toBe(magic);
  }

  await page.goto(`${demo.openUrl}#/organisationen`);
  await page.getByRole('tab', { name: 'Kooperationspartner' }).click();
  for (const p of ['Jobcenter Dresden', 'Agentur für Arbeit Dresden', 'Ausländerbehörde Dresden', 'IHK Dresden', 'Handwerkskammer Dresden']) {
    await expect(page.getByRole('row').filter({ hasText: p })).toBeVisible();
  }

  // a new seminar: add three people by name, tick two present with Space, one excused with E, save in one go
  await page.goto(`${demo.openUrl}#/aktivitaeten`);
  await page.getByRole('button', { name: 'Neue Aktivität' }).click();
  const dialog = page.getByRole('dialog', { name: 'Aktivität anlegen' });
  // attendance needs an enrollment in the activity's program on its day: the three are mentoring participants
  await dialog.getByRole('combobox', { name: /^Programm/ }).selectOption({ label: 'Arbeitsmarktmentoren Dresden' });
  await dialog.getByLabel('Titel').fill('Bewerbungstraining Dezember');
  await dialog.getByLabel('Datum').fill('2026-12-01');
  await dialog.getByLabel('Dauer (Minuten)').fill('120');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await page.getByRole('heading', { name: 'Seminar: Bewerbungstraining Dezember' }).waitFor();
  const add = page.getByTestId('attendance-add').getByRole('combobox');
  for (const name of ['Haddad, Samir', 'Tesfaye, Samir', 'Karimi, Samir']) {
    await add.fill(name);
    await expect(page.getByTestId('attendance-add').getByRole('option').first()).toContainText(name);
    await add.press('Enter');
    await expect(page.getByTestId('attendance-row').filter({ hasText: name })).toBeVisible();
  }
  await expect(page.getByTestId('attendance-row')).toHaveCount(3);
  await page.getByTestId('attendance-row').first().focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('e');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Gespeichert: 2 von 3 anwesend').first()).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('attendance-count')).toHaveText('2 von 3 anwesend');
  // saved rows come back alphabetically: Haddad, Karimi, Tesfaye
  await expect(page.getByTestId('attendance-row').filter({ hasText: 'Karimi' })).toContainText('entschuldigt');
  await expect(page.getByTestId('attendance-row').filter({ hasText: 'Tesfaye' })).toContainText('anwesend');
});

function fairs(page: import('@playwright/test').Page) {
  return new FairsPage(page);
}

test('companies and partners: create, find by umlaut-free search, open the history', async ({ page, lotse }) => {
  await page.goto(`${lotse.openUrl}#/organisationen`);
  await page.getByRole('heading', { name: 'Unternehmen & Partner' }).waitFor();
  await page.getByRole('button', { name: 'Neues Unternehmen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Unternehmen anlegen' });
  await dialog.getByLabel('Name').fill('Bäckerei Körner');
  await dialog.getByLabel('Branche').fill('Lebensmittelhandwerk');
  await dialog.getByLabel('Ansprechperson').fill('Frau Lehmann');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await page.getByRole('heading', { name: 'Bäckerei Körner' }).waitFor();
  await expect(page.getByText('Unternehmen · Lebensmittelhandwerk · Dresden · Frau Lehmann')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Firmenkontaktbörsen (0)' })).toBeVisible();

  await page.getByRole('link', { name: 'Zurück zu Unternehmen & Partner' }).click();
  await page.getByRole('tab', { name: 'Kooperationspartner' }).click();
  await page.getByRole('button', { name: 'Neuer Partner' }).click();
  const partner = page.getByRole('dialog', { name: 'Partner anlegen' });
  await partner.getByLabel('Name').fill('Jobcenter Dresden');
  await partner.getByLabel('Art des Partners').fill('Jobcenter');
  await partner.getByRole('button', { name: 'Speichern' }).click();
  await page.getByRole('heading', { name: 'Jobcenter Dresden' }).waitFor();

  await page.getByRole('link', { name: 'Zurück zu Unternehmen & Partner' }).click();
  await page.getByRole('searchbox').fill('baeckerei');
  await expect(page.getByRole('row').filter({ hasText: 'Bäckerei Körner' })).toBeVisible();
  await page.getByRole('searchbox').fill('xyz');
  await expect(page.getByText('Keine Einträge gefunden.')).toBeVisible();
});
