import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openRule, type EligibilityGroup } from '../../../../shared/domain/eligibility.js';
import { programInput, type Program, type ProgramInput } from '../../../../shared/domain/programs.js';
import { ApiError, invoke } from '../../api/client.js';
import { parseEuroToCents } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { fieldErrors } from '../../components/zodFields.js';
import { CatalogCommunePicker } from './CatalogCommunePicker.js';
import { NewCommuneForm } from './NewCommuneForm.js';
import { figuresFormOf, figuresInputOf } from './programFigures.js';
import { ProgramFiguresSection } from './ProgramFiguresSection.js';
import { RuleEditor } from './RuleEditor.js';
import { DateField } from '../../components/DateField.js';

// Columns may shrink below their content's natural width (minmax(0, …), min-width 0): a native input is about 20
// characters wide by default, and without this the rows pushed the dialog's content wider than the dialog.
const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalM,
    '& > *': { minWidth: 0 },
  },
  wide: { gridColumn: '1 / span 2' },
  communeRow: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 7rem auto',
    gap: tokens.spacingHorizontalS,
    // top-aligned, so a message under one field does not shift the others; the button sits level with the inputs
    alignItems: 'start',
    '& > *': { minWidth: 0 },
  },
  // a native input keeps its default width (about 20 characters) unless told to fill its column
  fill: { width: '100%', minWidth: 0, '& input, & select': { minWidth: 0, width: '100%' } },
  removeButton: { marginTop: `calc(${tokens.lineHeightBase300} + ${tokens.spacingVerticalXXS})` },
  communeList: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // the body scrolls between the fixed title and buttons (Fluent's DialogBody); the surface never exceeds the window
  surface: { maxWidth: 'min(760px, calc(100vw - 32px))', width: '100%' },
});

/** Messages of the commune rows are kept by row, not by position, so removing a row cannot move them to another. */
const rowKeyOf = (key: number, field: 'communeId' | 'slots') => `row${key}.${field}`;

function errorsByRow(errors: Record<string, string>, rows: Row[]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([path, message]) => {
      const m = /^communes\.(\d+)\.(communeId|slots)$/.exec(path);
      const row = m ? rows[Number(m[1])] : undefined;
      return [row ? rowKeyOf(row.key, m![2] as 'communeId' | 'slots') : path, message];
    }),
  );
}

interface Row {
  key: number;
  communeId: string;
  slots: string;
}

let rowKey = 0;

/** New commune rows for communes taken from the directory; a commune the program already lists is not added twice. */
function rowsFor(picked: Array<{ id: number }>, rows: Row[]): Row[] {
  const present = new Set(rows.map((r) => r.communeId));
  return picked.filter((c) => !present.has(String(c.id))).map((c) => ({ key: rowKey++, communeId: String(c.id), slots: '3' }));
}

