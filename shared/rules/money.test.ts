import { describe, expect, it } from 'vitest';
import { centsFromNumber, formatCents, parseMoney } from './money.js';

const cents = (s: string) => {
  const r = parseMoney(s);
  return r.ok ? r.cents : r.message;
};

describe('parseMoney', () => {
  it('reads German amounts exactly into cents', () => {
    expect(cents('1.234,56 €')).toBe(123456);
    expect(cents('-12,50')).toBe(-1250);
    expect(cents('12,50-')).toBe(-1250);
    expect(cents('−7,5')).toBe(-750);
    expect(cents('1.000.000,01')).toBe(100000001);
    expect(cents('0,1')).toBe(10);
    expect(cents('250')).toBe(25000);
    expect(cents('1.234')).toBe(123400);
    expect(cents('EUR 99,99')).toBe(9999);
    expect(cents('1 234,56 €')).toBe(123456);
    expect(cents('-0,00')).toBe(0);
  });

  it('understands a lone decimal point with one or two digits ("1234.56")', () => {
    expect(cents('1234.56')).toBe(123456);
    expect(cents('0.5')).toBe(50);
  });

  it('refuses what it cannot read unambiguously, with the reason', () => {
    expect(cents('1,234.56')).toMatch(/englische Schreibweise/);
    expect(cents('12,345')).toMatch(/zwei Nachkommastellen/);
    expect(cents('12.3456')).toMatch(/zwei Nachkommastellen/);
    expect(cents('12,50 €€x')).toMatch(/kein Betrag/);
    expect(cents('1.23.4')).toMatch(/kein Betrag/);
    expect(cents('')).toBe('Betrag fehlt');
    expect(cents('abc')).toMatch(/kein Betrag/);
  });

  it('takes spreadsheet numbers as euros without float drift, refusing a third decimal', () => {
    expect(centsFromNumber(0.1 + 0.2)).toEqual({ ok: true, cents: 30 });
    expect(centsFromNumber(1234.56)).toEqual({ ok: true, cents: 123456 });
    expect(centsFromNumber(-12.5)).toEqual({ ok: true, cents: -1250 });
    expect(centsFromNumber(12.345).ok).toBe(false);
  });

  it('formats cents the German way', () => {
    expect(formatCents(123456)).toBe('1.234,56 €');
    expect(formatCents(-1250)).toBe('-12,50 €');
    expect(formatCents(5, false)).toBe('0,05');
  });
});
