import { describe, expect, it } from 'vitest';
import { amountText, basisPointsOf, centsOf, percentText } from './money.js';

describe('money fields of the Finanzen page', () => {
  it('reads percentages into basis points exactly and writes them back', () => {
    expect(basisPointsOf('7,5')).toBe(750);
    expect(basisPointsOf('10')).toBe(1000);
    expect(basisPointsOf('12,345')).toBeNull();
    expect(percentText(750)).toBe('7,5');
    expect(percentText(1000)).toBe('10');
    expect(percentText(1234)).toBe('12,34');
    expect(percentText(null)).toBe('');
  });

  it('round-trips amounts through the German text', () => {
    expect(amountText(123456)).toBe('1.234,56');
    expect(centsOf(amountText(123456))).toBe(123456);
    expect(centsOf('abc')).toBeNull();
  });
});
