import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, ArrowLeftRegular, DocumentPdfRegular, EditRegular, TableRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useNavigate, useParams } from 'react-router';
import { activityKinds, type ActivityKind } from '../../../../shared/domain/activities.js';
import { downloadFile, invoke } from '../../api/client.js';
import { formatDate } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { ActivityDialog } from './ActivityDialog.js';
import { AttendanceEditor } from './AttendanceEditor.js';
import { useNumericStyles } from '../../components/numeric.js';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalL, flexWrap: 'wrap' },
  grow: { flexGrow: 1 },
  meta: { color: tokens.colorNeutralForeground2, display: 'block', marginBottom: tokens.spacingVerticalL },
});

/** Aktivitäten: list at /aktivitaeten, one session with its attendance at /aktivitaeten/:id. */
export function ActivitiesPage() {
  return (
    <Routes>
      <Route index element={<ActivityList />} />
      <Route path=":id" element={<ActivityDetailView />} />
    </Routes>
  );
}

function ActivityList() {
  const styles = useStyles();
  const num = useNumericStyles();
  const { t } = useTranslation('activities');
  const [kind, setKind] = useState<ActivityKind | ''>('');
  const [year, setYear] = useState('');
  const list = useCall('activities.list', {
    ...(kind ? { kind } : {}),
    ...(year ? { from: `${year}-01-01`, to: `${year}-12-31`, limit: 5000 } : {}),
  });
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - 2015 }, (_, i) => String(thisYear - i));
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  return (
    <section aria-labelledby="activities-title">
      <div className={styles.header}>
        <Title2 as="h1" id="activities-title" className={styles.grow}>
          {t('title')}
        </Title2>
        <Field label={t('fields.kind')} orientation="horizontal">
          <Select value={kind} onChange={(_, d) => setKind(d.value as ActivityKind | '')}>
            <option value="">{t('allKinds')}</option>
            {activityKinds.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('year')} orientation="horizontal">
          <Select value={year} onChange={(_, d) => setYear(d.value)}>
            <option value="">{t('newest')}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
        <Button appearance="primary" icon={<AddRegular />} onClick={() => setCreating(true)}>
          {t('new')}
        </Button>
      </div>
      {list.loading && !list.data && <Spinner label={t('common:states.loading')} />}
      {list.error !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{(list.error as Error).message}</MessageBarBody>
        </MessageBar>
      )}
      {list.data?.length === 0 && <Text>{t('empty')}</Text>}
      {list.data && list.data.length > 0 && (
        <Table aria-label={t('title')} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('columns.date')}</TableHeaderCell>
              <TableHeaderCell>{t('columns.kind')}</TableHeaderCell>
              <TableHeaderCell>{t('columns.title')}</TableHeaderCell>
              <TableHeaderCell>{t('columns.mentor')}</TableHeaderCell>
              <TableHeaderCell>{t('columns.duration')}</TableHeaderCell>
              <TableHeaderCell className={num.num}>{t('columns.present')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.data.map((a) => (
              <TableRow key={a.id}>
                <TableCell>{formatDate(a.date)}</TableCell>
                <TableCell>{t(`kinds.${a.kind}`)}</TableCell>
                <TableCell>
                  <Link to={`/aktivitaeten/${a.id}`}>{a.title}</Link>
                  {a.organisationName ? ` · ${a.organisationName}` : ''}
                </TableCell>
                <TableCell>{a.mentor}</TableCell>
                <TableCell>{t('minutes', { n: a.durationMinutes })}</TableCell>
                <TableCell className={num.num}>
                  {a.counts.anwesend} / {a.counts.total}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {creating && (
        <ActivityDialog
          activity={null}
          onClose={(saved) => {
            setCreating(false);
            if (saved) navigate(`/aktivitaeten/${saved.id}`);
          }}
        />
      )}
    </section>
  );
}

function ActivityDetailView() {
  const styles = useStyles();
  const { t } = useTranslation('activities');
  const notify = useNotify();
  const id = Number(useParams().id);
  const detail = useCall('activities.get', { id });
  const [editing, setEditing] = useState(false);

  async function exportList(format: 'xlsx' | 'pdf') {
    try {
      const file = await invoke('activities.attendanceList', { id, format });
      await downloadFile(file.handle, file.name);
    } catch (err) {
      notify.failure(err);
    }
  }

  if (detail.error !== undefined) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{(detail.error as Error).message}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!detail.data) return <Spinner label={t('common:states.loading')} />;
  const a = detail.data;
  return (
    <section aria-labelledby="activity-title">
      <div className={styles.header}>
        <Link to="/aktivitaeten" aria-label={t('back')}>
          <ArrowLeftRegular />
        </Link>
        <Title2 as="h1" id="activity-title" className={styles.grow}>
          {t(`kinds.${a.kind}`)}: {a.title}
        </Title2>
        <Button icon={<EditRegular />} onClick={() => setEditing(true)}>
          {t('common:actions.edit')}
        </Button>
        <Button icon={<DocumentPdfRegular />} onClick={() => void exportList('pdf')}>
          {t('listPdf')}
        </Button>
        <Button icon={<TableRegular />} onClick={() => void exportList('xlsx')}>
          {t('listXlsx')}
        </Button>
      </div>
      <Text className={styles.meta}>
        {formatDate(a.date)} · {t('minutes', { n: a.durationMinutes })}
        {a.place ? ` · ${a.place}` : ''}
        {a.mentor ? ` · ${a.mentor}` : ''}
        {a.organisationName ? ` · ${a.organisationName}` : ''}
      </Text>
      <AttendanceEditor activity={a} onSaved={() => detail.reload()} />
      {editing && (
        <ActivityDialog
          activity={a}
          onClose={(saved) => {
            setEditing(false);
            if (saved) detail.reload();
          }}
        />
      )}
    </section>
  );
}
