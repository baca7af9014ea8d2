import { describe, expect, it } from 'vitest';
import { id, optionalText, personName, requiredText, searchText } from './common.js';

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message) ?? [];

describe('text normalisation', () => {
  it('stores NFC: a name typed decomposed (macOS) equals the composed one', () => {
    const decomposed = 'Mu\u0308ller';
    expect(requiredText(120).parse(decomposed)).toBe('M\u00fcller');
    expect(optionalText(120).parse(` ${decomposed} `)).toBe('M\u00fcller');
    expect(searchText().parse(decomposed)).toBe('M\u00fcller');
  });

  it('trims, collapses runs of spaces in one line, and keeps line breaks only where text may span lines', () => {
    expect(requiredText().parse('  Haus \u00a0 der  Jugend ')).toBe('Haus der Jugend');
    expect(optionalText(100, { multiline: true }).parse('Zeile 1\r\nZeile 2\n\tEingerückt')).toBe('Zeile 1\nZeile 2\n\tEingerückt');
    expect(optionalText(100).parse('   ')).toBeNull();
  });

  it('refuses NUL and other control characters in every text, line breaks in one-line text', () => {
    for (const bad of ['Anna\u0000', 'An\u0007na', 'An\u009bna', 'Erste\nZweite', 'Tab\tgetrennt']) {
      expect(messages(requiredText().safeParse(bad))).toEqual(['Enthält Zeilenumbrüche oder Steuerzeichen, die hier nicht erlaubt sind']);
      expect(optionalText().safeParse(bad).success).toBe(false);
    }
    expect(messages(optionalText(100, { multiline: true }).safeParse('Notiz\u0000'))).toEqual(['Enthält Steuerzeichen, die hier nicht erlaubt sind']);
    expect(searchText().safeParse('mü\u0000').success).toBe(false);
  });

  it('refuses a lone surrogate (half of an emoji), which is no character at all', () => {
    expect(messages(optionalText().safeParse('Ok \ud83d'))).toEqual(['Enthält ungültige Zeichen']);
    expect(optionalText().parse('Ok \ud83d\ude00')).toBe('Ok \ud83d\ude00');
  });

  it('a name needs a letter of some script: zero-width spaces, digits or dots alone are no name', () => {
    expect(messages(personName().safeParse('\u200b\u200b\u200b'))).toEqual(['Ein Name braucht mindestens einen Buchstaben']);
    expect(personName().safeParse('...').success).toBe(false);
    expect(personName().safeParse('123').success).toBe(false);
    expect(messages(personName().safeParse('   '))).toEqual(['Pflichtfeld']);
    for (const good of ['Müller', 'O\u2019Brien', 'Ахмед', 'محمد', 'فرزانه\u200cای', '李']) expect(personName().parse(good)).toBe(good);
  });

  it('counts the length after normalising, and says the limit in words', () => {
    expect(requiredText(5).parse('  abcde  ')).toBe('abcde');
    expect(messages(requiredText(5).safeParse('abcdef'))).toEqual(['Höchstens 5 Zeichen']);
  });

  it('an empty select (0) is "Bitte auswählen", not zod text', () => {
    expect(messages(id.safeParse(0))).toEqual(['Bitte auswählen']);
  });
});
