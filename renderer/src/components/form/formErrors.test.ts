import i18n from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { programInput } from '../../../../shared/domain/programs.js';
import { participantInput } from '../../../../shared/domain/participants.js';
import { ApiError, localiseError } from '../../api/client.js';
import { initI18n } from '../../i18n/index.js';
import { flatMessages, messageAt, nestErrors, serverFieldErrors, splitErrors, zodFieldErrors as fieldErrors } from './formErrors.js';

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

});

describe('messages onto the form', () => {
  const values = { name: '', communes: [{ communeId: '', slots: '' }], figures: { followUpMonths: '6' } };

  it('a message whose path leads to a field goes there; one without a field goes to the form as a whole', () => {
    const flat = { name: 'Pflichtfeld', 'communes.0.slots': 'Nicht negativ', 'communes.3.slots': 'Höchstens 10.000', '': 'Ungültig', reportTitle: 'Zu lang' };
    expect(splitErrors(flat, values, (p) => p)).toEqual({
      fields: { name: 'Pflichtfeld', 'communes.0.slots': 'Nicht negativ' },
      rest: ['Höchstens 10.000', 'Ungültig', 'Zu lang'],
    });
  });

  it('a path the form keeps elsewhere is renamed first, and the first message of a field stays', () => {
    const rename = (p: string) => (p === 'followUpMonths' ? 'figures.followUpMonths' : p);
    expect(splitErrors({ followUpMonths: 'Höchstens 36', name: 'Pflichtfeld' }, values, rename).fields).toEqual({
      'figures.followUpMonths': 'Höchstens 36',
      name: 'Pflichtfeld',
    });
    expect(splitErrors({ name: 'Pflichtfeld', 'data.name': 'Name schon vergeben' }, values, (p) => p.replace(/^data\./, '')).fields).toEqual({ name: 'Pflichtfeld' });
  });

  it("rows become arrays in react-hook-form's errors (so a removed row's messages go with it) and read back by path", () => {
    const nested = nestErrors({ name: 'Pflichtfeld', 'communes.1.slots': 'Nicht negativ', 'figures.followUpMonths': 'Höchstens 36' });
    expect(Array.isArray(nested.communes)).toBe(true);
    expect((nested.communes as unknown as unknown[])[0]).toBeUndefined();
    expect(messageAt(nested, 'communes.1.slots')).toBe('Nicht negativ');
    expect(messageAt(nested, 'communes.0.slots')).toBeUndefined();
    expect(flatMessages(nested)).toEqual({ name: 'Pflichtfeld', 'communes.1.slots': 'Nicht negativ', 'figures.followUpMonths': 'Höchstens 36' });
    expect(flatMessages(nested, 'figures')).toEqual({ followUpMonths: 'Höchstens 36' });
  });

  it('only a failure with field messages counts as one; others are shown whole', () => {
    const fields = new ApiError({ code: 'validation', message: 'Eingabe ungültig', details: { fields: [{ path: 'data.name', message: 'Name schon vergeben' }] } });
    expect(serverFieldErrors(fields)).toEqual({ 'data.name': 'Name schon vergeben' });
    expect(serverFieldErrors(new ApiError({ code: 'conflict', message: 'Zwischenzeitlich geändert' }))).toBeNull();
    expect(serverFieldErrors(new TypeError('x'))).toBeNull();
  });
});

describe('errorText', () => {
  it('a call error shows its message; a bug in the page shows a sentence, not its raw text', async () => {
    const { errorText } = await import('../../api/client.js');
    expect(errorText(new ApiError({ code: 'not_found', message: 'Programm 4 nicht gefunden.', messageEn: 'Program 4 not found.' }))).toBe('Programm 4 nicht gefunden.');
    const bug = new TypeError("Cannot read properties of undefined (reading 'run')");
    expect(errorText(bug)).toBe('Unerwarteter Fehler. Bitte die Ansicht neu laden.');
    await i18n.changeLanguage('en');
    expect(errorText(bug)).toBe('Unexpected error. Please reload the view.');
    expect(errorText(new ApiError({ code: 'not_found', message: 'Programm 4 nicht gefunden.', messageEn: 'Program 4 not found.' }))).toBe('Program 4 not found.');
  });
});
