import {
  Button,
  Checkbox,
  Field,
  Link,
  makeStyles,
  Select,
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
import { DateField } from '../../components/DateField.js';
import { formatDate } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import type { FollowUp } from '../../../../shared/domain/outcomes.js';
import { FollowUpDialog } from './FollowUpDialog.js';
import { todayIso } from '../../../../shared/domain/dates.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
});

/**
 * Nachbefragung: follow-ups due after exit (program's follow-up months), oldest first, and the recording of
 * their result. Open ones only by default; recorded ones can be shown to correct them.
 */
export function FollowUpList() {
  const styles = useStyles();
  const { t } = useTranslation('outcomes');
  const programs = useCall('programs.list', { includeArchived: true });
  const [programId, setProgramId] = useState('');
  const [dueBy, setDueBy] = useState(todayIso());
  const [showDone, setShowDone] = useState(false);
  const [editing, setEditing] = useState<FollowUp | null>(null);
  const list = useCall('outcomes.followUps', {
    ...(programId ? { programId: Number(programId) } : {}),
    ...(dueBy ? { dueBy } : {}),
    openOnly: !showDone,
  });
  const rows = list.data ?? [];
  return (
    <section className={styles.root} aria-labelledby="followups-title">
      <Text as="h2" id="followups-title" size={500} weight="semibold">
        {t('followUps.title')}
      </Text>
      <Text size={200}>{t('followUps.hint')}</Text>
      <div className={styles.row}>
        <Field label={t('followUps.program')}>
          <Select value={programId} onChange={(_, d) => setProgramId(d.value)}>
            <option value="">{t('followUps.allPrograms')}</option>
            {(programs.data ?? []).map((p) => (
              <option key={p.id} value={String(p.id)}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('followUps.dueBy')}>
          <DateField value={dueBy} onChange={(_, d) => setDueBy(d.value)} />
        </Field>
        <Checkbox label={t('followUps.showDone')} checked={showDone} onChange={(_, d) => setShowDone(d.checked === true)} />
      </div>
      {list.loading && !list.data && <Spinner label={t('common:states.loading')} />}
      {list.data && rows.length === 0 && <Text data-testid="followups-empty">{t('followUps.none')}</Text>}
      {rows.length > 0 && (
        <Table aria-label={t('followUps.title')} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('followUps.person')}</TableHeaderCell>
              <TableHeaderCell>{t('followUps.program')}</TableHeaderCell>
              <TableHeaderCell>{t('followUps.exitDate')}</TableHeaderCell>
              <TableHeaderCell>{t('followUps.dueOn')}</TableHeaderCell>
              <TableHeaderCell>{t('followUps.checkedOn')}</TableHeaderCell>
              <TableHeaderCell>{t('followUps.resultKind')}</TableHeaderCell>
              <TableHeaderCell />
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((f) => (
              <TableRow key={f.id} data-testid="followup-row">
                <TableCell>
                  <Link href={`#/teilnehmende/${f.participantId}/ergebnisse`}>
                    {f.lastName ?? ''}, {f.firstName ?? ''}
                  </Link>
                </TableCell>
                <TableCell>{f.programName}</TableCell>
                <TableCell>{formatDate(f.exitDate)}</TableCell>
                <TableCell>{formatDate(f.dueOn)}</TableCell>
                <TableCell>{formatDate(f.checkedOn)}</TableCell>
                <TableCell>
                  {f.resultKind ? t(`kinds.${f.resultKind}`) : ''}
                  {f.checkedOn && f.lasted !== null && ` · ${t(f.lasted ? 'followUps.held' : 'followUps.notHeld')}`}
                </TableCell>
                <TableCell>
                  <Button size="small" onClick={() => setEditing(f)} aria-label={t('followUps.recordFor', { name: `${f.lastName ?? ''}, ${f.firstName ?? ''}` })}>
                    {t(f.checkedOn ? 'followUps.change' : 'followUps.record')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editing && (
        <FollowUpDialog
          followUp={editing}
          onClose={(changed) => {
            setEditing(null);
            if (changed) list.reload();
          }}
        />
      )}
    </section>
  );
}
