import { Field, MessageBar, MessageBarBody, Select, Spinner, Tab, TabList, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { invoke } from '../../api/client.js';
import { useCall } from '../../components/useCall.js';
import { BoardView } from './BoardView.js';
import { HoursGrid } from './HoursGrid.js';
import { StatementView } from './StatementView.js';
import { todayIso } from '../../../../shared/domain/dates.js';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'flex-end', justifyContent: 'space-between', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  tabs: { marginTop: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalM },
});

type TabName = 'board' | 'hours' | 'statement';

/** The AGH page: commune boards, the weekly hours grid and the monthly statement of one program. */
export function PlacementsPage() {
  const styles = useStyles();
  const { t } = useTranslation('placements');
  const programs = useCall('programs.list', { includeArchived: false });
  const aghPrograms = useMemo(() => (programs.data ?? []).filter((p) => p.communes.some((c) => c.slots > 0)), [programs.data]);
  const [programId, setProgramId] = useState<number | null>(null);
  const [tab, setTab] = useState<TabName>('board');
  const [communeId, setCommuneId] = useState<number | null>(null);
  const [month, setMonth] = useState(todayIso().slice(0, 7));
  const linkedWeek = useLinkedPlacement((p) => {
    setProgramId(p.programId);
    setCommuneId(p.communeId);
    setTab('hours');
  });

  useEffect(() => {
    if (programId === null && aghPrograms.length > 0) setProgramId(aghPrograms[0]!.id);
  }, [aghPrograms, programId]);
  const program = aghPrograms.find((p) => p.id === programId) ?? null;
  useEffect(() => {
    if (program && (communeId === null || !program.communes.some((c) => c.communeId === communeId))) {
      setCommuneId(program.communes[0]?.communeId ?? null);
    }
  }, [program, communeId]);

  return (
    <section aria-labelledby="placements-title">
      <div className={styles.header}>
        <Title2 as="h1" id="placements-title">
          {t('title')}
        </Title2>
        {aghPrograms.length > 1 && (
          <Field label={t('program')}>
            <Select value={String(programId ?? '')} onChange={(_, d) => setProgramId(Number(d.value))}>
              {aghPrograms.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      {programs.loading && !programs.data && <Spinner label={t('common:states.loading')} />}
      {programs.error !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{(programs.error as Error).message}</MessageBarBody>
        </MessageBar>
      )}
      {programs.data && aghPrograms.length === 0 && <Text>{t('noProgram')}</Text>}
      {program && (
        <>
          <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabName)}>
            <Tab value="board">{t('tabs.board')}</Tab>
            <Tab value="hours">{t('tabs.hours')}</Tab>
            <Tab value="statement">{t('tabs.statement')}</Tab>
          </TabList>
          {tab === 'board' && <BoardView program={program} />}
          {tab === 'hours' && communeId !== null && (
            <HoursGrid key={linkedWeek ?? ''} program={program} communeId={communeId} onCommune={setCommuneId} initialWeek={linkedWeek ?? undefined} />
          )}
          {tab === 'statement' && communeId !== null && (
            <StatementView program={program} communeId={communeId} onCommune={setCommuneId} month={month} onMonth={setMonth} />
          )}
        </>
      )}
    </section>
  );
}

/**
 * A link from Heute (`#/agh?placement=ID&week=YYYY-MM-DD`) opens the hours grid of that placement's program and
 * commune on the given week; returns that week once the placement is known.
 */
function useLinkedPlacement(open: (p: { programId: number; communeId: number }) => void): string | null {
  const [params] = useSearchParams();
  const placementId = Number(params.get('placement'));
  const week = params.get('week');
  const [linked, setLinked] = useState<string | null>(null);
  useEffect(() => {
    if (!placementId) return;
    let live = true;
    invoke('placements.get', { id: placementId }).then(
      (p) => {
        if (!live) return;
        open(p);
        setLinked(week ?? todayIso());
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
    // followed once per placement and week; `open` only sets the page's state
  }, [placementId, week]);
  return linked;
}
