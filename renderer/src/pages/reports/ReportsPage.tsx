import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
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
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Program } from '../../../../shared/domain/programs.js';
import { reportSections, type Figures, type ReportFrame, type ReportKind, type ReportSection } from '../../../../shared/domain/reports.js';
import { ApiError, downloadFile, invoke } from '../../api/client.js';
import { formatDate, formatEuro, formatNumber } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { PeriodPicker } from '../dashboard/PeriodPicker.js';
import { formatShare, TargetsSection } from '../dashboard/TargetsSection.js';
import type { Period } from '../dashboard/usePeriod.js';
import { FollowUpList } from '../outcomes/FollowUpList.js';
import { ChecksPanel } from './ChecksPanel.js';
import { currentYear, isoDay, isRunning, programPeriod, yearFrame, yearsOf } from './reportPeriods.js';
import { ParticipantListSection } from './ParticipantListSection.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1000px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  texts: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

type Tab = 'funding' | 'named' | 'followups';
const tabs: Tab[] = ['funding', 'named', 'followups'];

/**
 * Berichte: the funding report (choose a report, program and period; check and preview the figures; write the
 * Sachbericht; export to Excel), the named participant list, and the follow-ups due after exit.
 */
export function ReportsPage() {
  const styles = useStyles();
  const { t } = useTranslation('reports');
  const [params, setParams] = useSearchParams();
  const tab = tabs.find((x) => x === params.get('tab')) ?? 'funding';
  return (
    <section aria-labelledby="reports-title" className={styles.page}>
      <Title2 as="h1" id="reports-title">
        {t('title')}
      </Title2>
      <TabList
        aria-label={t('tabs.label')}
        selectedValue={tab}
        onTabSelect={(_, d) => {
          const next = new URLSearchParams(params);
          next.set('tab', String(d.value));
          setParams(next, { replace: true });
        }}
      >
        <Tab value="funding">{t('tabs.funding')}</Tab>
        <Tab value="named">{t('tabs.named')}</Tab>
        <Tab value="followups">{t('tabs.followups')}</Tab>
      </TabList>
      {tab === 'named' && <ParticipantListSection />}
      {tab === 'followups' && <FollowUpList />}
      {tab === 'funding' && <FundingReport />}
    </section>
  );
}

/**
 * Kind, program and period live in the URL, so coming back from a record opened in the Prüfung shows the same
 * report again.
 */
function useReportFrame(programs: Program[] | undefined) {
  const [params, setParams] = useSearchParams();
  let frame: (Period & { kind: ReportKind }) | null = null;
  const program = programs?.find((p) => p.id === Number(params.get('programId'))) ?? programs?.[0];
  if (program) {
    const kind: ReportKind = params.get('kind') === 'interim' || params.get('kind') === 'program_end'
      ? (params.get('kind') as ReportKind)
      : isRunning(program) ? 'interim' : 'program_end';
    const d = kind === 'program_end' ? programPeriod(program) : yearFrame(program, currentYear(program));
    const from = params.get('from') ?? '';
    const to = params.get('to') ?? '';
    frame = { programId: program.id, kind, from: isoDay.test(from) ? from : d.from, to: isoDay.test(to) ? to : d.to };
  }
  const set = (f: Period & { kind: ReportKind }) => {
    const next = new URLSearchParams(params);
    next.set('programId', String(f.programId));
    next.set('kind', f.kind);
    next.set('from', f.from);
    next.set('to', f.to);
    setParams(next, { replace: true });
  };
  return [frame, set, program] as const;
}

