import pg from 'pg';
import { callApi, expect, test } from './fixtures.js';

/**
 * Team mode (runs in the chromium-postgres project only): Leitung adds a Kommune login in Einstellungen →
 * Teambetrieb, sees it listed, and the new login can really connect — and sees nobody, as no AGH placement of its
 * commune exists yet.
 */
test('Teambetrieb: create a Kommune login, see it listed, and log in with it', async ({ page, lotse }) => {
  const commune = await callApi<{ id: number }>(lotse, 'communes.create', { name: 'Döbeln', district: 'Mittelsachsen' });
  await callApi(lotse, 'participants.create', { data: { lastName: 'Haddad', firstName: 'Samir', birthDate: '1990-01-01' } });
  await page.goto(`${lotse.openUrl}#/einstellungen/team`);
  await expect(page.getByText(/Angemeldet am Teamserver als/)).toBeVisible();

  const role = `kommune_doebeln_${Date.now() % 100000}`;
  await page.getByRole('button', { name: 'Neuer Login' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('Clara Kommune');
  await dialog.getByLabel('Login').fill(role);
  await dialog.getByLabel('Rolle').selectOption('kommune');
  await dialog.getByLabel('Kommune').selectOption(String(commune.id));
  // too short a password is a field message, nothing is created
  await dialog.getByLabel('Erstes Passwort').fill('kurz');
  await dialog.getByRole('button', { name: 'Anlegen' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Mindestens 12 Zeichen');
  await dialog.getByLabel('Erstes Passwort').fill('ein-sehr-geheimes-passwort');
  await dialog.getByRole('button', { name: 'Anlegen' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: new RegExp(role) });
  await expect(row).toContainText('Clara Kommune');
  await expect(row).toContainText('Kommune');

  // the login works, and the database shows it nobody: no placement of its commune yet
  const url = new URL(lotse.dbPath);
  url.username = role;
  url.password = 'ein-sehr-geheimes-passwort';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    expect((await client.query<{ u: string }>('SELECT session_user AS u')).rows[0]!.u).toBe(role);
    expect((await client.query('SELECT id FROM participants')).rows).toEqual([]);
  } finally {
    await client.end();
  }
});
