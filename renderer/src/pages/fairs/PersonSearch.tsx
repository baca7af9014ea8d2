import { Button, Field, Input, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonMatch } from '../../../../shared/domain/fairs.js';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  item: { padding: '6px 10px', display: 'flex', justifyContent: 'space-between', gap: '12px', cursor: 'pointer' },
  active: { backgroundColor: tokens.colorBrandBackground2 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface PersonSearchProps {
  label: string;
  placeholder?: string;
  search: (query: string) => Promise<PersonMatch[]>;
  /** Enter on a match; resolves when done, then the box clears for the next person */
  onPick: (match: PersonMatch) => Promise<void>;
  /** status text shown beside each match */
  describe: (match: PersonMatch) => string;
  /** an offer to show under the box (e.g. "register and check in?") with its confirm action */
  offer?: { message: string; confirmLabel: string; onConfirm: () => Promise<void>; onDismiss: () => void } | null;
  testId?: string;
}

/**
 * Type a name, press Enter: the keyboard path of the check-in screen. Arrow keys pick among matches; the box
 * clears and keeps focus after each person so a queue at the door goes quickly.
 */
export function PersonSearch({ label, placeholder, search, onPick, describe, offer, testId }: PersonSearchProps) {
  const styles = useStyles();
  const { t } = useTranslation('fairs');
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<PersonMatch[]>([]);
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);
  const input = useRef<HTMLInputElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const listId = useId();

  useEffect(() => {
    const q = query.trim();
    const n = ++seq.current;
    if (q.length < 2) {
      setMatches([]);
      return;
    }
    const timer = setTimeout(() => {
      void search(q).then((m) => {
        // only the newest answer counts: typing fast must not show an older list
        if (n === seq.current) {
          setMatches(m);
          setActive(0);
        }
      });
    }, 120);
    return () => clearTimeout(timer);
  }, [query, search]);

  useEffect(() => {
    if (offer) confirm.current?.focus();
  }, [offer]);

  async function pick(m: PersonMatch | undefined) {
    if (!m || busy) return;
    setBusy(true);
    try {
      await onPick(m);
      setQuery('');
      setMatches([]);
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  }

  return (
    <div data-testid={testId} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Field label={label}>
        <Input
          ref={input}
          value={query}
          placeholder={placeholder}
          autoComplete="off"
          role="combobox"
          aria-expanded={matches.length > 0}
          aria-controls={listId}
          aria-activedescendant={matches[active] ? `${listId}-${active}` : undefined}
          onChange={(_, d) => setQuery(d.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((a) => Math.min(a + 1, matches.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, 0));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              void pick(matches[active]);
            } else if (e.key === 'Escape') {
              setQuery('');
            }
          }}
        />
      </Field>
      {query.trim().length >= 2 && matches.length === 0 && <Text className={styles.muted}>{t('search.none')}</Text>}
      {matches.length > 0 && (
        <ul className={styles.list} id={listId} role="listbox" aria-label={t('search.matches')}>
          {matches.map((m, i) => (
            <li
              key={m.participantId}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`${styles.item} ${i === active ? styles.active : ''}`}
              onMouseDown={(e) => {
                e.preventDefault();
                void pick(m);
              }}
            >
              <span>
                {m.name}
                {m.birthDate ? <span className={styles.muted}> · {m.birthDate.split('-').reverse().join('.')}</span> : null}
              </span>
              <span className={styles.muted}>{describe(m)}</span>
            </li>
          ))}
        </ul>
      )}
      {offer && (
        <MessageBar intent="warning">
          <MessageBarBody>{offer.message}</MessageBarBody>
          <MessageBarActions>
            <Button
              ref={confirm}
              appearance="primary"
              onClick={() => {
                void offer.onConfirm().finally(() => input.current?.focus());
              }}
            >
              {offer.confirmLabel}
            </Button>
            <Button
              onClick={() => {
                offer.onDismiss();
                input.current?.focus();
              }}
            >
              {t('common:actions.cancel')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
