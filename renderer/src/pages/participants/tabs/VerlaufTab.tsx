import { makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, formatTime } from '../../../components/format.js';
import { useCall } from '../../../components/useCall.js';
import type { HistoryRef } from '../../../../../shared/domain/participants.js';
import { residenceTitle } from '../../../../../shared/rules/residence-titles.js';
import type { ParticipantTabProps } from './types.js';

const useStyles = makeStyles({
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  entry: { borderLeft: `3px solid ${tokens.colorBrandStroke1}`, paddingLeft: tokens.spacingHorizontalM },
  meta: { color: tokens.colorNeutralForeground2 },
  changes: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * Fields whose values are codes, and where their names are: a contact's "einladung" reads "Einladung zum
 * Vorstellungsgespräch", an enrollment's "aktiv" reads "aktiv" in the UI language. `status` depends on the record.
 */
const codeNames: Record<string, string> = {
  result: 'fairs:results',
  outcome: 'outcomes:kinds',
  kind: 'outcomes:kinds',
  gender: 'participants:gender',
  employmentStatus: 'participants:codes.employmentStatus',
  iscedGroup: 'participants:codes.iscedGroup',
  qualificationRecognition: 'participants:codes.qualificationRecognition',
};
const statusNames: Record<string, string> = {
  enrollment: 'participants:enrollments.statuses',
  placement: 'placements:status',
  application: 'outcomes:applicationStatus',
};

/** Verlauf: who changed what about this person and their enrollments, newest first, in German. */
export function VerlaufTab({ participant }: ParticipantTabProps) {
  const styles = useStyles();
  const { t, i18n } = useTranslation('participants');
  const history = useCall('participants.history', { id: participant.id, limit: 200 });

  const fieldLabel = (field: string) =>
    i18n.exists(`participants:history.fields.${field}`) ? t(`history.fields.${field}`) : t(`fields.${field}`, { defaultValue: field });
  const codeName = (entity: string, field: string, v: string): string | null => {
    const ns = field === 'status' ? statusNames[entity] : codeNames[field];
    return ns && i18n.exists(`${ns}.${v}`) ? t(`${ns}.${v}`) : null;
  };
  const value = (v: unknown, entity = '', field = ''): string => {
    if (v === null || v === undefined || v === '') return t('history.empty');
    if (typeof v === 'string') {
      const name = codeName(entity, field, v) ?? (field === 'titleCode' ? (residenceTitle(v)?.label ?? null) : null);
      if (name) return name;
    }
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
  const changeValue = (v: unknown, ref: HistoryRef | undefined, entity: string, field: string) => (ref ? refName(ref) : value(v, entity, field));
  // an entry without its own wording reads "Firmenkontaktbörse: Kontakt geändert" from the Protokoll's names
  const actionLabel = (entity: string, action: string) => {
    const key = `history.actions.${entity}.${action}`;
    if (i18n.exists(`participants:${key}`)) return t(key);
    return t('history.actions.other', {
      action: t(`settings:audit.actions.${action}`, { defaultValue: action }),
      entity: t(`settings:audit.entities.${entity}`, { defaultValue: entity }),
    });
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
            {formatDate(h.at)} {formatTime(h.at)} {h.actor ? t('history.by', { actor: h.actor }) : ''}
          </Text>
          {h.redacted && <Text size={200}>{t('history.redacted')}</Text>}
          {h.action !== 'create' && h.changes.length > 0 && (
            <ul className={styles.changes}>
              {h.changes.map((c) => (
                <li key={c.field}>
                  <Text size={200}>
                    {fieldLabel(c.field)}: {changeValue(c.before, c.beforeRef, h.entity, c.field)} → {changeValue(c.after, c.afterRef, h.entity, c.field)}
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
