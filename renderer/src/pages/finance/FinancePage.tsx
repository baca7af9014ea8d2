import { Field, MessageBar, MessageBarBody, Select, Spinner, Tab, TabList, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../components/useCall.js';
import { BudgetView } from './BudgetView.js';
import { PlanEditor } from './PlanEditor.js';
import { ReceiptsView } from './ReceiptsView.js';
import { RequestsView } from './RequestsView.js';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'flex-end', justifyContent: 'space-between', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  tabs: { marginTop: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalM },
});

type TabName = 'plan' | 'receipts' | 'budget' | 'requests';

/** The Finanzen page of one program: financing plan, receipts with import, budget view and payment requests. */
export function FinancePage() {
  const styles = useStyles();
  const { t } = useTranslation('finance');
  const programs = useCall('programs.list', { includeArchived: false });
  const [programId, setProgramId] = useState<number | null>(null);
  const [tab, setTab] = useState<TabName>('plan');
  // every change (plan saved, receipt booked, import undone) refreshes what the other tabs show
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);

  useEffect(() => {
    if (programId === null && programs.data && programs.data.length > 0) setProgramId(programs.data[0]!.id);
  }, [programs.data, programId]);
  const plan = useCall('finance.plan', { programId: programId ?? 1 }, programId !== null);
  useEffect(() => plan.reload(), [version, plan.reload]);

  return (
    <section aria-labelledby="finance-title">
      <div className={styles.header}>
        <Title2 as="h1" id="finance-title">
          {t('title')}
        </Title2>
        {(programs.data?.length ?? 0) > 1 && (
          <Field label={t('program')}>
            <Select value={String(programId ?? '')} onChange={(_, d) => setProgramId(Number(d.value))}>
              {(programs.data ?? []).map((p) => (
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
      {programs.data?.length === 0 && <Text>{t('noProgram')}</Text>}
      {programId !== null && plan.data !== undefined && (
        <>
          <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabName)}>
            <Tab value="plan">{t('tabs.plan')}</Tab>
            <Tab value="receipts">{t('tabs.receipts')}</Tab>
            <Tab value="budget">{t('tabs.budget')}</Tab>
            <Tab value="requests">{t('tabs.requests')}</Tab>
          </TabList>
          {tab === 'plan' && <PlanEditor key={`${programId}-${plan.data?.version ?? 0}`} programId={programId} plan={plan.data} onSaved={changed} />}
          {tab === 'receipts' && <ReceiptsView programId={programId} plan={plan.data} version={version} onChanged={changed} />}
          {tab === 'budget' && <BudgetView programId={programId} version={version} />}
          {tab === 'requests' && <RequestsView programId={programId} plan={plan.data} version={version} />}
        </>
      )}
    </section>
  );
}
