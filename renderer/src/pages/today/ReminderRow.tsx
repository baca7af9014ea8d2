import { Badge, Button, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CheckmarkRegular, ClockRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Reminder } from '../../../../shared/domain/reminders.js';
import { formatDate } from '../../components/format.js';
import { settleLink } from './settleLink.js';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    flexWrap: 'wrap',
  },
  date: { minWidth: '110px' },
  text: { flexGrow: 1, display: 'flex', flexDirection: 'column', minWidth: '240px' },
  sub: { color: tokens.colorNeutralForeground2 },
});

/** One reminder: due day, what it is, the action that settles it, Erledigt and Zurückstellen. */
export function ReminderRow({
  reminder: r,
  showPerson,
  onDone,
  onSnooze,
  onFollowUp,
}: {
  reminder: Reminder;
  showPerson: boolean;
  onDone: () => void;
  onSnooze: () => void;
  onFollowUp: (id: number) => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation('today');
  const navigate = useNavigate();
  const link = settleLink(r);
  const canSettleHere = r.settle.kind === 'followUp' && r.settle.recordId !== null;
  return (
    <li className={styles.row} data-testid="reminder" data-kind={r.kind}>
      <Text className={styles.date}>
        {formatDate(r.due)}{' '}
        {r.overdue && (
          <Badge appearance="filled" color="danger">
            {t('overdue')}
          </Badge>
        )}
      </Text>
      <div className={styles.text}>
        <Text weight="semibold">{r.title}</Text>
        <Text size={200} className={styles.sub}>
          {showPerson && r.participantId !== null ? (
            <Link href={`#/teilnehmende/${r.participantId}`}>{r.participantName || `Nr. ${r.participantId}`}</Link>
          ) : (
            t(`kinds.${r.kind}`)
          )}
        </Text>
      </div>
      {link && <Button onClick={() => navigate(link)}>{t(`settle.${r.settle.kind}`)}</Button>}
      {canSettleHere && <Button onClick={() => onFollowUp(r.settle.recordId!)}>{t('settle.followUp')}</Button>}
      <Button icon={<CheckmarkRegular />} onClick={onDone}>
        {t('done')}
      </Button>
      <Button icon={<ClockRegular />} appearance="subtle" onClick={onSnooze}>
        {t('snooze')}
      </Button>
    </li>
  );
}
