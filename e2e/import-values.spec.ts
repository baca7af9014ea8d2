import { api, idByName } from './api.js';
import { expect, test } from './fixtures.js';
import { ImportsPage } from './pages/imports.page.js';
import { fieldLabel } from './pages/participants.page.js';

test.describe.configure({ timeout: 120_000 });

const header = 'Nachname;Vorname;Geburtsdatum;Staatsangehörigkeit;Wohnort;Aufenthaltsstatus\r\n';
const list = (rows: string[]) => Buffer.from(`\ufeff${header}${rows.join('\r\n')}\r\n`);

const first = list([
  'Haddad;Rana;03.04.1991;syrisch;Hainichen;AE § 25 Abs. 2',
  'Ahmadi;Farid;01.02.1990;afghanisch;Hainichen;Gestattung',
  'Yilmaz;Deniz;09.10.1994;kurdisch;Hainichen;Visum zur Arbeitssuche',
]);
const second = list(['Noor;Amina;11.12.1995;kurdisch;Hainichen;Visum zur Arbeitssuche']);

const erwerb = 'Aufenthaltserlaubnis zur Erwerbstätigkeit (§§ 18a–21 AufenthG)';

interface Person {
  id: number;
  lastName: string;
  residenceTitleCode: string | null;
  nationalityCode: string | null;
  communeId: number | null;
}

async function personNamed(server: Parameters<typeof api>[0], lastName: string): Promise<Person> {
  const page = await api<{ rows: Person[] }>(server, 'participants.list', { search: lastName, limit: 5 });
  const hit = page.rows.find((r) => r.lastName === lastName);
  if (!hit) throw new Error(`${lastName} not imported`);
  return api<Person>(server, 'participants.get', { id: hit.id });
}

test('unknown values are decided in the preview, land on the person, and the sender’s decisions are remembered', async ({ page, lotse }) => {
  const imports = new ImportsPage(page);
  await imports.open(lotse.openUrl);
  await imports.drop('jobcenter.csv', first);
  await expect(imports.count('new')).toHaveText('3');
  await imports.setSender('Jobcenter Mittelsachsen');

  // what the catalogues know is shown as recognised; the rest waits for a decision
  await expect(imports.recognised('residenceStatus')).toContainText('AE § 25 Abs. 2 → Aufenthaltserlaubnis § 25 Abs. 2 AufenthG');
  await expect(imports.recognised('residenceStatus')).toContainText('Gestattung → Aufenthaltsgestattung');
  await expect(imports.recognised('nationality')).toContainText('syrisch → Syrien');
  await expect(imports.unknownValues()).toHaveCount(3);
  await expect(imports.unknownValue('Hainichen')).toContainText('3 Zeilen');

  await imports.chooseFor('Visum zur Arbeitssuche', erwerb);
  await imports.chooseFor('kurdisch', 'ungeklärt');
  await imports.chooseFor('Hainichen', 'Neue Kommune anlegen …');
  // a new commune needs its name: emptied, the import waits and says why
  await imports.unknownValue('Hainichen').getByLabel('Name der Kommune').fill('');
  await page.getByRole('button', { name: '3 Personen importieren' }).click();
  await expect(page.getByText('Bitte einen Namen angeben')).toBeVisible();
  await expect(page.getByTestId('batch-row')).toHaveCount(0);
  await imports.unknownValue('Hainichen').getByLabel('Name der Kommune').fill('Hainichen');
  await imports.unknownValue('Hainichen').getByLabel('Landkreis').fill('Mittelsachsen');
  await page.getByRole('button', { name: '3 Personen importieren' }).click();
  await expect(page.getByTestId('import-result')).toContainText('3 neu, 0 bereits vorhanden');
  await expect(page.getByTestId('unknown-after-import')).toHaveCount(0);

  const hainichen = await idByName(lotse, 'communes.list', 'Hainichen');
  expect(await personNamed(lotse, 'Haddad')).toMatchObject({ residenceTitleCode: 'ae_25_2', nationalityCode: 'SY', communeId: hainichen });
  expect(await personNamed(lotse, 'Yilmaz')).toMatchObject({ residenceTitleCode: 'ae_erwerb', nationalityCode: 'XX', communeId: hainichen });

  // the person's form shows the title, the nationality and the Wohnort as mapped
  const haddad = await personNamed(lotse, 'Haddad');
  await page.goto(`${lotse.openUrl}#/teilnehmende/${haddad.id}`);
  await expect(page.getByRole('heading', { name: 'Haddad, Rana' })).toBeVisible();
  await expect(page.getByLabel('Aufenthaltstitel', { exact: true })).toHaveValue('ae_25_2');
  await expect(page.getByLabel(fieldLabel('Staatsangehörigkeit'))).toHaveValue('Syrien');
  await expect(page.getByLabel(fieldLabel('Wohnort (Kommune)'))).toHaveValue(String(hainichen));
  // and the person saves as imported: nothing left that the form refuses
  await page.getByLabel(fieldLabel('Telefon')).fill('03431 4711');
  await page.getByRole('button', { name: 'Speichern', exact: true }).click();
  await expect(page.locator('.fui-ToastTitle', { hasText: 'Stammdaten gespeichert' })).toBeVisible();
  expect(await personNamed(lotse, 'Haddad')).toMatchObject({ residenceTitleCode: 'ae_25_2', nationalityCode: 'SY', communeId: hainichen });

  // the next list of the same sender: the decisions come preselected and are applied
  await imports.open(lotse.openUrl);
  await imports.drop('jobcenter-2.csv', second);
  await expect(imports.count('new')).toHaveText('1');
  // a new file may come from someone else: the sender field starts empty again
  await expect(imports.senderField()).toHaveValue('');
  await imports.setSender('Jobcenter Mittelsachsen');
  await expect(imports.unknownValue('Visum zur Arbeitssuche')).toContainText('Zuordnung dieses Absenders vom letzten Import');
  await expect(imports.choiceFor('Visum zur Arbeitssuche')).toHaveValue('ae_erwerb');
  await expect(imports.choiceFor('kurdisch')).toHaveValue('XX');
  // the created commune is known now: recognised, nothing to decide
  await expect(imports.recognised('commune')).toContainText('Hainichen (1)');
  await expect(imports.unknownValue('Hainichen')).toHaveCount(0);
  await page.getByRole('button', { name: '1 Person importieren' }).click();
  await expect(page.getByTestId('import-result')).toContainText('1 neu');
  expect(await personNamed(lotse, 'Noor')).toMatchObject({ residenceTitleCode: 'ae_erwerb', nationalityCode: 'XX', communeId: hainichen });
});

