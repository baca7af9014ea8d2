import { Button, Checkbox, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commune } from '../../../../shared/domain/communes.js';
import { saxonyCommuneByAgs, searchSaxonyCommunes } from '../../../../shared/rules/saxony-communes.js';
import { invoke } from '../../api/client.js';
import { useNotify } from '../../components/useNotify.js';

// enough to find a place by its first letters; the search narrows the rest
const shownAtMost = 40;

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  list: { maxHeight: '14rem', overflowY: 'auto', display: 'flex', flexDirection: 'column' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, justifyContent: 'flex-end', alignItems: 'center' },
  grow: { flexGrow: 1 },
});

/**
 * Picks communes from the directory of Saxony's municipalities (official key, district) instead of typing them:
 * search by name, district or key, tick one or several (the ticks stay while the search changes), take them over.
 * Inline in the program form for the same reason as NewCommuneForm.
 */
export function CatalogCommunePicker({ known, onDone }: { known: Commune[]; onDone: (picked: Commune[] | null) => void }) {
  const styles = useStyles();
  const { t } = useTranslation('programs');
  const notify = useNotify();
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const results = useMemo(() => searchSaxonyCommunes(query), [query]);
  const knownKeys = useMemo(() => new Set(known.map((c) => c.ags)), [known]);

  const toggle = (ags: string, on: boolean) => setPicked((p) => (on ? [...p, ags] : p.filter((x) => x !== ags)));

  async function take() {
    setBusy(true);
    try {
      const r = await invoke('communes.addFromCatalog', { ags: picked });
      onDone(r.communes);
    } catch (err) {
      notify.failure(err);
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onDone(null);
    } else if (e.key === 'Enter') {
      // Enter must not submit the program form around this group
      e.preventDefault();
    }
  }

  return (
    <div role="group" aria-label={t('catalog.title')} className={styles.box} onKeyDown={onKeyDown}>
      <Text weight="semibold">{t('catalog.title')}</Text>
      <Field label={t('catalog.search')} hint={t('catalog.hint', { count: results.length })}>
        <Input value={query} onChange={(_, d) => setQuery(d.value)} autoFocus />
      </Field>
      <div className={styles.list} role="list" aria-label={t('catalog.results')}>
        {results.slice(0, shownAtMost).map((c) => (
          <div role="listitem" key={c.ags}>
            <Checkbox
              checked={picked.includes(c.ags)}
              onChange={(_, d) => toggle(c.ags, d.checked === true)}
              label={`${c.name} (${c.district}) · ${c.ags}${knownKeys.has(c.ags) ? ` · ${t('catalog.known')}` : ''}`}
            />
          </div>
        ))}
        {results.length > shownAtMost && <Text size={200}>{t('catalog.more', { count: results.length - shownAtMost })}</Text>}
        {results.length === 0 && <Text>{t('catalog.none')}</Text>}
      </div>
      <div className={styles.actions}>
        <Text className={styles.grow} aria-live="polite">
          {picked.length > 0 ? t('catalog.picked', { names: picked.map((a) => saxonyCommuneByAgs(a)?.name ?? a).join(', ') }) : ''}
        </Text>
        <Button onClick={() => onDone(null)}>{t('common:actions.cancel')}</Button>
        <Button appearance="primary" disabled={busy || picked.length === 0} onClick={() => void take()}>
          {t('catalog.take', { count: picked.length })}
        </Button>
      </div>
    </div>
  );
}