/** Create or edit a program with its communes and AGH slots. Validated with the same schema as the handler. */
export function ProgramDialog({ program, onClose }: { program: Program | null; onClose: (changed: boolean) => void }) {
  const styles = useStyles();
  const { t } = useTranslation('programs');
  const notify = useNotify();
  const communes = useCall('communes.list', {});
  const [form, setForm] = useState({
    name: program?.name ?? '',
    operator: program?.operator ?? '',
    funder: program?.funder ?? '',
    fundingGuideline: program?.fundingGuideline ?? '',
    grantReference: program?.grantReference ?? '',
    startDate: program?.startDate ?? '',
    endDate: program?.endDate ?? '',
    hourlyRate: ((program?.hourlyRateCents ?? 80) / 100).toFixed(2).replace('.', ','),
  });
  const [rows, setRows] = useState<Row[]>(
    program?.communes.map((c) => ({ key: rowKey++, communeId: String(c.communeId), slots: String(c.slots) })) ?? [],
  );
  const [rule, setRule] = useState<EligibilityGroup>(program?.eligibilityRule ?? openRule);
  const [figures, setFigures] = useState(() => figuresFormOf(program));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [newCommune, setNewCommune] = useState(false);
  const [catalog, setCatalog] = useState(false);

  const removeRow = (key: number) => {
    setRows((rs) => rs.filter((x) => x.key !== key));
    // the row's messages go with it
    setErrors((es) => Object.fromEntries(Object.entries(es).filter(([k]) => !k.startsWith(`row${key}.`))));
  };

  const set = (k: keyof typeof form) => (_: unknown, d: { value: string }) => setForm((f) => ({ ...f, [k]: d.value }));

  function buildInput(): ProgramInput | null {
    const cents = parseEuroToCents(form.hourlyRate);
    if (cents === null) {
      setErrors({ hourlyRateCents: 'Betrag wie 0,80 eingeben' });
      return null;
    }
    return {
      name: form.name,
      operator: form.operator,
      funder: form.funder,
      fundingGuideline: form.fundingGuideline,
      grantReference: form.grantReference,
      startDate: form.startDate,
      endDate: form.endDate === '' ? null : form.endDate,
      hourlyRateCents: cents,
      eligibilityRule: rule,
      communes: rows.map((r) => ({ communeId: Number(r.communeId), slots: r.slots.trim() === '' ? NaN : Number(r.slots) })),
      ...figuresInputOf(figures),
    };
  }

  /** A row without a commune or with no whole number of places gets its own words, not the schema's. */
  function rowErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const r of rows) {
      if (r.communeId === '') out[rowKeyOf(r.key, 'communeId')] = t('errors.pickCommune');
      if (!/^\d+$/.test(r.slots.trim())) out[rowKeyOf(r.key, 'slots')] = t('errors.slots');
    }
    return out;
  }

  async function save() {
    const input = buildInput();
    if (!input) return;
    const parsed = programInput.safeParse(input);
    const found = { ...(parsed.success ? {} : errorsByRow(fieldErrors(parsed.error), rows)), ...rowErrors() };
    if (Object.keys(found).length > 0) return setErrors(found);
    setErrors({});
    setBusy(true);
    try {
      const saved = program
        ? await invoke('programs.update', { id: program.id, data: input })
        : await invoke('programs.create', input);
      notify.success(t(program ? 'updated' : 'created', { name: saved.name }));
      onClose(true);
    } catch (err) {
      if (err instanceof ApiError && err.error.details?.fields?.length) {
        setErrors(errorsByRow(Object.fromEntries(err.error.details.fields.map((f) => [f.path, f.message])), rows));
      } else {
        notify.failure(err);
      }
    } finally {
      setBusy(false);
    }
  }

  const communeOptions = communes.data ?? [];
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onClose(false)}>
      <DialogSurface className={styles.surface}>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <DialogBody>
            <DialogTitle>{program ? t('editTitle') : t('createTitle')}</DialogTitle>
            <DialogContent>
              <div className={styles.grid}>
                <Field className={styles.wide} label={t('fields.name')} required validationMessage={errors.name}>
                  <Input value={form.name} onChange={set('name')} autoFocus />
                </Field>
                <Field label={t('fields.operator')} validationMessage={errors.operator}>
                  <Input value={form.operator} onChange={set('operator')} />
                </Field>
                <Field label={t('fields.funder')} validationMessage={errors.funder}>
                  <Input value={form.funder} onChange={set('funder')} />
                </Field>
                <Field label={t('fields.fundingGuideline')} validationMessage={errors.fundingGuideline}>
                  <Input value={form.fundingGuideline} onChange={set('fundingGuideline')} />
                </Field>
                <Field label={t('fields.grantReference')} validationMessage={errors.grantReference}>
                  <Input value={form.grantReference} onChange={set('grantReference')} />
                </Field>
                <Field label={t('fields.startDate')} required validationMessage={errors.startDate}>
                  <DateField value={form.startDate} onChange={set('startDate')} />
                </Field>
                <Field label={t('fields.endDate')} validationMessage={errors.endDate}>
                  <DateField value={form.endDate} onChange={set('endDate')} />
                </Field>
                <Field label={t('fields.hourlyRate')} validationMessage={errors.hourlyRateCents}>
                  <Input value={form.hourlyRate} onChange={set('hourlyRate')} inputMode="decimal" />
                </Field>
                <fieldset className={styles.wide} style={{ border: 'none', padding: 0 }}>
                  <legend>
                    <Text weight="semibold">{t('fields.communes')}</Text>
                  </legend>
                  <div className={styles.communeList}>
                    {rows.length === 0 && <Text>{t('noCommunes')}</Text>}
                    {rows.map((r) => (
                      <div key={r.key} className={styles.communeRow} data-testid="commune-row">
                        <Field label={t('fields.commune')} validationMessage={errors[rowKeyOf(r.key, 'communeId')]}>
                          <Select
                            className={styles.fill}
                            value={r.communeId}
                            onChange={(_, d) => setRows((rs) => rs.map((x) => (x.key === r.key ? { ...x, communeId: d.value } : x)))}
                          >
                            <option value="">{t('pickCommune')}</option>
                            {communeOptions.map((c) => (
                              <option key={c.id} value={String(c.id)}>
                                {c.name}
                                {c.district ? ` (${c.district})` : ''}
                              </option>
                            ))}
                          </Select>
                        </Field>
                        <Field label={t('fields.slots')} validationMessage={errors[rowKeyOf(r.key, 'slots')]}>
                          <Input
                            className={styles.fill}
                            type="number"
                            min={0}
                            value={r.slots}
                            onChange={(_, d) => setRows((rs) => rs.map((x) => (x.key === r.key ? { ...x, slots: d.value } : x)))}
                          />
                        </Field>
                        <Button
                          className={styles.removeButton}
                          appearance="subtle"
                          icon={<DeleteRegular />}
                          aria-label={t('common:actions.remove')}
                          onClick={() => removeRow(r.key)}
                        />
                      </div>
                    ))}
                    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
                      <Button
                        icon={<AddRegular />}
                        onClick={() => setRows((rs) => [...rs, { key: rowKey++, communeId: '', slots: '3' }])}
                      >
                        {t('addCommune')}
                      </Button>
                      <Button onClick={() => setCatalog(true)} disabled={catalog}>
                        {t('catalog.open')}
                      </Button>
                      <Button onClick={() => setNewCommune(true)} disabled={newCommune}>
                        {t('newCommune')}
                      </Button>
                    </div>
                    {catalog && (
                      <CatalogCommunePicker
                        known={communeOptions}
                        onDone={(picked) => {
                          setCatalog(false);
                          if (!picked) return;
                          communes.reload();
                          notify.success(t('catalog.taken', { count: picked.length }));
                          setRows((rs) => [...rs, ...rowsFor(picked, rs)]);
                        }}
                      />
                    )}
                    {newCommune && (
                      <NewCommuneForm
                        onDone={(created) => {
                          setNewCommune(false);
                          if (created) {
                            communes.reload();
                            setRows((rs) => [...rs, { key: rowKey++, communeId: String(created.id), slots: '3' }]);
                          }
                        }}
                      />
                    )}
                  </div>
                </fieldset>
                <ProgramFiguresSection className={styles.wide} value={figures} onChange={setFigures} errors={errors} />
                <div className={styles.wide}>
                  <RuleEditor
                    value={rule}
                    communes={communeOptions}
                    error={Object.keys(errors).some((k) => k.startsWith('eligibilityRule')) ? t('rule.invalid') : undefined}
                    onChange={setRule}
                  />
                </div>
              </div>
            </DialogContent>
            <DialogActions>
              <Button onClick={() => onClose(false)}>{t('common:actions.cancel')}</Button>
              <Button type="submit" appearance="primary" disabled={busy}>
                {t('common:actions.save')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
