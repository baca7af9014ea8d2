import { describe, expect, it } from 'vitest';
import { dateFieldValue, formatDateInput, parseDateInput } from './dates.js';

describe('date input', () => {
  it('reads German, English and stored dates, with or without leading zeros', () => {
    expect(parseDateInput('1.2.2026')).toBe('2026-02-01');
    expect(parseDateInput(' 24.11.2026 ')).toBe('2026-11-24');
    expect(parseDateInput('24/11/2026')).toBe('2026-11-24');
    expect(parseDateInput('2026-11-24')).toBe('2026-11-24');
  });

  it('refuses impossible dates, two-digit years and partial input', () => {
    for (const t of ['31.02.2026', '1.2.26', '1.2.', '2026-13-01', '', 'morgen']) expect(parseDateInput(t), t).toBeNull();
  });

  it('writes TT.MM.JJJJ in German and DD/MM/YYYY in English', () => {
    expect(formatDateInput('2026-02-01', 'de')).toBe('01.02.2026');
    expect(formatDateInput('2026-02-01', 'en')).toBe('01/02/2026');
  });

  it('hands the form the stored form, empty, or the unreadable text for its validation', () => {
    expect(dateFieldValue('1.2.2026')).toBe('2026-02-01');
    expect(dateFieldValue('  ')).toBe('');
    expect(dateFieldValue('1.2.')).toBe('1.2.');
    // an impossible day keeps its parts, so the schema names it "no valid calendar date"
    expect(dateFieldValue('31.02.2026')).toBe('2026-02-31');
  });
});
