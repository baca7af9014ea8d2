import { describe, expect, it } from 'vitest';
import { ElementScanner } from './elements.js';

/** Runs the scanner over `xml` cut into chunks of the given sizes (repeated); returns the elements it found. */
function scan(xml: string, sizes: number[], maxChars = 1_000_000, prefix = 'x:'): { els: string[]; unfinished: boolean } {
  const els: string[] = [];
  const s = new ElementScanner({ tag: () => prefix + 'row', each: (el) => els.push(el), maxChars, tooLong: () => new Error('too long') });
  for (let i = 0, k = 0; i < xml.length; k++) {
    const n = sizes[k % sizes.length]!;
    s.write(xml.slice(i, i + n));
    i += n;
  }
  return { els, unfinished: s.unfinished };
}

const sample =
  '<x:worksheet><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row><x:rows/><x:row r="2"/>' +
  '<x:row r="3" spans="1:2"><x:c><x:is><x:t>a &lt; b</x:t></x:is></x:c></x:row>\n<x:row\tr="4"></x:row></x:sheetData></x:worksheet>';

describe('ElementScanner', () => {
  it('finds the same elements whatever the chunk boundaries, and skips names that only begin alike', () => {
    const whole = scan(sample, [sample.length]).els;
    expect(whole).toHaveLength(4);
    expect(whole[1]).toBe('<x:row r="2"/>');
    for (const sizes of [[1], [2], [3], [7], [1, 5, 2], [13, 1], [64]]) expect(scan(sample, sizes).els).toEqual(whole);
  });

  it('reports an element cut off at the end of the stream', () => {
    expect(scan('<x:sheetData><x:row r="1"><x:c>', [5]).unfinished).toBe(true);
    expect(scan(sample, [9]).unfinished).toBe(false);
  });

  it('refuses an element past its limit while it is still arriving', () => {
    const long = `<x:sheetData><x:row>${'<x:c/>'.repeat(1_000)}`;
    expect(() => scan(long, [100], 1_000)).toThrow('too long');
    expect(scan(`${long}</x:row>`, [100], 10_000).els).toHaveLength(1);
  });

  it('scans a 16 MB row arriving in 32 KB pieces in linear time', () => {
    const big = `<row>${'<c><v>1</v></c>'.repeat(16 * 1024 * 1024 / 15)}</row>`;
    const t0 = performance.now();
    const { els } = scan(big, [32 * 1024], 32 * 1024 * 1024, '');
    expect(els[0]!.length).toBe(big.length);
    // a re-search from the element's start on every piece took seconds here (512 pieces, 4 GB searched)
    expect(performance.now() - t0).toBeLessThan(1_500);
  });
});
