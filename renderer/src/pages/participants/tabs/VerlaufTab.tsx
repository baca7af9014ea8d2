import { makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../components/format.js';
import { useCall } from '../../../components/useCall.js';
import type { HistoryRef } from '../../../../../shared/domain/participants.js';
import type { ParticipantTabProps } from './types.js';

const useStyles = makeStyles({
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  entry: { borderLeft: `3px solid ${tokens.colorBrandStroke1}`, paddingLeft: tokens.spacingHorizontalM },
  meta: { color: tokens.colorNeutralForeground2 },
  changes: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

const timeFmt = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit' });

/** Verlauf: who changed what about this person and their enrolments, newest first, in German. */
export function VerlaufTab({ participant }: ParticipantTabProps) {
  const styles = useStyles();
  const { t, i18n } = useTranslation('participants');
  const history = useCall('participants.history', { id: participant.id, limit: 200 });

  const fieldLabel = (field: string) =>
    i18n.exists(`participants:history.fields.${field}`) ? t(`history.fields.${field}`) : t(`fields.${field}`, { defaultValue: field });
  const value = (v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('history.empty');
    if (typeof v === 'boolean') return t(v ? 'history.yes' : 'history.no');
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v);
    if (typeof v === 'string' && (t(`enrollments.statuses.${v}`, { defaultValue: '' }) || '') !== '') return t(`enrollments.statuses.${v}`);
    // an outcome recorded when a placement ends (sv_beschaeftigung ...) reads as its German name
    if (typeof v === 'string' && i18n.exists(`outcomes:kinds.${v}`)) return t(`outcomes:kinds.${v}`);
    if (typeof v === 'number') return formatNumber(v);
    // warning codes of a placement (short_notice ...) read as their German hint
    if (Array.isArray(v)) return v.length === 0 ? t('history.empty') : v.map((x) => t(`history.warnings.${String(x)}`, { defaultValue: String(x) })).join(', ');
    return typeof v === 'string' ? v : JSON.stringify(v);
  };
  // a referenced record by its current name; one that no longer exists says so instead of showing its id
  const refName = (r: HistoryRef) => r.name ?? t('history.deleted');
  const changeValue = (v: unknown, ref: HistoryRef | undefined) => (ref ? refName(ref) : value(v));
  const actionLabel = (entity: string, action: string) => {
    const key = `history.actions.${entity}.${action}`;
    return i18n.exists(`participants:${key}`) ? t(key) : t('history.actions.other', { action, entity });
  };

  if (history.loading && !history.data) return <Spinner label={t('common:states.loading')} />;
  if (!history.data || history.data.length === 0) return <Text>{t('history.none')}</Text>;
  return (
    <ol className={styles.list} aria-label={t('tabs.verlauf')}>
      {history.data.map((h) => (
        <li key={h.id} className={styles.entry} data-testid="history-entry">
          <Text weight="semibold" block>
            {actionLabel(h.entity, h.action)}
          </Text>
          {h.context.length > 0 && (
            <Text size={200} block data-testid="history-context">
              {h.context.map(refName).join(' · ')}
            </Text>
          )}
          <Text size={200} className={styles.meta} block>
            {formatDate(h.at)} {timeFmt.format(new Date(h.at))} {h.actor ? t('history.by', { actor: h.actor }) : ''}
          </Text>
          {h.redacted && <Text size={200}>{t('history.redacted')}</Text>}
          {h.action !== 'create' && h.changes.length > 0 && (
            <ul className={styles.changes}>
              {h.changes.map((c) => (
                <li key={c.field}>
                  <Text size={200}>
                    {fieldLabel(c.field)}: {changeValue(c.before, c.beforeRef)} → {changeValue(c.after, c.afterRef)}
                  </Text>
                </li>
              ))}
            </ul>
          )}
          {h.details && <Text size={200}>{h.details}</Text>}
        </li>
      ))}
    </ol>
  );
}
