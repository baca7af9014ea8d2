import {
  Card,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
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
import { useTranslation } from 'react-i18next';
import { Route, Routes, useNavigate } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DrilldownFigure, Figures } from '../../../../shared/domain/reports.js';
import { formatDate, formatEuro, formatMonth, formatNumber } from '../../components/format.js';
import { NumberLink, useNumericStyles } from '../../components/numeric.js';
import { useCall } from '../../components/useCall.js';
import { DrilldownList } from './DrilldownList.js';
import { formatShare, TargetsSection } from './TargetsSection.js';
import { PeriodPicker } from './PeriodPicker.js';
import { usePeriod, type Period } from './usePeriod.js';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalL },
  cards: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))', gap: tokens.spacingHorizontalM },
  card: { cursor: 'pointer' },
  // in link colour: a card opens the records behind its number
  value: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero700, color: tokens.colorBrandForegroundLink },
  section: { marginTop: tokens.spacingVerticalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  chart: { width: '100%', height: '280px' },
  breakdown: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: tokens.spacingHorizontalXL },
  note: { marginTop: tokens.spacingVerticalS },
  // columns as wide as their headings need: with equal columns "Aufwandsentschädigung" ran into "Stunden" at 1366 px
  autoTable: { tableLayout: 'auto' },
});

/** Übersicht: key figures, communes, fairs, outcomes and trend; every figure clicks through to its records. */
export function DashboardPage() {
  return (
    <Routes>
      <Route index element={<Overview />} />
      <Route path="liste" element={<DrilldownList />} />
    </Routes>
  );
}

function Overview() {
  const styles = useStyles();
  const { t } = useTranslation('dashboard');
  const programs = useCall('programs.list', { includeArchived: false });
  const [period, setPeriod] = usePeriod(programs.data);
  return (
    <section aria-labelledby="dashboard-title">
      <div className={styles.header}>
        <Title2 as="h1" id="dashboard-title">
          {t('title')}
        </Title2>
        {programs.data && period && <PeriodPicker programs={programs.data} value={period} onChange={setPeriod} />}
      </div>
      {programs.loading && !programs.data && <Spinner label={t('common:states.loading')} />}
      {programs.data && programs.data.length === 0 && <Text>{t('noPrograms')}</Text>}
      {period && period.from <= period.to && <FiguresView period={period} />}
    </section>
  );
}

