import {
  Badge,
  Button,
  Checkbox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
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
  tokens,
} from '@fluentui/react-components';
import { ArrowLeftRegular, DeleteRegular, DocumentPdfRegular, EditRegular, TableRegular } from '@fluentui/react-icons';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { contactInput, contactResults, fairOffers, type ContactResult, type FairDetail, type FairOffer } from '../../../../shared/domain/fairs.js';
import { ApiError, downloadFile, invoke } from '../../api/client.js';
import { FormSelect } from '../../components/form/fields.js';
import { FormErrorBar } from '../../components/form/FormDialog.js';
import { useLotseForm } from '../../components/form/useLotseForm.js';
import { formatDate } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { OutcomeDialog } from '../outcomes/OutcomeDialog.js';
import type { OutcomePrefill } from '../outcomes/OutcomeForm.js';
import { FairDialog } from './FairDialog.js';
import { PersonSearch } from './PersonSearch.js';
import { useNumericStyles } from '../../components/numeric.js';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalS, flexWrap: 'wrap' },
  grow: { flexGrow: 1 },
  meta: { color: tokens.colorNeutralForeground2, display: 'block', marginBottom: tokens.spacingVerticalM },
  panel: { paddingTop: tokens.spacingVerticalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1100px' },
  figures: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))', gap: tokens.spacingHorizontalM },
  figure: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingVerticalM },
  big: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, display: 'block' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  columns: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalXXL },
});

type TabKey = 'checkin' | 'companies' | 'contacts' | 'figures';

/** One fair: check-in at the door, companies and offers, contacts and the figures. */
export function FairDetailPage() {
  const styles = useStyles();
  const { t } = useTranslation('fairs');
  const id = Number(useParams().id);
  const fair = useCall('fairs.get', { id });
  const [tab, setTab] = useState<TabKey>('checkin');
  const [editing, setEditing] = useState(false);
  const notify = useNotify();

  async function exportList(format: 'xlsx' | 'pdf') {
    try {
      const file = await invoke('fairs.attendanceList', { id, format });
      await downloadFile(file.handle, file.name);
    } catch (err) {
      notify.failure(err);
    }
  }

  if (fair.error !== undefined) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{(fair.error as Error).message}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!fair.data) return <Spinner label={t('common:states.loading')} />;
  const f = fair.data;
  return (
    <section aria-labelledby="fair-title">
      <div className={styles.header}>
        <Link to="/boersen" aria-label={t('back')}>
          <ArrowLeftRegular />
        </Link>
        <Title2 as="h1" id="fair-title" className={styles.grow}>
          {f.title}
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
        {formatDate(f.date)}
        {f.venue ? ` · ${f.venue}` : ''} · {f.programName}
      </Text>
      <TabList aria-label={t('tabs.label')} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabKey)}>
        <Tab value="checkin">{t('tabs.checkin', { present: f.present, registered: f.registered })}</Tab>
        <Tab value="companies">{t('tabs.companies', { count: f.companies })}</Tab>
        <Tab value="contacts">{t('tabs.contacts', { count: f.contacts })}</Tab>
        <Tab value="figures">{t('tabs.figures')}</Tab>
      </TabList>
      <div className={styles.panel}>
        {tab === 'checkin' && <CheckInPanel fair={f} reload={fair.reload} />}
        {tab === 'companies' && <CompaniesPanel fair={f} reload={fair.reload} />}
        {tab === 'contacts' && <ContactsPanel fair={f} reload={fair.reload} />}
        {tab === 'figures' && <FiguresPanel fair={f} />}
      </div>
      {editing && (
        <FairDialog
          fair={f}
          onClose={(saved) => {
            setEditing(false);
            if (saved) fair.reload();
          }}
        />
      )}
    </section>
  );
}