test('a value left open is imported as text, named in the result with its rows, and listed to decide', async ({ page, lotse }) => {
  const imports = new ImportsPage(page);
  await imports.open(lotse.openUrl);
  await imports.drop('liste.csv', first);
  await expect(imports.unknownValues()).toHaveCount(3);
  await page.getByRole('button', { name: '3 Personen importieren' }).click();
  const open = page.getByTestId('unknown-after-import');
  await expect(open).toContainText('Aufenthaltsstatus „Visum zur Arbeitssuche“: 1 Zeile (Zeile 4)');
  await expect(open).toContainText('Wohnort / Kommune „Hainichen“: 3 Zeilen (Zeilen 2, 3, 4)');
  expect(await personNamed(lotse, 'Yilmaz')).toMatchObject({ residenceTitleCode: null, communeId: null });

  await page.goto(`${lotse.openUrl}#/teilnehmende`);
  const bar = page.getByTestId('open-values');
  await expect(bar).toContainText('Aufenthaltsstatus: „Visum zur Arbeitssuche“ (1)');
  await expect(bar).toContainText('Wohnort (keine Kommune): „Hainichen“ (3)');
  // the person opened from there says which town is to be decided
  await bar.getByRole('button', { name: /Hainichen/ }).click();
  await expect(page.getByText('„Hainichen“ (aus einem Import) ist keine Kommune in Lotse')).toBeVisible();
});

test('the first click on importieren imports, with the sender just typed and its remembered decisions', async ({ page, lotse }) => {
  const imports = new ImportsPage(page);
  await imports.open(lotse.openUrl);
  await imports.drop('jobcenter.csv', first);
  await imports.setSender('Jobcenter Mittelsachsen');
  await imports.chooseFor('Visum zur Arbeitssuche', erwerb);
  await page.getByRole('button', { name: '3 Personen importieren' }).click();
  await expect(page.getByTestId('import-result')).toContainText('3 neu');

  // typed and clicked at once: the click ends the typing (the preview is read again for the sender) and imports
  await imports.drop('jobcenter-2.csv', second);
  await expect(imports.count('new')).toHaveText('1');
  await imports.senderField().fill('Jobcenter Mittelsachsen');
  await page.getByRole('button', { name: '1 Person importieren' }).click();
  await expect(page.getByTestId('import-result')).toContainText('1 neu');
  await expect(page.getByTestId('batch-row')).toHaveCount(2);
  expect(await personNamed(lotse, 'Noor')).toMatchObject({ residenceTitleCode: 'ae_erwerb' });
});
