import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  SearchBox,
  Spinner,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TabList,
  Text,
  Title2,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, ArrowLeftRegular, EditRegular } from '@fluentui/react-icons';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useNavigate, useParams } from 'react-router';
import type { OrganisationKind } from '../../../../shared/domain/organisations.js';
import { formatDate } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { OrganisationDialog } from './OrganisationDialog.js';
import { useNumericStyles } from '../../components/numeric.js';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM, flexWrap: 'wrap' },
  grow: { flexGrow: 1 },
  meta: { color: tokens.colorNeutralForeground2, display: 'block', marginBottom: tokens.spacingVerticalL },
  section: { marginTop: tokens.spacingVerticalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** Unternehmen & Partner: searchable list at /organisationen, a company's history at /organisationen/:id. */
export function OrganisationsPage() {
  return (
    <Routes>
      <Route index element={<OrganisationList />} />
      <Route path=":id" element={<OrganisationHistoryView />} />
    </Routes>
  );
}

function OrganisationList() {
  const styles = useStyles();
  const num = useNumericStyles();
  const { t } = useTranslation('organisations');
  const [kind, setKind] = useState<OrganisationKind>('company');
  const [query, setQuery] = useState('');
  const list = useCall('organisations.list', { kind, query, includeArchived: false });
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  return (
    <section aria-labelledby="orgs-title">
      <div className={styles.header}>
        <Title2 as="h1" id="orgs-title" className={styles.grow}>
          {t('title')}
        </Title2>
        <SearchBox placeholder={t('search')} aria-label={t('search')} value={query} onChange={(_, d) => setQuery(d.value)} />
        <Button appearance="primary" icon={<AddRegular />} onClick={() => setCreating(true)}>
          {kind === 'company' ? t('newCompany') : t('newPartner')}
        </Button>
      </div>
      <TabList selectedValue={kind} onTabSelect={(_, d) => setKind(d.value as OrganisationKind)}>
        <Tab value="company">{t('tabs.companies')}</Tab>
        <Tab value="partner">{t('tabs.partners')}</Tab>
      </TabList>
      {list.error !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{(list.error as Error).message}</MessageBarBody>
        </MessageBar>
      )}
      {list.loading && !list.data && <Spinner label={t('common:states.loading')} />}
      {list.data?.length === 0 && <Text>{t('empty')}</Text>}
      {list.data && list.data.length > 0 && (
        <Table aria-label={t('title')} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('fields.name')}</TableHeaderCell>
              <TableHeaderCell>{kind === 'company' ? t('fields.sector') : t('fields.partnerType')}</TableHeaderCell>
              <TableHeaderCell>{t('fields.city')}</TableHeaderCell>
              <TableHeaderCell>{t('fields.contactPerson')}</TableHeaderCell>
              {kind === 'company' && <TableHeaderCell className={num.num}>{t('columns.fairs')}</TableHeaderCell>}
              {kind === 'company' && <TableHeaderCell className={num.num}>{t('columns.contacts')}</TableHeaderCell>}
              {kind === 'company' && <TableHeaderCell className={num.num}>{t('columns.hires')}</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.data.map((o) => (
              <TableRow key={o.id}>
                <TableCell>
                  <Link to={`/organisationen/${o.id}`}>{o.name}</Link>
                </TableCell>
                <TableCell>{kind === 'company' ? o.sector : o.partnerType}</TableCell>
                <TableCell>{o.city}</TableCell>
                <TableCell>{o.contactPerson}</TableCell>
                {kind === 'company' && <TableCell className={num.num}>{o.fairCount}</TableCell>}
                {kind === 'company' && <TableCell className={num.num}>{o.contactCount}</TableCell>}
                {kind === 'company' && <TableCell className={num.num}>{o.hireCount}</TableCell>}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {creating && (
        <OrganisationDialog
          organisation={null}
          kind={kind}
          onClose={(saved) => {
            setCreating(false);
            if (saved) navigate(`/organisationen/${saved.id}`);
          }}
        />
      )}
    </section>
  );
}

function OrganisationHistoryView() {
  const styles = useStyles();
  const { t } = useTranslation('organisations');
  const id = Number(useParams().id);
  const h = useCall('organisations.history', { id });
  const [editing, setEditing] = useState(false);
  if (h.error !== undefined) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{(h.error as Error).message}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!h.data) return <Spinner label={t('common:states.loading')} />;
  const { organisation: o, fairs, contacts, applications, hires, activities } = h.data;
  return (
    <section aria-labelledby="org-title">
      <div className={styles.header}>
        <Link to="/organisationen" aria-label={t('back')}>
          <ArrowLeftRegular />
        </Link>
        <Title2 as="h1" id="org-title" className={styles.grow}>
          {o.name}
        </Title2>
        <Button icon={<EditRegular />} onClick={() => setEditing(true)}>
          {t('common:actions.edit')}
        </Button>
      </div>
      <Text className={styles.meta}>
        {[t(`kinds.${o.kind}`), o.sector ?? o.partnerType, o.city, o.contactPerson, o.size ? t('sizeLabel', { size: o.size }) : null, o.email, o.phone]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      <HistoryTable
        title={t('history.fairs', { count: fairs.length })}
        empty={t('history.none')}
        head={[t('history.date'), t('history.fair'), t('history.offers'), t('columns.contacts')]}
        rows={fairs.map((f) => [formatDate(f.date), <Link key="l" to={`/boersen/${f.fairId}`}>{f.title}</Link>, f.offers.map((x) => t(`fairs:offers.${x}`)).join(', '), String(f.contacts)])}
      />
      <HistoryTable
        title={t('history.contacts', { count: contacts.length })}
        empty={t('history.none')}
        head={[t('history.date'), t('history.person'), t('history.fair'), t('history.result')]}
        rows={contacts.map((c) => [formatDate(c.date), c.participantName, c.fairTitle, t(`fairs:results.${c.result}`)])}
      />
      <HistoryTable
        title={t('history.applications', { count: applications.length })}
        empty={t('history.none')}
        head={[t('history.date'), t('history.person'), t('history.position'), t('history.status')]}
        rows={applications.map((a) => [formatDate(a.appliedOn), a.participantName, a.position ?? '', t(`outcomes:applicationStatus.${a.status}`)])}
      />
      <HistoryTable
        title={t('history.hires', { count: hires.length })}
        empty={t('history.none')}
        head={[t('history.date'), t('history.person'), t('history.kind')]}
        rows={hires.map((x) => [formatDate(x.date), x.participantName, t(`outcomes:kinds.${x.kind}`)])}
      />
      {activities.length > 0 && (
        <HistoryTable
          title={t('history.activities', { count: activities.length })}
          empty={t('history.none')}
          head={[t('history.date'), t('history.activity')]}
          rows={activities.map((a) => [formatDate(a.date), <Link key="l" to={`/aktivitaeten/${a.id}`}>{a.title}</Link>])}
        />
      )}
      {editing && (
        <OrganisationDialog
          organisation={o}
          kind={o.kind}
          onClose={(saved) => {
            setEditing(false);
            if (saved) h.reload();
          }}
        />
      )}
    </section>
  );
}

function HistoryTable({ title, empty, head, rows }: { title: string; empty: string; head: string[]; rows: (string | ReactElement)[][] }) {
  const styles = useStyles();
  return (
    <div className={styles.section}>
      <Title3 as="h2">{title}</Title3>
      {rows.length === 0 ? (
        <Text>{empty}</Text>
      ) : (
        <Table aria-label={title} size="small">
          <TableHeader>
            <TableRow>
              {head.map((h) => (
                <TableHeaderCell key={h}>{h}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r, i) => (
              <TableRow key={i}>
                {r.map((c, j) => (
                  <TableCell key={j}>{c}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
