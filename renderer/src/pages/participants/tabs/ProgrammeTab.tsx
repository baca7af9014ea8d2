import {
  Badge,
  Button,
  makeStyles,
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
import { AddRegular, EditRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Enrollment } from '../../../../../shared/domain/enrollments.js';
import { formatDate } from '../../../components/format.js';
import { useCall } from '../../../components/useCall.js';
import { EnrollDialog } from '../EnrollDialog.js';
import { EnrollmentEditDialog } from '../EnrollmentEditDialog.js';
import { EntrySnapshots } from '../EntrySnapshot.js';
import type { ParticipantTabProps } from './types.js';

const useStyles = makeStyles({
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: tokens.spacingVerticalM },
  reason: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Programme: the person's enrollments with status, dates and the stored eligibility reason; enrol and edit. */
export function ProgrammeTab({ participant }: ParticipantTabProps) {
  const styles = useStyles();
  const { t } = useTranslation('participants');
  const list = useCall('enrollments.list', { participantId: participant.id });
  const [enrolling, setEnrolling] = useState(false);
  const [editing, setEditing] = useState<Enrollment | null>(null);

  return (
    <div>
      <div className={styles.header}>
        <Text as="h2" size={500} weight="semibold">
          {t('enrollments.title')}
        </Text>
        <Button appearance="primary" icon={<AddRegular />} onClick={() => setEnrolling(true)}>
          {t('enrollments.enrol')}
        </Button>
      </div>
      {list.loading && !list.data && <Spinner label={t('common:states.loading')} />}
      {list.data && list.data.length === 0 && <Text>{t('enrollments.none')}</Text>}
      {list.data && list.data.length > 0 && (
        <Table aria-label={t('enrollments.title')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('enrollments.program')}</TableHeaderCell>
              <TableHeaderCell>{t('enrollments.status')}</TableHeaderCell>
              <TableHeaderCell>{t('enrollments.appliedOn')}</TableHeaderCell>
              <TableHeaderCell>{t('enrollments.startDate')}</TableHeaderCell>
              <TableHeaderCell>{t('enrollments.endDate')}</TableHeaderCell>
              <TableHeaderCell>{t('enrollments.eligibility')}</TableHeaderCell>
              <TableHeaderCell aria-label={t('common:actions.edit')} />
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.data.map((e) => (
              <TableRow key={e.id} data-testid={`enrollment-row-${e.id}`}>
                <TableCell>{e.programName}</TableCell>
                <TableCell>
                  {t(`enrollments.statuses.${e.status}`)}
                  {e.exitReason && <div className={styles.muted}>{e.exitReason}</div>}
                </TableCell>
                <TableCell>{formatDate(e.appliedOn)}</TableCell>
                <TableCell>{formatDate(e.startDate)}</TableCell>
                <TableCell>{formatDate(e.endDate)}</TableCell>
                <TableCell>
                  <div className={styles.reason}>
                    <Badge color={e.eligible ? 'success' : 'danger'} appearance="tint">
                      {t(e.eligible ? 'enrollments.eligible' : 'enrollments.notEligible')}
                    </Badge>
                    <Text size={200}>{e.eligibilityReason}</Text>
                    {e.overrideReason && <Text size={200}>{t('enrollments.override', { reason: e.overrideReason })}</Text>}
                  </div>
                </TableCell>
                <TableCell>
                  <Button
                    appearance="subtle"
                    icon={<EditRegular />}
                    aria-label={t('enrollments.edit', { program: e.programName })}
                    onClick={() => setEditing(e)}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {list.data && <EntrySnapshots enrollments={list.data} onChanged={list.reload} />}
      {enrolling && (
        <EnrollDialog
          participantId={participant.id}
          onClose={(changed) => {
            setEnrolling(false);
            if (changed) list.reload();
          }}
        />
      )}
      {editing && (
        <EnrollmentEditDialog
          enrollment={editing}
          onClose={(changed) => {
            setEditing(null);
            if (changed) list.reload();
          }}
        />
      )}
    </div>
  );
}
