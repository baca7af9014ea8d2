import {
  Button,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../components/useCall.js';
import { formatTimestamp } from '../../components/format.js';

const useStyles = makeStyles({
  bar: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3 },
  intro: { display: 'block', marginBottom: tokens.spacingVerticalM },
});

const pageSize = 200;

/** Protokoll: the audit and access log, read-only, filterable by action. */
export function AuditTab() {
  const styles = useStyles();
  const { t } = useTranslation('settings');
  const [action, setAction] = useState<string | null>(null);
  const [limit, setLimit] = useState(pageSize);
  const actions = useCall('audit.actions', {});
  const log = useCall('audit.list', { action, participantId: null, limit, offset: 0 });
  const label = (a: string) => t(`audit.actions.${a}`, { defaultValue: a });
  const entity = (e: string) => t(`audit.entities.${e}`, { defaultValue: e });
  // the record in words ("Firmenkontaktbörse 3", "Teilnehmende Nr. 12"), then the entry's own note (format, file ...)
  const what = (e: { entity: string; entityId: number | null; participantId: number | null; details: string | null }) => {
    const subject =
      e.participantId !== null
        ? t('audit.entityParticipant', { id: e.participantId })
        : e.entity === 'access'
          ? null
          : `${entity(e.entity)}${e.entityId !== null ? ` ${e.entityId}` : ''}`;
    return [subject, e.details].filter(Boolean).join(' – ');
  };

  return (
    <div>
      <Text className={styles.intro}>{t('audit.intro')}</Text>
      <div className={styles.bar}>
        <Field label={t('audit.filter')}>
          <Dropdown
            value={action ? label(action) : t('audit.all')}
            selectedOptions={[action ?? '']}
            onOptionSelect={(_, d) => {
              setAction(d.optionValue ? d.optionValue : null);
              setLimit(pageSize);
            }}
          >
            <Option value="">{t('audit.all')}</Option>
            {(actions.data ?? []).map((a) => (
              <Option key={a} value={a}>
                {label(a)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        {log.data && <Text>{t('audit.total', { count: log.data.total })}</Text>}
      </div>
      {log.loading && !log.data && <Spinner label={t('common:states.loading')} />}
      {log.error !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{(log.error as Error).message}</MessageBarBody>
        </MessageBar>
      )}
      {log.data?.entries.length === 0 && <Text>{t('audit.empty')}</Text>}
      {log.data && log.data.entries.length > 0 && (
        <Table aria-label={t('tabs.audit')} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('audit.at')}</TableHeaderCell>
              <TableHeaderCell>{t('audit.actor')}</TableHeaderCell>
              <TableHeaderCell>{t('audit.action')}</TableHeaderCell>
              <TableHeaderCell>{t('audit.what')}</TableHeaderCell>
              <TableHeaderCell>{t('audit.people')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {log.data.entries.map((e) => (
              <TableRow key={e.id} data-testid="audit-row">
                <TableCell>{formatTimestamp(e.at)}</TableCell>
                <TableCell>{e.actor}</TableCell>
                <TableCell>{label(e.action)}</TableCell>
                <TableCell>
                  {what(e)}
                  {e.redacted && <span className={styles.muted}> – {t('audit.redacted')}</span>}
                </TableCell>
                <TableCell>{e.peopleCount ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {log.data && log.data.total > log.data.entries.length && (
        <Button onClick={() => setLimit((l) => Math.min(l + pageSize, 1000))} disabled={limit >= 1000}>
          {t('audit.more')}
        </Button>
      )}
    </div>
  );
}
