import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Subtitle2,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableRow,
  TabList,
  Text,
  Textarea,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, SaveRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Program } from '../../../../shared/domain/programs.js';
import { reportSections, type ReportFrame, type ReportKind, type ReportSection } from '../../../../shared/domain/reports.js';
import { downloadFile, invoke } from '../../api/client.js';
import { formatEuro, formatNumber } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { PeriodPicker } from '../dashboard/PeriodPicker.js';
import type { Period } from '../dashboard/usePeriod.js';
import { ParticipantListSection } from './ParticipantListSection.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1000px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  texts: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** The program's whole runtime (until today if still open): the usual frame of a Verwendungsnachweis. */
function programPeriod(p: Program): Period {
  return { programId: p.id, from: p.startDate, to: p.endDate ?? new Date().toISOString().slice(0, 10) };
}

function yearsOf(p: Program): number[] {
  const first = Number(p.startDate.slice(0, 4));
  const last = Number((p.endDate ?? new Date().toISOString()).slice(0, 4));
  const out: number[] = [];
  for (let y = first; y <= last && out.length < 20; y++) out.push(y);
  return out;
}

/**
 * Berichte: the funding report (choose a report, program and period; preview the figures; write the Sachbericht;
 * export to Excel) and, on a tab of its own, the named participant list.
 */
export function ReportsPage() {
  const styles = useStyles();
  const { t } = useTranslation('reports');
  const [tab, setTab] = useState<'funding' | 'named'>('funding');
  return (
    <section aria-labelledby="reports-title" className={styles.page}>
      <Title2 as="h1" id="reports-title">
        {t('title')}
      </Title2>
      <TabList aria-label={t('tabs.label')} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value === 'named' ? 'named' : 'funding')}>
        <Tab value="funding">{t('tabs.funding')}</Tab>
        <Tab value="named">{t('tabs.named')}</Tab>
      </TabList>
      {tab === 'named' ? <ParticipantListSection /> : <FundingReport />}
    </section>
  );
}

