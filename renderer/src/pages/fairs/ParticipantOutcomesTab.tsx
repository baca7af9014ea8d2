import {
  Badge,
  Button,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client.js';
import { formatDate } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { OutcomeForm } from '../outcomes/OutcomeForm.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/** Tab "Ergebnisse" of a participant: outcomes at exit with company and source (fair or activity). */
export function ParticipantOutcomesTab({ participantId }: { participantId: number }) {
  const styles = useStyles();
  const { t } = useTranslation('outcomes');
  const notify = useNotify();
  const outcomes = useCall('outcomes.list', { participantId });

  async function remove(id: number) {
    try {
      await invoke('outcomes.delete', { id });
      outcomes.reload();
    } catch (err) {
      notify.failure(err);
    }
  }

  return (
    <div className={styles.root}>
      <OutcomeForm participantId={participantId} onSaved={outcomes.reload} />
      {outcomes.data?.length === 0 && <Text>{t('empty')}</Text>}
      {outcomes.data && outcomes.data.length > 0 && (
        <Table aria-label={t('title')} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('fields.date')}</TableHeaderCell>
              <TableHeaderCell>{t('fields.kind')}</TableHeaderCell>
              <TableHeaderCell>{t('fields.company')}</TableHeaderCell>
              <TableHeaderCell>{t('fields.source')}</TableHeaderCell>
              <TableHeaderCell />
            </TableRow>
          </TableHeader>
          <TableBody>
            {outcomes.data.map((o) => (
              <TableRow key={o.id}>
                <TableCell>{formatDate(o.date)}</TableCell>
                <TableCell>
                  {t(`kinds.${o.kind}`)}
                  {o.qualified && ` (${t('qualifiedShort')})`}
                  {o.enrollmentId === null && (
                    <Badge appearance="tint" color="warning" title={t('notAnchoredHint')} style={{ marginLeft: 8 }}>
                      {t('notAnchored')}
                    </Badge>
                  )}
                </TableCell>
                <TableCell>{o.organisationName}</TableCell>
                <TableCell>{o.sourceFairTitle ?? o.sourceActivityTitle ?? (o.sourcePlacementId ? t('placement') : '')}</TableCell>
                <TableCell>
                  <Button size="small" appearance="subtle" icon={<DeleteRegular />} aria-label={t('common:actions.remove')} onClick={() => void remove(o.id)} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
