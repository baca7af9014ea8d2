import { describe, expect, it } from 'vitest';
import { settleLink } from './settleLink.js';

const r = (kind: string, recordId: number | null, month: string | null = null) =>
  ({ settle: { kind, participantId: 7, recordId, month } }) as Parameters<typeof settleLink>[0];

describe('settleLink', () => {
  it('leads each reminder to the form that settles it', () => {
    expect(settleLink(r('document', 12))).toBe('/teilnehmende/7/dokumente?edit=12');
    expect(settleLink(r('newDocument', null))).toBe('/teilnehmende/7/dokumente?new=arbeitserlaubnis');
    expect(settleLink(r('hours', 3, '2026-02'))).toBe('/agh?placement=3&week=2026-01-26');
    expect(settleLink(r('note', 5))).toBe('/teilnehmende/7/notizen');
    expect(settleLink(r('consent', null))).toBe('/teilnehmende/7/datenschutz');
    expect(settleLink(r('task', 1))).toBeNull();
    expect(settleLink(r('followUp', 1))).toBeNull();
  });
});
