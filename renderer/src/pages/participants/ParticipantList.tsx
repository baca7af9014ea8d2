import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Menu,
  MenuItemCheckbox,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, ArrowSortDownRegular, ArrowSortUpRegular, ColumnTripleRegular, SearchRegular } from '@fluentui/react-icons';
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
  type VisibilityState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type ParticipantListRow, type participantSortKeys } from '../../../../shared/domain/participants.js';
import { formatDate, formatNumber } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useDebounced } from '../../components/useDebounced.js';
// the named list export belongs to reports; this page offers it with its own filters and columns
import { ParticipantListExportButton } from '../reports/ParticipantListExportButton.js';
import { noParticipantFilters, ParticipantFilterFields, participantFilterQuery, type ParticipantFilterValues } from './ParticipantFilterFields.js';
import { OpenValuesBar } from './OpenValuesBar.js';
import { useParticipantPages } from './useParticipantPages.js';

const ROW_HEIGHT = 36;
const SEARCH_DEBOUNCE_MS = 250;

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginBottom: tokens.spacingVerticalM },
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', marginBottom: tokens.spacingVerticalM },
  search: { minWidth: '280px' },
  scroller: {
    flexGrow: 1,
    minHeight: '300px',
    height: 'calc(100vh - 260px)',
    overflow: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  // the header row group (not the row) is sticky: a sticky element only sticks within its parent
  head: { position: 'sticky', top: 0, zIndex: 1 },
  headRow: {
    display: 'flex',
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  headCell: {
    height: `${ROW_HEIGHT}px`,
    display: 'flex',
    alignItems: 'center',
    padding: `0 ${tokens.spacingHorizontalS}`,
    fontWeight: tokens.fontWeightSemibold,
    boxSizing: 'border-box',
  },
  sortButton: { fontWeight: tokens.fontWeightSemibold, padding: 0, minWidth: 0 },
  row: {
    display: 'flex',
    position: 'absolute',
    left: 0,
    width: '100%',
    height: `${ROW_HEIGHT}px`,
    cursor: 'pointer',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  },
  cell: {
    display: 'flex',
    alignItems: 'center',
    padding: `0 ${tokens.spacingHorizontalS}`,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
    boxSizing: 'border-box',
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

type SortKey = (typeof participantSortKeys)[number];
/** Columns whose id is a server sort key can be sorted; the rest only show. */
const sortable = new Set<string>(['name', 'birthDate', 'commune', 'caseNumber']);

/** The registry: server-side search, filters, sort and paging; a virtualised table that loads pages on scroll. */
export function ParticipantList() {
  const styles = useStyles();
  const { t } = useTranslation('participants');
  const navigate = useNavigate();
  const communes = useCall('communes.list', {});
  const programs = useCall('programs.list', { includeArchived: false });
  const [search, setSearch] = useState('');
  // one request per pause in typing; the page keeps the last answer on screen meanwhile
  const deferredSearch = useDebounced(search, SEARCH_DEBOUNCE_MS);
  const [filters, setFilters] = useState<ParticipantFilterValues>(noParticipantFilters);
  const [includeArchived, setIncludeArchived] = useState(false);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  const [visibility, setVisibility] = useState<VisibilityState>({ nationality: false, caseManager: false, gender: false, germanLevel: false });

  const sort = sorting[0];
  const query = {
    search: deferredSearch,
    ...participantFilterQuery(filters),
    includeArchived,
    sort: (sort?.id ?? 'name') as SortKey,
    direction: sort?.desc ? ('desc' as const) : ('asc' as const),
  };
  const { total, shownQuery, error, loading, rowAt } = useParticipantPages(query);
  const searching = loading || deferredSearch !== search;

  const columns = useMemo<ColumnDef<ParticipantListRow | undefined>[]>(
    () => [
      {
        id: 'name',
        header: t('fields.name'),
        size: 260,
        cell: ({ row }) =>
          row.original ? (
            <span>
              {row.original.lastName ?? ''}, {row.original.firstName ?? ''}
              {row.original.archived && <span className={styles.muted}> ({t('archived')})</span>}
            </span>
          ) : (
            <span className={styles.muted}>{t('loadingRow')}</span>
          ),
      },
      { id: 'birthDate', header: t('fields.birthDate'), size: 130, cell: ({ row }) => formatDate(row.original?.birthDate) },
      { id: 'commune', header: t('fields.communeName'), size: 170, cell: ({ row }) => row.original?.communeName ?? '' },
      { id: 'residenceStatus', header: t('fields.residenceStatus'), size: 200, cell: ({ row }) => row.original?.residenceStatus ?? '' },
      { id: 'caseNumber', header: t('fields.caseNumber'), size: 150, cell: ({ row }) => row.original?.caseNumber ?? '' },
      {
        id: 'gender',
        header: t('fields.gender'),
        size: 110,
        cell: ({ row }) => (row.original?.gender ? t(`gender.${row.original.gender}`) : ''),
      },
      { id: 'nationality', header: t('fields.nationality'), size: 160, cell: ({ row }) => row.original?.nationality ?? '' },
      { id: 'germanLevel', header: t('fields.germanLevel'), size: 120, cell: ({ row }) => row.original?.germanLevel ?? '' },
      { id: 'caseManager', header: t('fields.caseManager'), size: 180, cell: ({ row }) => row.original?.caseManager ?? '' },
    ],
    [t, styles.muted],
  );

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  // The table only ever holds the rows on screen; TanStack Table renders them and manages columns and sort.
  const visibleData = items.map((v) => rowAt(v.index));

  const table = useReactTable({
    data: visibleData,
    columns,
    state: { sorting, columnVisibility: visibility },
    onSortingChange: setSorting,
    onColumnVisibilityChange: setVisibility,
    manualSorting: true,
    // the data array changes on every scroll; without this TanStack queues a page reset per change (a render loop)
    autoResetAll: false,
    enableMultiSort: false,
    enableSortingRemoval: false,
    getCoreRowModel: getCoreRowModel(),
  });
  const rows = table.getRowModel().rows;
  const width = table.getVisibleLeafColumns().reduce((s, c) => s + c.getSize(), 0);
  // "Treffer" once the count answers a search or filter, "Teilnehmende" for the whole registry
  const filtered =
    shownQuery !== null &&
    (shownQuery.search !== '' || [shownQuery.communeId, shownQuery.programId, shownQuery.enrollmentStatus, shownQuery.residenceStatus].some((v) => v != null));

  return (
    <section aria-labelledby="participants-title" className={styles.page}>
      <div className={styles.header}>
        <Title2 as="h1" id="participants-title">
          {t('title')}
        </Title2>
        <Button appearance="primary" icon={<AddRegular />} onClick={() => navigate('/teilnehmende/neu')}>
          {t('new')}
        </Button>
      </div>
      <OpenValuesBar />
      <div className={styles.filters} role="search" aria-label={t('filters.label')}>
        <Field label={t('search')} className={styles.search}>
          <Input
            type="search"
            contentBefore={<SearchRegular />}
            placeholder={t('searchPlaceholder')}
            value={search}
            onChange={(_, d) => setSearch(d.value)}
          />
        </Field>
        <ParticipantFilterFields value={filters} onChange={setFilters} communes={communes.data ?? []} programs={programs.data ?? []} />
        <Checkbox label={t('filters.includeArchived')} checked={includeArchived} onChange={(_, d) => setIncludeArchived(d.checked === true)} />
        <Menu
          checkedValues={{ columns: table.getAllLeafColumns().filter((c) => c.getIsVisible()).map((c) => c.id) }}
          onCheckedValueChange={(_, d) =>
            setVisibility(Object.fromEntries(table.getAllLeafColumns().map((c) => [c.id, c.id === 'name' || d.checkedItems.includes(c.id)])))
          }
        >
          <MenuTrigger disableButtonEnhancement>
            <Button icon={<ColumnTripleRegular />}>{t('columnsMenu')}</Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              {table.getAllLeafColumns().map((c) => (
                <MenuItemCheckbox key={c.id} name="columns" value={c.id} disabled={c.id === 'name'}>
                  {String(c.columnDef.header)}
                </MenuItemCheckbox>
              ))}
            </MenuList>
          </MenuPopover>
        </Menu>
        <ParticipantListExportButton filter={query} visibleColumns={table.getVisibleLeafColumns().map((c) => c.id)} />
        <Text aria-live="polite" data-testid="participant-count">
          {total === null ? '' : t(filtered ? 'countFiltered' : 'count', { count: total, formatted: formatNumber(total) })}
        </Text>
        {searching && <Spinner size="extra-tiny" label={t('searching')} data-testid="participant-list-loading" />}
      </div>
      {error !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{(error as Error).message}</MessageBarBody>
        </MessageBar>
      )}
      <div ref={scrollRef} className={styles.scroller}>
        <div role="table" aria-label={t('title')} aria-rowcount={(total ?? 0) + 1} aria-busy={searching}
          data-search={shownQuery?.search ?? ''} style={{ minWidth: width }}>
          <div role="rowgroup" className={styles.head}>
            {table.getHeaderGroups().map((hg) => (
              <div role="row" key={hg.id} className={styles.headRow} aria-rowindex={1}>
                {hg.headers.map((h) => {
                  const dir = h.column.getIsSorted();
                  return (
                    <div
                      role="columnheader"
                      key={h.id}
                      className={styles.headCell}
                      style={{ width: h.getSize(), flexShrink: 0 }}
                      aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
                    >
                      {sortable.has(h.column.id) ? (
                        <Button
                          appearance="transparent"
                          className={styles.sortButton}
                          icon={dir === 'asc' ? <ArrowSortUpRegular /> : dir === 'desc' ? <ArrowSortDownRegular /> : undefined}
                          iconPosition="after"
                          onClick={h.column.getToggleSortingHandler()}
                        >
                          {flexRender(h.column.columnDef.header, h.getContext())}
                        </Button>
                      ) : (
                        flexRender(h.column.columnDef.header, h.getContext())
                      )}
                    </div>
                  );
                })}
              </div>
            ))}
          </div>
          <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {rows.map((row, i) => {
              const item = items[i]!;
              const data = row.original;
              const open = () => data && navigate(`/teilnehmende/${data.id}`);
              return (
                <div
                  role="row"
                  key={item.key}
                  aria-rowindex={item.index + 2}
                  tabIndex={0}
                  className={styles.row}
                  style={{ transform: `translateY(${item.start}px)` }}
                  data-testid={data ? `participant-row-${data.id}` : undefined}
                  onClick={open}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') open();
                  }}
                >
                  {row.getVisibleCells().map((cell) => (
                    <div role="cell" key={cell.id} className={styles.cell} style={{ width: cell.column.getSize(), flexShrink: 0 }}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
        {total === 0 && (
          <Text block style={{ padding: 12 }}>
            {t('empty')}
          </Text>
        )}
      </div>
    </section>
  );
}