function FundingReport() {
  const styles = useStyles();
  const { t } = useTranslation('reports');
  const programs = useCall('programs.list', { includeArchived: true });
  const [kind, setKind] = useState<ReportKind>('program_end');
  const [period, setPeriod] = useState<Period | null>(null);
  useEffect(() => {
    if (!period && programs.data?.[0]) setPeriod(programPeriod(programs.data[0]));
  }, [programs.data, period]);

  const program = programs.data?.find((p) => p.id === period?.programId);
  return (
    <>
      {programs.loading && !programs.data && <Spinner label={t('common:states.loading')} />}
      {programs.data && programs.data.length === 0 && <Text>{t('noPrograms')}</Text>}
      {programs.data && period && program && (
        <>
          <Field label={t('kind.label')}>
            <RadioGroup layout="horizontal" value={kind} onChange={(_, d) => {
              const k = d.value as ReportKind;
              setKind(k);
              if (k === 'program_end') setPeriod(programPeriod(program));
              else {
                const y = Number(period.to.slice(0, 4));
                setPeriod({ programId: program.id, from: `${y}-01-01`, to: `${y}-12-31` });
              }
            }}>
              <Radio value="program_end" label={t('kind.program_end')} />
              <Radio value="interim" label={t('kind.interim')} />
            </RadioGroup>
          </Field>
          {kind === 'program_end' ? (
            <PeriodPicker programs={programs.data} value={period} onChange={(p) => setPeriod(p.programId !== period.programId ? programPeriod(programs.data!.find((x) => x.id === p.programId)!) : p)} />
          ) : (
            <div className={styles.row}>
              <Field label={t('program')}>
                <Select value={String(period.programId)} onChange={(_, d) => {
                  const p = programs.data!.find((x) => x.id === Number(d.value));
                  if (p) setPeriod({ programId: p.id, from: `${yearsOf(p)[0]}-01-01`, to: `${yearsOf(p)[0]}-12-31` });
                }}>
                  {programs.data.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
                </Select>
              </Field>
              <Field label={t('year')}>
                <Select value={period.from.slice(0, 4)} onChange={(_, d) => setPeriod({ ...period, from: `${d.value}-01-01`, to: `${d.value}-12-31` })}>
                  {yearsOf(program).map((y) => <option key={y} value={y}>{y}</option>)}
                </Select>
              </Field>
            </div>
          )}
          {period.from <= period.to && <ReportBody frame={{ ...period, kind }} />}
        </>
      )}
    </>
  );
}

function ReportBody({ frame }: { frame: ReportFrame }) {
  const styles = useStyles();
  const { t } = useTranslation('reports');
  const notify = useNotify();
  const figures = useCall('dashboard.figures', { programId: frame.programId, from: frame.from, to: frame.to });
  const [exporting, setExporting] = useState(false);
  const exportNow = async () => {
    setExporting(true);
    try {
      const { handle, name } = await invoke('reports.export', frame);
      await downloadFile(handle, name);
      notify.success(t('exported', { name }));
    } catch (err) {
      notify.failure(err);
    } finally {
      setExporting(false);
    }
  };
  const f = figures.data;
  const rows: Array<[string, string]> = f
    ? [
        [t('preview.enrolled'), formatNumber(f.participants.enrolled)],
        [t('preview.active'), formatNumber(f.participants.active)],
        [t('preview.completed'), formatNumber(f.participants.completed)],
        [t('preview.dropped'), formatNumber(f.participants.dropped)],
        [t('preview.slots'), `${formatNumber(f.agh.filled)} / ${formatNumber(f.agh.slots)}`],
        [t('preview.hours'), formatNumber(f.agh.hoursX100 / 100)],
        [t('preview.compensation'), formatEuro(f.agh.compensationCents)],
        [t('preview.sessions'), formatNumber(f.activities.reduce((s, a) => s + a.sessions, 0))],
        [t('preview.attendances'), formatNumber(f.activities.reduce((s, a) => s + a.attendances, 0))],
        [t('preview.fairs'), formatNumber(f.fairs.length)],
        [t('preview.contacts'), formatNumber(f.fairs.reduce((s, x) => s + x.contacts, 0))],
        [t('preview.outcomes'), formatNumber(f.outcomes.total)],
        [t('preview.rate'), f.outcomes.rate === null ? '–' : `${formatNumber(Math.round(f.outcomes.rate * 1000) / 10)} %`],
        [t('preview.network'), formatNumber(f.network.companies + f.network.partners)],
      ]
    : [];
  return (
    <>
      <section aria-labelledby="preview-title">
        <Subtitle2 as="h2" id="preview-title">
          {t('preview.title')}
        </Subtitle2>
        {figures.error !== undefined && (
          <MessageBar intent="error">
            <MessageBarBody>{(figures.error as Error).message}</MessageBarBody>
          </MessageBar>
        )}
        {!f && figures.loading && <Spinner label={t('common:states.loading')} />}
        {f && (
          <Table aria-label={t('preview.title')} size="small" data-testid="report-preview">
            <TableBody>
              {rows.map(([label, value]) => (
                <TableRow key={label}>
                  <TableCell>{label}</TableCell>
                  <TableCell>{value}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      <div>
        <Button appearance="primary" icon={<ArrowDownloadRegular />} disabled={exporting} onClick={() => void exportNow()}>
          {exporting ? t('exporting') : t('export')}
        </Button>
      </div>
      <section aria-labelledby="texts-title" className={styles.texts}>
        <Subtitle2 as="h2" id="texts-title">
          {t('texts.title')}
        </Subtitle2>
        <Text size={200}>{t('texts.hint')}</Text>
        <NarrativeTexts frame={frame} />
      </section>
    </>
  );
}

function NarrativeTexts({ frame }: { frame: ReportFrame }) {
  const { t } = useTranslation('reports');
  const notify = useNotify();
  const texts = useCall('reports.texts', frame);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (texts.data) setDraft(Object.fromEntries(texts.data.map((x) => [x.section, x.text])));
  }, [texts.data]);
  const save = async () => {
    setSaving(true);
    try {
      await invoke('reports.saveTexts', { frame, texts: reportSections.map((section) => ({ section, text: draft[section] ?? '' })) });
      notify.success(t('texts.saved'));
      texts.reload();
    } catch (err) {
      notify.failure(err);
    } finally {
      setSaving(false);
    }
  };
  if (!texts.data) return <Spinner label={t('common:states.loading')} />;
  return (
    <>
      {reportSections.map((section: ReportSection) => (
        <Field key={section} label={t(`texts.sections.${section}`)}>
          <Textarea resize="vertical" rows={4} value={draft[section] ?? ''} onChange={(_, d) => setDraft((x) => ({ ...x, [section]: d.value }))} />
        </Field>
      ))}
      <div>
        <Button icon={<SaveRegular />} disabled={saving} onClick={() => void save()}>
          {t('texts.save')}
        </Button>
      </div>
    </>
  );
}