function FundingReport() {
  const styles = useStyles();
  const { t } = useTranslation('reports');
  const programs = useCall('programs.list', { includeArchived: true });
  const [frame, setFrame, program] = useReportFrame(programs.data);
  // a Verwendungsnachweis of a running program is only made after an explicit yes, remembered per program
  const [confirmedFor, setConfirmedFor] = useState<number | null>(null);
  const [asking, setAsking] = useState<null | (() => void)>(null);

  const chooseKind = (k: ReportKind) => {
    if (!program || !frame) return;
    const apply = () =>
      setFrame({ ...(k === 'program_end' ? programPeriod(program) : yearFrame(program, Number(frame.to.slice(0, 4)))), kind: k });
    if (k === 'program_end' && isRunning(program) && confirmedFor !== program.id) {
      setAsking(() => () => {
        setConfirmedFor(program.id);
        apply();
      });
    } else apply();
  };

  return (
    <>
      {programs.loading && !programs.data && <Spinner label={t('common:states.loading')} />}
      {programs.data && programs.data.length === 0 && <Text>{t('noPrograms')}</Text>}
      {programs.data && frame && program && (
        <>
          <Field label={t('kind.label')}>
            <RadioGroup layout="horizontal" value={frame.kind} onChange={(_, d) => chooseKind(d.value as ReportKind)}>
              <Radio value="interim" label={t('kind.interim')} />
              <Radio value="program_end" label={t('kind.program_end')} />
            </RadioGroup>
          </Field>
          {frame.kind === 'program_end' ? (
            <PeriodPicker
              programs={programs.data}
              value={frame}
              onChange={(p) => {
                const next = programs.data!.find((x) => x.id === p.programId)!;
                if (p.programId === frame.programId) return setFrame({ ...p, kind: 'program_end' });
                // another program: its whole runtime, and a running one falls back to the Zwischennachweis
                setFrame(isRunning(next) && confirmedFor !== next.id ? { ...yearFrame(next, currentYear(next)), kind: 'interim' } : { ...programPeriod(next), kind: 'program_end' });
              }}
            />
          ) : (
            <div className={styles.row}>
              <Field label={t('program')}>
                <Select value={String(frame.programId)} onChange={(_, d) => {
                  const p = programs.data!.find((x) => x.id === Number(d.value));
                  if (p) setFrame({ ...yearFrame(p, currentYear(p)), kind: 'interim' });
                }}>
                  {programs.data.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
                </Select>
              </Field>
              <Field label={t('year')}>
                <Select value={frame.from.slice(0, 4)} onChange={(_, d) => setFrame({ ...yearFrame(program, Number(d.value)), kind: 'interim' })}>
                  {yearsOf(program).map((y) => <option key={y} value={y}>{y}</option>)}
                </Select>
              </Field>
            </div>
          )}
          {frame.kind === 'program_end' && isRunning(program) && (
            <MessageBar intent="warning" data-testid="running-notice">
              <MessageBarBody>{t('kind.runningNotice', { name: program.name })}</MessageBarBody>
            </MessageBar>
          )}
          {frame.from <= frame.to && (
            <ReportBody
              frame={{ ...frame, confirmRunning: confirmedFor === program.id }}
              needsConfirm={frame.kind === 'program_end' && isRunning(program) && confirmedFor !== program.id}
              askConfirm={(then) => setAsking(() => () => {
                setConfirmedFor(program.id);
                then();
              })}
            />
          )}
          {asking && (
            <ConfirmRunningDialog
              program={program}
              onAnswer={(yes) => {
                const go = asking;
                setAsking(null);
                if (yes) go();
              }}
            />
          )}
        </>
      )}
    </>
  );
}

/** Asks before a Verwendungsnachweis (program end) is made for a program that has not ended yet. */
function ConfirmRunningDialog({ program, onAnswer }: { program: Program; onAnswer: (yes: boolean) => void }) {
  const { t } = useTranslation('reports');
  return (
    <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && onAnswer(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('confirmRunning.title')}</DialogTitle>
          <DialogContent>
            {program.endDate
              ? t('confirmRunning.bodyUntil', { name: program.name, end: formatDate(program.endDate) })
              : t('confirmRunning.bodyOpen', { name: program.name })}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => onAnswer(false)}>{t('confirmRunning.no')}</Button>
            <Button appearance="primary" onClick={() => onAnswer(true)}>
              {t('confirmRunning.yes')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function ReportBody({ frame, needsConfirm, askConfirm }: { frame: ReportFrame; needsConfirm: boolean; askConfirm: (then: () => void) => void }) {
  const styles = useStyles();
  const { t } = useTranslation('reports');
  const notify = useNotify();
  const query = { programId: frame.programId, from: frame.from, to: frame.to };
  const figures = useCall('dashboard.figures', query);
  const [exporting, setExporting] = useState(false);
  const exportNow = async (confirmRunning: boolean) => {
    setExporting(true);
    try {
      const { handle, name } = await invoke('reports.export', { ...frame, confirmRunning });
      await downloadFile(handle, name);
      notify.success(t('exported', { name }));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'program_running') askConfirm(() => void exportNow(true));
      else notify.failure(err);
    } finally {
      setExporting(false);
    }
  };
  const f = figures.data;
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
        {f && <PreviewTable f={f} />}
        {f && f.targets.length > 0 && <TargetsSection targets={f.targets} />}
      </section>
      <ChecksPanel frame={query} />
      <div>
        <Button
          appearance="primary"
          icon={<ArrowDownloadRegular />}
          disabled={exporting}
          onClick={() => (needsConfirm ? askConfirm(() => void exportNow(true)) : void exportNow(frame.confirmRunning ?? false))}
        >
          {exporting ? t('exporting') : t('export')}
        </Button>
      </div>
      <section aria-labelledby="texts-title" className={styles.texts}>
        <Subtitle2 as="h2" id="texts-title">
          {t('texts.title')}
        </Subtitle2>
        <Text size={200}>{t('texts.hint')}</Text>
        <NarrativeTexts key={JSON.stringify(frame)} frame={frame} />
      </section>
    </>
  );
}

/** The figures the workbook will hold, from the same computation; AGH and fair rows only where there is such work. */
function PreviewTable({ f }: { f: Figures }) {
  const { t } = useTranslation('reports');
  const hasAgh = f.agh.slots > 0 || f.agh.placements > 0;
  const sum = (pick: (a: Figures['activities'][number]) => number) => f.activities.reduce((s, a) => s + pick(a), 0);
  const rows: Array<[string, string] | false> = [
    [t('preview.enrolled'), formatNumber(f.participants.total)],
    [t('preview.entered'), formatNumber(f.participants.entered)],
    [t('preview.active'), formatNumber(f.participants.active)],
    [t('preview.completed'), formatNumber(f.participants.completed)],
    [t('preview.dropped'), formatNumber(f.participants.dropped)],
    [t('preview.overrides'), formatNumber(f.participants.overrides)],
    hasAgh && [t('preview.slots'), `${formatNumber(f.agh.filled)} / ${formatNumber(f.agh.slots)}`],
    hasAgh && [t('preview.aghPeople'), formatNumber(f.agh.people)],
    hasAgh && [t('preview.hours'), formatNumber(f.agh.hoursX100 / 100)],
    hasAgh && [t('preview.compensation'), formatEuro(f.agh.compensationCents)],
    sum((a) => a.sessions) > 0 && [t('preview.sessions'), formatNumber(sum((a) => a.sessions))],
    sum((a) => a.sessions) > 0 && [t('preview.attendances'), formatNumber(sum((a) => a.attendances))],
    f.fairs.length > 0 && [t('preview.fairs'), formatNumber(f.fairs.length)],
    f.fairs.length > 0 && [t('preview.presentParticipants'), formatNumber(f.fairs.reduce((s, x) => s + x.presentParticipants, 0))],
    f.fairs.length > 0 && [t('preview.visitors'), formatNumber(f.visitors.present)],
    f.fairs.length > 0 && [t('preview.contacts'), formatNumber(f.fairs.reduce((s, x) => s + x.contacts, 0))],
    [t('preview.outcomes'), formatNumber(f.outcomes.people)],
    [t('preview.rate'), `${formatShare(f.outcomes.success.rate)} (${f.outcomes.success.definition})`],
    [t('preview.companies'), formatNumber(f.network.companies)],
    [t('preview.partners'), formatNumber(f.network.partners)],
    [t('preview.employersSupported'), formatNumber(f.network.employersSupported)],
  ];
  return (
    <Table aria-label={t('preview.title')} size="small" data-testid="report-preview">
      <TableBody>
        {rows.filter((r): r is [string, string] => r !== false).map(([label, value]) => (
          <TableRow key={label}>
            <TableCell>{label}</TableCell>
            <TableCell>{value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * The Sachbericht of one frame. Mounted per frame (keyed by it) and shown only once that frame's texts are loaded:
 * texts arriving for a new period must never replace what the user has typed meanwhile (issue 19: a text saved
 * right before the export was missing from the workbook), and a reload after saving leaves the draft alone.
 */
function NarrativeTexts({ frame }: { frame: ReportFrame }) {
  const { t } = useTranslation('reports');
  const notify = useNotify();
  const texts = useCall('reports.texts', frame);
  const [draft, setDraft] = useState<Record<string, string> | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (texts.data) setDraft((d) => d ?? Object.fromEntries(texts.data!.map((x) => [x.section, x.text])));
  }, [texts.data]);
  const save = async () => {
    setSaving(true);
    try {
      await invoke('reports.saveTexts', { frame, texts: reportSections.map((section) => ({ section, text: draft?.[section] ?? '' })) });
      notify.success(t('texts.saved'));
    } catch (err) {
      notify.failure(err);
    } finally {
      setSaving(false);
    }
  };
  if (draft === null) return <Spinner label={t('common:states.loading')} />;
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
