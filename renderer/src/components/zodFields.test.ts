import i18n from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { programInput } from '../../../shared/domain/programs.js';
import { participantInput } from '../../../shared/domain/participants.js';
import { localiseError } from '../api/client.js';
import { initI18n } from '../i18n/index.js';
import { fieldErrors, withoutRow } from './zodFields.js';

// vitest runs without Vite: the JSON texts are not needed here, only the language switch
initI18n('de');
afterEach(() => i18n.changeLanguage('de'));

/** zod's own wording in either language. */
const rawZod = /expected |erwartet|received|erhalten|undefined|[<>]=?\d/;
const emptyCommuneRow = { name: 'AGH', startDate: '2026-01-01', communes: [{ communeId: 0, slots: Number.NaN }] };

describe('client-side form messages', () => {
  it('German UI: the empty commune row reads "Bitte auswählen" and "Bitte eine Zahl eingeben"', () => {
    const errors = fieldErrors(programInput.safeParse(emptyCommuneRow).error!);
    expect(errors).toEqual({ 'communes.0.communeId': 'Bitte auswählen', 'communes.0.slots': 'Bitte eine Zahl eingeben' });
  });

  it('English UI: generic and schema-own messages in English, never zod text', async () => {
    await i18n.changeLanguage('en');
    expect(fieldErrors(programInput.safeParse(emptyCommuneRow).error!)).toEqual({
      'communes.0.communeId': 'Please choose',
      'communes.0.slots': 'Please enter a number',
    });
    const person = fieldErrors(participantInput.safeParse({ lastName: '\u200b', firstName: '', birthDate: '2099-01-01', email: 'x' }).error!);
    expect(person).toEqual({
      lastName: 'A name needs at least one letter',
      firstName: 'Required',
      birthDate: 'The birth date is in the future',
      email: 'Not a valid e-mail address',
    });
    for (const m of Object.values(person)) expect(m).not.toMatch(rawZod);
  });

  it('a server error is shown in the UI language, fields included', () => {
    const error = {
      code: 'validation' as const,
      message: 'Eingabe ungültig: name: Pflichtfeld',
      messageEn: 'Invalid input: name: Required',
      details: { fields: [{ path: 'name', message: 'Pflichtfeld', messageEn: 'Required' }, { path: 'communeId', message: 'Unbekannte Kommune' }] },
    };
    expect(localiseError(error, 'de')).toBe(error);
    expect(localiseError(error, 'en')).toEqual({
      ...error,
      message: 'Invalid input: name: Required',
      details: { fields: [{ path: 'name', message: 'Required', messageEn: 'Required' }, { path: 'communeId', message: 'Unknown commune' }] },
    });
  });

  it('removing a row takes its messages away and moves later rows up (the message stays on its row)', () => {
    const errors = { name: 'Pflichtfeld', 'communes.0.communeId': 'Bitte auswählen', 'communes.1.slots': 'Nicht negativ', 'communes.2.slots': 'Höchstens 10.000' };
    expect(withoutRow(errors, 'communes', 0)).toEqual({ name: 'Pflichtfeld', 'communes.0.slots': 'Nicht negativ', 'communes.1.slots': 'Höchstens 10.000' });
    expect(withoutRow(errors, 'communes', 1)).toEqual({ name: 'Pflichtfeld', 'communes.0.communeId': 'Bitte auswählen', 'communes.1.slots': 'Höchstens 10.000' });
  });
});

describe('errorText', () => {
  it('a call error shows its message; a bug in the page shows a sentence, not its raw text', async () => {
    const { ApiError, errorText } = await import('../api/client.js');
    expect(errorText(new ApiError({ code: 'not_found', message: 'Programm 4 nicht gefunden.', messageEn: 'Program 4 not found.' }))).toBe('Programm 4 nicht gefunden.');
    const bug = new TypeError("Cannot read properties of undefined (reading 'run')");
    expect(errorText(bug)).toBe('Unerwarteter Fehler. Bitte die Ansicht neu laden.');
    await i18n.changeLanguage('en');
    expect(errorText(bug)).toBe('Unexpected error. Please reload the view.');
    expect(errorText(new ApiError({ code: 'not_found', message: 'Programm 4 nicht gefunden.', messageEn: 'Program 4 not found.' }))).toBe('Program 4 not found.');
  });
});
