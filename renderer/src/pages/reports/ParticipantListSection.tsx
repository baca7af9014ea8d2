import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, SearchRegular } from '@fluentui/react-icons';
import { useDeferredValue, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  participantListColumns,
  programColumns,
  type ParticipantListColumn,
  type ParticipantListFilter,
} from '../../../../shared/contract/reports.contract.js';
import { invoke } from '../../api/client.js';
import { formatNumber } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { noParticipantFilters, ParticipantFilterFields, participantFilterQuery, type ParticipantFilterValues } from '../participants/ParticipantFilterFields.js';
import { useParticipantListExport } from './useParticipantListExport.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  search: { minWidth: '240px' },
  fieldset: { border: 'none', padding: 0, margin: 0, minWidth: 0 },
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(210px, 1fr))', columnGap: tokens.spacingHorizontalM },
});

/** Checkbox groups, in the order of the participant form. */
const groups: Array<{ key: string; columns: ParticipantListColumn[] }> = [
  { key: 'person', columns: ['lastName', 'firstName', 'birthDate', 'gender', 'nationality', 'commune', 'residenceStatus', 'arrivalInSaxony', 'germanLevel'] },
  { key: 'contact', columns: ['phone', 'email', 'caseNumber', 'caseManager', 'socialWorker', 'consent', 'consentDate'] },
  { key: 'program', columns: ['programStatus', 'entryDate', 'exitDate'] },
];

/**
 * Berichte → Teilnehmendenliste (namentlich): the Teilnehmende filters, chosen columns (remembered), how many
 * people the file will hold, and the export. Says plainly that the file holds personal data and is logged.
 */
export function ParticipantListSection() {
  const styles = useStyles();
  const { t } = useTranslation('reports');
  const notify = useNotify();
  const communes = useCall('communes.list', {});
  const programs = useCall('programs.list', { includeArchived: true });
  const saved = useCall('reports.participantListColumns', {});
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search);
  const [f, setF] = useState<ParticipantFilterValues>(noParticipantFilters);
  const [includeArchived, setIncludeArchived] = useState(false);
  const [columns, setColumns] = useState<ParticipantListColumn[] | null>(null);
  useEffect(() => {
    if (saved.data && columns === null) setColumns(saved.data.columns);
  }, [saved.data, columns]);

  const filter: ParticipantListFilter = {
    search: deferredSearch,
    ...participantFilterQuery(f),
    includeArchived,
  };
  const count = useCall('reports.participantListCount', filter);
  const { exporting, run } = useParticipantListExport();
  const hasProgram = filter.programId !== null;
  // program columns stay chosen (and remembered) but only go into a file when a program is filtered
  const effective = participantListColumns.filter((c) => columns?.includes(c) && (hasProgram || !programColumns.includes(c)));

  const toggle = (c: ParticipantListColumn, on: boolean) => {
    const next = participantListColumns.filter((x) => (x === c ? on : (columns ?? []).includes(x)));
    setColumns(next);
    if (next.length > 0) invoke('reports.saveParticipantListColumns', { columns: next }).catch((err: unknown) => notify.failure(err));
  };
  const n = count.data?.count;

  return (
    <section aria-labelledby="participant-list-title" className={styles.section}>
      <Subtitle2 as="h2" id="participant-list-title">
        {t('participantList.title')}
      </Subtitle2>
      <MessageBar intent="warning" data-testid="personal-data-notice">
        <MessageBarBody>
          <MessageBarTitle>{t('participantList.personalDataTitle')}</MessageBarTitle>
          {t('participantList.personalData')}
        </MessageBarBody>
      </MessageBar>
      <Text size={200}>{t('participantList.hint')}</Text>

      <div className={styles.row} role="search" aria-label={t('participantList.filters')}>
        <Field label={t('participantList.search')} className={styles.search}>
          <Input type="search" contentBefore={<SearchRegular />} value={search} onChange={(_, d) => setSearch(d.value)} />
        </Field>
        <ParticipantFilterFields
          value={f}
          onChange={setF}
          communes={communes.data ?? []}
          programs={programs.data ?? []}
          allLabel={t('participantList.all')}
        />
        <Checkbox label={t('participantList.includeArchived')} checked={includeArchived} onChange={(_, d) => setIncludeArchived(d.checked === true)} />
      </div>

      <fieldset className={styles.fieldset}>
        <legend>
          <Text weight="semibold">{t('participantList.columns')}</Text>
        </legend>
        {columns === null ? (
          <Spinner size="tiny" label={t('common:states.loading')} />
        ) : (
          groups.map((g) => (
            <div key={g.key} role="group" aria-label={t(`participantList.groups.${g.key}`)}>
              <Text size={200}>{t(`participantList.groups.${g.key}`)}</Text>
              <div className={styles.columns}>
                {g.columns.map((c) => (
                  <Checkbox
                    key={c}
                    label={t(`participantList.columnNames.${c}`)}
                    checked={columns.includes(c)}
                    disabled={programColumns.includes(c) && !hasProgram}
                    onChange={(_, d) => toggle(c, d.checked === true)}
                  />
                ))}
              </div>
              {g.key === 'program' && !hasProgram && <Text size={200}>{t('participantList.programColumnsHint')}</Text>}
            </div>
          ))
        )}
      </fieldset>

      <Text aria-live="polite" data-testid="participant-list-count">
        {n === undefined
          ? ''
          : `${t('participantList.count', { count: n, formatted: formatNumber(n) })}${
              count.data && count.data.anonymised > 0
                ? ` ${t('participantList.anonymised', { count: count.data.anonymised, formatted: formatNumber(count.data.anonymised) })}`
                : ''
            }`}
      </Text>
      {effective.length === 0 && columns !== null && <Text>{t('participantList.noColumns')}</Text>}
      <div>
        <Button
          appearance="primary"
          icon={<ArrowDownloadRegular />}
          disabled={exporting || effective.length === 0 || !n}
          onClick={() => void run(filter, effective)}
        >
          {exporting ? t('exporting') : t('participantList.export')}
        </Button>
      </div>
    </section>
  );
}