function CheckInPanel({ fair, reload }: { fair: FairDetail; reload: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation('fairs');
  const notify = useNotify();
  const [offer, setOffer] = useState<{ participantId: number; message: string } | null>(null);
  const [last, setLast] = useState('');
  const search = useCallback((query: string) => invoke('fairs.searchPeople', { fairId: fair.id, query, limit: 8 }), [fair.id]);

  async function checkIn(participantId: number, register: boolean, undo = false) {
    try {
      const r = await invoke('fairs.checkIn', { fairId: fair.id, participantId, register, undo });
      setOffer(null);
      setLast(t(undo ? 'checkin.undone' : r.visitor ? 'checkin.doneVisitor' : 'checkin.done', { name: r.name }));
      reload();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'not_found' && err.error.details?.offerRegister === true) {
        setOffer({ participantId, message: err.message });
      } else notify.failure(err);
    }
  }

  async function register(participantId: number, name: string) {
    try {
      const r = await invoke('fairs.register', { fairId: fair.id, participantIds: [participantId] });
      setLast(r.registered ? t('register.done', { name }) : t('register.already', { name }));
      reload();
    } catch (err) {
      notify.failure(err);
    }
  }

  return (
    <>
      <div className={styles.columns}>
        <PersonSearch
          testId="checkin-search"
          label={t('checkin.label')}
          placeholder={t('checkin.placeholder')}
          search={search}
          describe={(m) => (m.checkedIn ? t('status.present') : m.registered ? t('status.registered') : t('status.notRegistered'))}
          onPick={(m) => checkIn(m.participantId, false)}
          offer={
            offer && {
              message: offer.message,
              confirmLabel: t('checkin.registerAndCheckIn'),
              onConfirm: () => checkIn(offer.participantId, true),
              onDismiss: () => setOffer(null),
            }
          }
        />
        <PersonSearch
          testId="register-search"
          label={t('register.label')}
          placeholder={t('checkin.placeholder')}
          search={search}
          describe={(m) => (m.registered ? t('status.registered') : '')}
          onPick={(m) => register(m.participantId, m.name)}
        />
      </div>
      <div role="status" aria-live="polite" data-testid="checkin-status">
        {last}
      </div>
      <Table aria-label={t('registrations')} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('columns.name')}</TableHeaderCell>
            <TableHeaderCell>{t('columns.birthDate')}</TableHeaderCell>
            <TableHeaderCell>{t('columns.checkedIn')}</TableHeaderCell>
            <TableHeaderCell />
          </TableRow>
        </TableHeader>
        <TableBody>
          {fair.registrations.map((r) => (
            <TableRow key={r.participantId} data-testid="registration-row">
              <TableCell>
                {r.name} {r.visitor && <VisitorBadge />}
              </TableCell>
              <TableCell>{formatDate(r.birthDate)}</TableCell>
              <TableCell>{r.checkedInAt ? t('status.present') : '—'}</TableCell>
              <TableCell>
                <Button size="small" onClick={() => void checkIn(r.participantId, false, r.checkedInAt !== null)}>
                  {r.checkedInAt ? t('checkin.undo') : t('checkin.action')}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

function CompaniesPanel({ fair, reload }: { fair: FairDetail; reload: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation('fairs');
  const notify = useNotify();
  const companies = useCall('organisations.list', { kind: 'company', query: '', includeArchived: false });
  const [orgId, setOrgId] = useState('');
  const [offers, setOffers] = useState<FairOffer[]>([]);
  const present = new Set(fair.companyList.map((c) => c.organisationId));

  async function add() {
    if (!orgId) return;
    try {
      await invoke('fairs.setCompany', { fairId: fair.id, organisationId: Number(orgId), offers });
      setOrgId('');
      setOffers([]);
      reload();
    } catch (err) {
      notify.failure(err);
    }
  }
  async function remove(organisationId: number) {
    try {
      await invoke('fairs.removeCompany', { fairId: fair.id, organisationId });
      reload();
    } catch (err) {
      notify.failure(err);
    }
  }

  return (
    <>
      <div className={styles.row}>
        <Field label={t('companies.pick')}>
          <Select value={orgId} onChange={(_, d) => setOrgId(d.value)}>
            <option value="">{t('companies.choose')}</option>
            {(companies.data ?? [])
              .filter((c) => !present.has(c.id))
              .map((c) => (
                <option key={c.id} value={String(c.id)}>
                  {c.name}
                  {c.city ? ` (${c.city})` : ''}
                </option>
              ))}
          </Select>
        </Field>
        <fieldset style={{ border: 'none', padding: 0, margin: 0, display: 'flex', gap: 4 }}>
          <legend>{t('companies.offers')}</legend>
          {fairOffers.map((o) => (
            <Checkbox
              key={o}
              label={t(`offers.${o}`)}
              checked={offers.includes(o)}
              onChange={(_, d) => setOffers((xs) => (d.checked ? [...xs, o] : xs.filter((x) => x !== o)))}
            />
          ))}
        </fieldset>
        <Button appearance="primary" disabled={!orgId} onClick={() => void add()}>
          {t('companies.add')}
        </Button>
        <Link to="/organisationen">{t('companies.manage')}</Link>
      </div>
      {fair.companyList.length === 0 ? (
        <Text>{t('companies.empty')}</Text>
      ) : (
        <Table aria-label={t('tabs.companies', { count: fair.companies })} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('columns.company')}</TableHeaderCell>
              <TableHeaderCell>{t('columns.sector')}</TableHeaderCell>
              <TableHeaderCell>{t('companies.offers')}</TableHeaderCell>
              <TableHeaderCell />
            </TableRow>
          </TableHeader>
          <TableBody>
            {fair.companyList.map((c) => (
              <TableRow key={c.organisationId} data-testid="company-row">
                <TableCell>{c.name}</TableCell>
                <TableCell>{c.sector}</TableCell>
                <TableCell>{c.offers.map((o) => t(`offers.${o}`)).join(', ')}</TableCell>
                <TableCell>
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<DeleteRegular />}
                    aria-label={`${t('common:actions.remove')}: ${c.name}`}
                    onClick={() => void remove(c.organisationId)}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}

function ContactsPanel({ fair, reload }: { fair: FairDetail; reload: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation('fairs');
  const notify = useNotify();
  const [recording, setRecording] = useState<{ participantId: number; name: string; prefill: OutcomePrefill } | null>(null);
  const f = useLotseForm({
    schema: contactInput,
    defaultValues: { participantId: '', organisationId: '', result: 'gespraech' as string },
    toInput: (v) => ({ fairId: fair.id, participantId: Number(v.participantId), organisationId: Number(v.organisationId), result: v.result as ContactResult }),
    // an unchosen person or company gets words of its own, not the schema's
    check: (v) => {
      const missing: Record<string, string> = {};
      if (!v.participantId) missing.participantId = t('contacts.pickPerson');
      if (!v.organisationId) missing.organisationId = t('contacts.pickCompany');
      return missing;
    },
    submit: (input) => invoke('fairs.recordContact', input),
    onSaved: (_, v) => {
      notify.success(t('contacts.saved'));
      // the same person often talks to the next company
      f.form.reset({ participantId: v.participantId, organisationId: '', result: 'gespraech' });
      reload();
    },
  });

  async function change(id: number, r: ContactResult) {
    try {
      await invoke('fairs.updateContact', { id, result: r });
      reload();
    } catch (err) {
      notify.failure(err);
    }
  }
  async function remove(id: number) {
    try {
      await invoke('fairs.deleteContact', { id });
      reload();
    } catch (err) {
      notify.failure(err);
    }
  }

  // people at the door first; registered but not (yet) checked in follow
  const people = [...fair.registrations].sort((a, b) => Number(b.checkedInAt !== null) - Number(a.checkedInAt !== null));
  return (
    <>
      <form className={styles.row} noValidate onSubmit={f.onSubmit}>
        <FormSelect form={f} name="participantId" label={t('contacts.person')}>
          <option value="">{t('contacts.choose')}</option>
          {people.map((p) => (
            <option key={p.participantId} value={String(p.participantId)}>
              {p.name}
              {p.checkedInAt ? '' : ` (${t('status.notPresent')})`}
            </option>
          ))}
        </FormSelect>
        <FormSelect form={f} name="organisationId" label={t('contacts.company')}>
          <option value="">{t('contacts.choose')}</option>
          {fair.companyList.map((c) => (
            <option key={c.organisationId} value={String(c.organisationId)}>
              {c.name}
            </option>
          ))}
        </FormSelect>
        <FormSelect form={f} name="result" label={t('contacts.result')}>
          {contactResults.map((r) => (
            <option key={r} value={r}>
              {t(`results.${r}`)}
            </option>
          ))}
        </FormSelect>
        <Button appearance="primary" type="submit" disabled={f.busy}>
          {t('contacts.record')}
        </Button>
      </form>
      <FormErrorBar message={f.formError} />
      {fair.contactList.length === 0 ? (
        <Text>{t('contacts.empty')}</Text>
      ) : (
        <Table aria-label={t('tabs.contacts', { count: fair.contacts })} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('columns.name')}</TableHeaderCell>
              <TableHeaderCell>{t('columns.company')}</TableHeaderCell>
              <TableHeaderCell>{t('contacts.result')}</TableHeaderCell>
              <TableHeaderCell />
            </TableRow>
          </TableHeader>
          <TableBody>
            {fair.contactList.map((c) => (
              <TableRow key={c.id} data-testid="contact-row">
                <TableCell>
                  {c.participantName} {c.visitor && <VisitorBadge />}
                </TableCell>
                <TableCell>{c.organisationName}</TableCell>
                <TableCell>
                  <Select
                    size="small"
                    aria-label={`${t('contacts.result')}: ${c.participantName}, ${c.organisationName}`}
                    value={c.result}
                    onChange={(_, d) => void change(c.id, d.value as ContactResult)}
                  >
                    {contactResults.map((r) => (
                      <option key={r} value={r}>
                        {t(`results.${r}`)}
                      </option>
                    ))}
                  </Select>
                </TableCell>
                <TableCell>
                  {c.result in contractOutcome && (
                    <Button
                      size="small"
                      onClick={() =>
                        setRecording({
                          participantId: c.participantId,
                          name: c.participantName,
                          prefill: {
                            kind: contractOutcome[c.result as keyof typeof contractOutcome],
                            date: fair.date,
                            organisationId: c.organisationId,
                            sourceFairId: fair.id,
                            programId: fair.programId,
                          },
                        })
                      }
                    >
                      {t('contacts.recordOutcome')}
                    </Button>
                  )}
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<DeleteRegular />}
                    aria-label={`${t('common:actions.remove')}: ${c.participantName}, ${c.organisationName}`}
                    onClick={() => void remove(c.id)}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {recording && (
        <OutcomeDialog
          participantId={recording.participantId}
          name={recording.name}
          prefill={recording.prefill}
          onClose={(saved) => {
            setRecording(null);
            if (saved) reload();
          }}
        />
      )}
    </>
  );
}

/** Marks a person at the fair who has no enrollment in the program: counted as a visitor, not a participant. */
function VisitorBadge() {
  const { t } = useTranslation('fairs');
  return (
    <Badge appearance="outline" color="informative" title={t('visitor.hint')}>
      {t('visitor.label')}
    </Badge>
  );
}

/** A contract offered at the fair is an outcome: which kind it becomes. */
const contractOutcome = { ausbildungsvertrag: 'ausbildung', arbeitsvertrag: 'sv_beschaeftigung' } as const;

function FiguresPanel({ fair }: { fair: FairDetail }) {
  const styles = useStyles();
  const { t } = useTranslation('fairs');
  const num = useNumericStyles();
  
  const figures = useCall('fairs.figures', { id: fair.id });
  // visitors (no enrollment on the fair's day) are counted apart, never among the participants
  const presentVisitors = fair.registrations.filter((r) => r.visitor && r.checkedInAt !== null).length;
  if (!figures.data) return <Spinner label={t('common:states.loading')} />;
  const f = figures.data;
  const tiles: [string, number][] = [
    ['registered', f.registered],
    ['present', f.present],
    ['presentVisitors', presentVisitors],
    ['companies', f.companies],
    ['contacts', f.contacts],
    ['laterApplications', f.laterApplications],
    ['laterOutcomes', f.laterOutcomes],
  ];
  return (
    <>
      <div className={styles.figures}>
        {tiles.map(([key, n]) => (
          <div key={key} className={styles.figure} data-testid={`figure-${key}`}>
            <span className={styles.big}>{n}</span>
            <Text>{t(`figures.${key}`)}</Text>
          </div>
        ))}
      </div>
      <Table aria-label={t('figures.byResult')} size="small" style={{ maxWidth: 480 }}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('figures.byResult')}</TableHeaderCell>
            <TableHeaderCell className={num.num}>{t('figures.count')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {contactResults.map((r) => (
            <TableRow key={r} data-testid={`result-${r}`}>
              <TableCell>{t(`results.${r}`)}</TableCell>
              <TableCell className={num.num}>{f.contactsByResult[r] ?? 0}</TableCell>
            </TableRow>
          ))}
          {Object.entries(f.outcomesByKind).map(([k, n]) => (
            <TableRow key={k}>
              <TableCell>{t('figures.outcome', { kind: t(`outcomes:kinds.${k}`) })}</TableCell>
              <TableCell className={num.num}>{n}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
