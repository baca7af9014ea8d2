import { describe, expect, it } from 'vitest';
import { PdfWriter } from './pdf.js';

describe('PdfWriter.row', () => {
  it('keeps every line inside its cell: words wrap, a word wider than the cell is cut, numbers align right', async () => {
    const w = await PdfWriter.create({ title: 'Test' }, 40);
    const drawn = w.row(
      [
        { text: 'Abdelrahmanović-Castellanos, Maximiliana-Josephine', width: 100 },
        { text: 'Kleiderkammer-und-Sozialkaufhaus-Döbeln-Ost', width: 92 },
        { text: '1.234,56 €', width: 53, align: 'right' },
      ],
      { size: 8 },
    );
    for (const line of drawn) {
      expect(line.x, line.text).toBeGreaterThanOrEqual(line.cellLeft - 0.01);
      expect(line.x + line.width, line.text).toBeLessThanOrEqual(line.cellRight + 0.01);
    }
    // nothing lost: the pieces of the long word join up again
    expect(drawn.filter((l) => l.cell === 1).map((l) => l.text).join('')).toBe('Kleiderkammer-und-Sozialkaufhaus-Döbeln-Ost');
    expect(drawn.filter((l) => l.cell === 1).length).toBeGreaterThan(1);
    const amount = drawn.find((l) => l.cell === 2)!;
    expect(amount.x + amount.width).toBeCloseTo(amount.cellRight, 5);
    // the cells follow each other with the gap between them
    expect(drawn.find((l) => l.cell === 1)!.cellLeft).toBe(40 + 100 + 4);
  });
});
