import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { programInput } from './programs.js';
import { configureValidation, englishOfIssue, translateMessage } from './validation-messages.js';

/** Raw zod wording in either language: type names, operators, "expected"/"erwartet". */
const rawZod = /expected|erwartet,|number|string|undefined|[<>]=?\d|Invalid input|Ungültige Eingabe/;

const schema = z.object({
  slots: z.number().int().positive(),
  count: z.number().int().min(0).max(10_000),
  title: z.string().min(1).max(10),
  kind: z.enum(['a', 'b']),
  list: z.array(z.string()).min(1),
  mail: z.email(),
  missing: z.string(),
  notANumber: z.number(),
});
const bad = { slots: 0, count: 20_000, title: 'x'.repeat(11), kind: 'c', list: [], mail: 'nope', notANumber: 'x' };

afterEach(() => configureValidation('de'));

describe('validation messages', () => {
  it('German: plain sentences for what forms produce, no zod wording', () => {
    const issues = schema.safeParse(bad).error!.issues;
    const byPath = Object.fromEntries(issues.map((i) => [i.path.join('.'), i.message]));
    expect(byPath).toEqual({
      slots: 'Muss größer als 0 sein',
      count: 'Höchstens 10.000',
      title: 'Höchstens 10 Zeichen',
      kind: 'Bitte einen der angebotenen Werte wählen',
      list: 'Bitte mindestens einen Eintrag wählen',
      mail: 'Keine gültige E-Mail-Adresse',
      missing: 'Pflichtfeld',
      notANumber: 'Bitte eine Zahl eingeben',
    });
    for (const m of Object.values(byPath)) expect(m).not.toMatch(rawZod);
  });

  it('English UI: the same issues in English, and the English of each finished German issue agrees', () => {
    const german = schema.safeParse(bad).error!.issues;
    configureValidation('en');
    const english = schema.safeParse(bad).error!.issues;
    expect(english.map((i) => i.message)).toEqual([
      'Must be greater than 0',
      'At most 10,000',
      'At most 10 characters',
      'Please choose one of the offered values',
      'Please choose at least one entry',
      'Not a valid e-mail address',
      'Required',
      'Please enter a number',
    ]);
    expect(german.map((i) => englishOfIssue(i))).toEqual(english.map((i) => i.message));
  });

  it('the empty commune row of the program dialog gets a German field message (issue 19)', () => {
    const r = programInput.safeParse({ name: 'AGH', startDate: '2026-01-01', communes: [{ communeId: 0, slots: 3 }] });
    const issue = r.error!.issues[0]!;
    expect(issue.path).toEqual(['communes', 0, 'communeId']);
    expect(issue.message).toBe('Bitte auswählen');
    expect(englishOfIssue(issue)).toBe('Please choose');
  });

  it('translateMessage leaves German as it is and unknown texts unchanged', () => {
    expect(translateMessage('Pflichtfeld', 'de')).toBe('Pflichtfeld');
    expect(translateMessage('Pflichtfeld', 'en')).toBe('Required');
    expect(translateMessage('Etwas Neues', 'en')).toBe('Etwas Neues');
  });
});
