import { Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';

/** Tab "Aktivitäten" of a participant: sessions with status and the hours attended. */
export function ParticipantActivitiesTab({ participantId }: { participantId: number }) {
  const { t } = useTranslation('activities');
  const data = useCall('activities.forParticipant', { participantId });
  if (!data.data) return <Spinner size="small" label={t('common:states.loading')} />;
  const d = data.data;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Text data-testid="participant-activity-hours">
        {t('participant.summary', { sessions: d.sessionsPresent, hours: formatNumber(d.hoursPresentX100 / 100) })}
      </Text>
      {d.sessions.length === 0 ? (
        <Text>{t('participant.none')}</Text>
      ) : (
        <Table aria-label={t('title')} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('columns.date')}</TableHeaderCell>
              <TableHeaderCell>{t('columns.kind')}</TableHeaderCell>
              <TableHeaderCell>{t('columns.title')}</TableHeaderCell>
              <TableHeaderCell>{t('columns.duration')}</TableHeaderCell>
              <TableHeaderCell>{t('columns.status')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {d.sessions.map((s) => (
              <TableRow key={s.activityId}>
                <TableCell>{formatDate(s.date)}</TableCell>
                <TableCell>{t(`kinds.${s.kind}`)}</TableCell>
                <TableCell>{s.title}</TableCell>
                <TableCell>{t('minutes', { n: s.durationMinutes })}</TableCell>
                <TableCell>{t(`status.${s.status}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
