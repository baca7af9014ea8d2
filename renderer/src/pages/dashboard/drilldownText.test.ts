import { describe, expect, it } from 'vitest';
import { detailText, listTitle } from './drilldownText.js';

describe('click-through list texts', () => {
  it('names the figure once: a card passing its own label does not double the title', () => {
    expect(listTitle('Teilnehmende im Zeitraum', false, 'Teilnehmende im Zeitraum')).toBe('Teilnehmende im Zeitraum');
    expect(listTitle('Teilnehmende aus', false, 'Freiberg')).toBe('Teilnehmende aus: Freiberg');
    expect(listTitle('Abgeschlossen', false, '')).toBe('Abgeschlossen');
    expect(listTitle('Prüfhinweis', true, 'Anwesenheit ohne Teilnahme')).toBe('Anwesenheit ohne Teilnahme');
  });

  it('turns codes into words and leaves typed text as it is', () => {
    const t = (key: string) => `«${key}»`;
    expect(detailText('ausbildung', t)).toBe('«outcomeKinds.ausbildung»');
    expect(detailText('abgebrochen', t)).toBe('«list.status.abgebrochen»');
    expect(detailText('company', t)).toBe('«list.orgKinds.company»');
    expect(detailText('Umzug in ein anderes Bundesland', t)).toBe('Umzug in ein anderes Bundesland');
    expect(detailText(null, t)).toBe('');
  });
});