function FiguresView({ period }: { period: Period }) {
  const styles = useStyles();
  const num = useNumericStyles();
  const { t } = useTranslation('dashboard');
  const navigate = useNavigate();
  const figures = useCall('dashboard.figures', period);
  const drill = (figure: DrilldownFigure, key?: string, label?: string) => {
    const q = new URLSearchParams({ programId: String(period.programId), from: period.from, to: period.to, figure });
    if (key !== undefined) q.set('key', key);
    if (label) q.set('label', label);
    void navigate(`/uebersicht/liste?${q.toString()}`);
  };
  if (figures.error !== undefined) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{(figures.error as Error).message}</MessageBarBody>
      </MessageBar>
    );
  }
  const f = figures.data;
  if (!f) return <Spinner label={t('common:states.loading')} />;
  const hasAgh = f.agh.slots > 0 || f.agh.placements > 0;
  const sessions = f.activities.reduce((n, a) => n + a.sessions, 0);
  const attendances = f.activities.reduce((n, a) => n + a.attendances, 0);
  const success = f.outcomes.success;
  const cards: KeyFigure[] = [
    { id: 'enrolled', label: t('cards.enrolled'), value: formatNumber(f.participants.total), figure: 'enrolled' },
    { id: 'entered', label: t('cards.entered'), value: formatNumber(f.participants.entered), figure: 'entered' },
    { id: 'active', label: t('cards.active'), value: formatNumber(f.participants.active), figure: 'active' },
    { id: 'completed', label: t('cards.completed'), value: formatNumber(f.participants.completed), figure: 'completed' },
    { id: 'dropped', label: t('cards.dropped'), value: formatNumber(f.participants.dropped), figure: 'dropped' },
    ...(f.participants.overrides > 0
      ? [{ id: 'overrides', label: t('cards.overrides'), value: formatNumber(f.participants.overrides), figure: 'overrides' } as const]
      : []),
    ...(hasAgh
      ? ([
          { id: 'filled', label: t('cards.filled'), value: `${formatNumber(f.agh.filled)} / ${formatNumber(f.agh.slots)}`, figure: 'filled' },
          { id: 'placements', label: t('cards.placements'), value: formatNumber(f.agh.placements), figure: 'placements' },
          { id: 'aghPeople', label: t('cards.aghPeople'), value: formatNumber(f.agh.people), figure: 'aghPeople' },
        ] as const)
      : []),
    ...(sessions > 0 || attendances > 0
      ? ([
          { id: 'sessions', label: t('cards.sessions'), value: formatNumber(sessions) },
          { id: 'attendances', label: t('cards.attendances'), value: formatNumber(attendances) },
        ] as const)
      : []),
    ...(f.fairs.length > 0
      ? ([
          { id: 'fairs', label: t('cards.fairs'), value: formatNumber(f.fairs.length) },
          { id: 'visitors', label: t('cards.visitors'), value: formatNumber(f.visitors.present), figure: 'visitors' },
        ] as const)
      : []),
    { id: 'outcomes', label: t('cards.outcomes'), value: formatNumber(f.outcomes.people), figure: 'outcomes' },
    { id: 'rate', label: t('cards.rate'), value: formatShare(success.rate), figure: 'outcomePeople', note: t('cards.rateOf', { n: formatNumber(success.count), of: formatNumber(f.participants.exited) }) },
    { id: 'employersSupported', label: t('cards.employersSupported'), value: formatNumber(f.network.employersSupported), figure: 'employersSupported' },
  ];
  const communes = f.communes.map((c) => ({ ...c, free: Math.max(c.slots - c.filled, 0) }));
  // AGH sites: communes with slots or placements; a place people only live in has no bar pair here
  const sites = communes.filter((c) => c.communeId !== null && (c.slots > 0 || c.filled > 0 || c.waiting > 0));
  const outcomeRows = f.outcomes.byKind.filter((o) => o.count > 0);
  return (
    <div>
      <div className={styles.cards} role="list" aria-label={t('cards.label')}>
        {cards.map((c) => (
          <Card
            key={c.id}
            role="listitem"
            className={c.figure ? styles.card : undefined}
            data-testid={`card-${c.id}`}
            onClick={() => c.figure && drill(c.figure)}
            onKeyDown={(e) => c.figure && (e.key === 'Enter' || e.key === ' ') && drill(c.figure)}
            tabIndex={c.figure ? 0 : undefined}
            aria-label={`${c.label}: ${c.value}`}
          >
            <Text>{c.label}</Text>
            <span className={styles.value}>{c.value}</span>
            {c.note && <Text size={200}>{c.note}</Text>}
          </Card>
        ))}
      </div>
      <Text size={200} block className={styles.note} data-testid="success-definition">
        {t('successDefinition', { definition: success.definition })}
      </Text>
      {hasAgh && (
        <Text size={200} block data-testid="agh-summary">
          {t('aghSummary', { hours: formatNumber(f.agh.hoursX100 / 100), euro: formatEuro(f.agh.compensationCents) })}
        </Text>
      )}

      <TargetsSection targets={f.targets} />

      <section className={styles.section} aria-labelledby="communes-title">
        <Subtitle2 as="h2" id="communes-title">
          {t(hasAgh ? 'communes.title' : 'communes.titleResidence')}
        </Subtitle2>
        <Text size={200}>{t(hasAgh ? 'communes.hint' : 'communes.hintResidence')}</Text>
        <div className={styles.chart} data-testid="communes-chart">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={communes}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="name" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Bar isAnimationActive={false} dataKey="participants" name={t('communes.participants')} fill="#0f6cbd" cursor="pointer"
                onClick={(_d, i) => communes[i] && drill('commune', communes[i].key, communes[i].name)} />
            </BarChart>
          </ResponsiveContainer>
        </div>
        {/* AGH slots on their own axis: beside thousands of residents, 15 slots would be a line on the floor */}
        {hasAgh && (
          <>
            <Text weight="semibold">{t('communes.aghChart')}</Text>
            <div className={styles.chart} data-testid="agh-chart">
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={sites}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="name" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  <Bar isAnimationActive={false} dataKey="filled" name={t('communes.filled')} fill="#107c10" cursor="pointer"
                    onClick={(_d, i) => sites[i] && drill('filled', sites[i].key, sites[i].name)} />
                  <Bar isAnimationActive={false} dataKey="slots" name={t('communes.slots')} fill="#8a8886" />
                </BarChart>
              </ResponsiveContainer>
            </div>
          </>
        )}
        <Table aria-label={t('communes.title')} size="small" className={styles.autoTable}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('communes.commune')}</TableHeaderCell>
              <TableHeaderCell className={num.num}>{t('communes.participants')}</TableHeaderCell>
              {hasAgh && (
                <>
                  <TableHeaderCell className={num.num}>{t('communes.slots')}</TableHeaderCell>
                  <TableHeaderCell className={num.num}>{t('communes.filled')}</TableHeaderCell>
                  <TableHeaderCell className={num.num}>{t('communes.free')}</TableHeaderCell>
                  <TableHeaderCell className={num.num}>{t('communes.waiting')}</TableHeaderCell>
                  <TableHeaderCell className={num.num}>{t('communes.hours')}</TableHeaderCell>
                  <TableHeaderCell className={num.num}>{t('communes.compensation')}</TableHeaderCell>
                </>
              )}
            </TableRow>
          </TableHeader>
          <TableBody>
            {communes.map((c) => (
              <TableRow key={c.key} data-testid={`commune-row-${c.key}`}>
                <TableCell>{c.name}</TableCell>
                <TableCell className={num.num}>
                  <NumberLink aria-label={t('communes.showParticipants', { name: c.name })}
                    onClick={() => drill('commune', c.key, c.name)}>
                    {formatNumber(c.participants)}
                  </NumberLink>
                </TableCell>
                {hasAgh && (
                  <>
                    <TableCell className={num.num}>{formatNumber(c.slots)}</TableCell>
                    <TableCell className={num.num}>
                      {c.communeId !== null ? (
                        <NumberLink aria-label={t('communes.showFilled', { name: c.name })}
                          onClick={() => drill('filled', c.key, c.name)}>
                          {formatNumber(c.filled)}
                        </NumberLink>
                      ) : (
                        '–'
                      )}
                    </TableCell>
                    <TableCell className={num.num}>{formatNumber(c.free)}</TableCell>
                    <TableCell className={num.num}>{formatNumber(c.waiting)}</TableCell>
                    <TableCell className={num.num}>{formatNumber(c.hoursX100 / 100)}</TableCell>
                    <TableCell className={num.num}>{formatEuro(c.compensationCents)}</TableCell>
                  </>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>

      <BreakdownSection f={f} drill={drill} />

      {f.fairs.length > 0 && <FairsSection f={f} drill={drill} />}

      <section className={styles.section} aria-labelledby="outcomes-title">
        <Subtitle2 as="h2" id="outcomes-title">
          {t('outcomes.title')}
        </Subtitle2>
        {outcomeRows.length === 0 ? (
          <Text>{t('outcomes.none')}</Text>
        ) : (
          <Table aria-label={t('outcomes.title')} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('outcomes.kind')}</TableHeaderCell>
                <TableHeaderCell className={num.num}>{t('outcomes.count')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {outcomeRows.map((o) => (
                <TableRow key={o.key}>
                  <TableCell>{t(`outcomeKinds.${o.key}`, { defaultValue: o.label })}</TableCell>
                  <TableCell className={num.num}>
                    <NumberLink onClick={() => drill('outcomes', o.key, t(`outcomeKinds.${o.key}`, { defaultValue: o.label }))}>
                      {formatNumber(o.count)}
                    </NumberLink>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <section className={styles.section} aria-labelledby="trend-title">
        <Subtitle2 as="h2" id="trend-title">
          {t('trend.title')}
        </Subtitle2>
        <div className={styles.chart}>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={f.trend}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="month" tickFormatter={formatMonth} />
              <YAxis allowDecimals={false} />
              <Tooltip labelFormatter={(m) => formatMonth(String(m))} />
              <Legend />
              <Line isAnimationActive={false} dataKey="started" name={t('trend.started')} stroke="#0f6cbd" />
              <Line isAnimationActive={false} dataKey="exited" name={t('trend.exited')} stroke="#c50f1f" />
              <Line isAnimationActive={false} dataKey="outcomes" name={t('trend.outcomes')} stroke="#107c10" />
              <Line isAnimationActive={false} dataKey="attendances" name={t('trend.attendances')} stroke="#8764b8" />
            </LineChart>
          </ResponsiveContainer>
        </div>
      </section>
    </div>
  );
}

type Drill = (figure: DrilldownFigure, key?: string, label?: string) => void;

/** A key figure; without a figure it is shown but not clickable (no record list behind it). */
interface KeyFigure {
  id: string;
  label: string;
  value: string;
  figure?: DrilldownFigure;
  note?: string;
}

/** Who the program reaches: the period's people by gender, age group, nationality, status and German level. */
function BreakdownSection({ f, drill }: { f: Figures; drill: Drill }) {
  const styles = useStyles();
  const num = useNumericStyles();
  const { t } = useTranslation('dashboard');
  const groups: Array<{ figure: DrilldownFigure; rows: Figures['byGender'] }> = [
    { figure: 'gender', rows: f.byGender },
    { figure: 'ageGroup', rows: f.byAgeGroup },
    { figure: 'nationality', rows: f.byNationality },
    { figure: 'residenceStatus', rows: f.byResidenceStatus },
    { figure: 'residenceGroup', rows: f.byResidenceGroup },
    { figure: 'germanLevel', rows: f.byGermanLevel },
  ];
  const label = (figure: DrilldownFigure, key: string, fallback: string) =>
    key === 'keine_angabe' ? t('noValue') : t(`keys.${figure}.${key}`, { defaultValue: fallback });
  return (
    <section className={styles.section} aria-labelledby="breakdown-title">
      <Subtitle2 as="h2" id="breakdown-title">
        {t('breakdown.title')}
      </Subtitle2>
      <div className={styles.breakdown}>
        {groups.map((g) => (
          <Table key={g.figure} aria-label={t(`list.figures.${g.figure}`)} size="extra-small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t(`list.figures.${g.figure}`)}</TableHeaderCell>
                <TableHeaderCell className={num.num}>{t('outcomes.count')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {g.rows.map((r) => (
                <TableRow key={r.key}>
                  <TableCell>{label(g.figure, r.key, r.label)}</TableCell>
                  <TableCell className={num.num}>
                    <NumberLink disabled={r.count === 0}
                      onClick={() => drill(g.figure, r.key, label(g.figure, r.key, r.label))}>
                      {formatNumber(r.count)}
                    </NumberLink>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ))}
      </div>
    </section>
  );
}

function FairsSection({ f, drill }: { f: Figures; drill: Drill }) {
  const styles = useStyles();
  const num = useNumericStyles();
  const { t } = useTranslation('dashboard');
  return (
    <section className={styles.section} aria-labelledby="fairs-title">
      <Subtitle2 as="h2" id="fairs-title">
        {t('fairs.title')}
      </Subtitle2>
      <Text size={200}>{t('fairs.hint', { visitors: formatNumber(f.visitors.people) })}</Text>
      {f.fairs.length === 0 ? (
        <Text>{t('fairs.none')}</Text>
      ) : (
        <>
          <div className={styles.chart}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={f.fairs}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="date" tickFormatter={(d: string) => formatDate(d)} />
                <YAxis allowDecimals={false} />
                <Tooltip labelFormatter={(d) => formatDate(String(d))} />
                <Legend />
                <Bar isAnimationActive={false} dataKey="registered" name={t('fairs.registered')} fill="#0f6cbd" cursor="pointer"
                  onClick={(_d, i) => f.fairs[i] && drill('fairRegistered', String(f.fairs[i].fairId), f.fairs[i].title)} />
                <Bar isAnimationActive={false} dataKey="presentParticipants" name={t('fairs.presentParticipants')} fill="#107c10" cursor="pointer"
                  onClick={(_d, i) => f.fairs[i] && drill('fairPresentParticipants', String(f.fairs[i].fairId), f.fairs[i].title)} />
                <Bar isAnimationActive={false} dataKey="presentVisitors" name={t('fairs.presentVisitors')} fill="#8764b8" cursor="pointer"
                  onClick={(_d, i) => f.fairs[i] && drill('fairPresentVisitors', String(f.fairs[i].fairId), f.fairs[i].title)} />
                <Bar isAnimationActive={false} dataKey="contacts" name={t('fairs.contacts')} fill="#ca5010" />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <Table aria-label={t('fairs.title')} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('fairs.fair')}</TableHeaderCell>
                <TableHeaderCell className={num.num}>{t('fairs.companies')}</TableHeaderCell>
                <TableHeaderCell className={num.num}>{t('fairs.registered')}</TableHeaderCell>
                <TableHeaderCell className={num.num}>{t('fairs.presentParticipants')}</TableHeaderCell>
                <TableHeaderCell className={num.num}>{t('fairs.presentVisitors')}</TableHeaderCell>
                <TableHeaderCell className={num.num}>{t('fairs.contacts')}</TableHeaderCell>
                <TableHeaderCell className={num.num}>{t('fairs.later')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {f.fairs.map((x) => (
                <TableRow key={x.fairId}>
                  <TableCell>{x.title}</TableCell>
                  <TableCell className={num.num}>{formatNumber(x.companies)}</TableCell>
                  <TableCell className={num.num}>
                    <NumberLink onClick={() => drill('fairRegistered', String(x.fairId), x.title)}>
                      {formatNumber(x.registered)}
                    </NumberLink>
                  </TableCell>
                  <TableCell className={num.num}>
                    <NumberLink aria-label={`${t('fairs.presentParticipants')}: ${x.title}`}
                      onClick={() => drill('fairPresentParticipants', String(x.fairId), x.title)}>
                      {formatNumber(x.presentParticipants)}
                    </NumberLink>
                  </TableCell>
                  <TableCell className={num.num}>
                    <NumberLink aria-label={`${t('fairs.presentVisitors')}: ${x.title}`}
                      onClick={() => drill('fairPresentVisitors', String(x.fairId), x.title)}>
                      {formatNumber(x.presentVisitors)}
                    </NumberLink>
                  </TableCell>
                  <TableCell className={num.num}>
                    <NumberLink onClick={() => drill('fairContacts', String(x.fairId), x.title)}>
                      {formatNumber(x.contacts)}
                    </NumberLink>
                  </TableCell>
                  <TableCell className={num.num}>{formatNumber(x.laterResults)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </section>
  );
}
