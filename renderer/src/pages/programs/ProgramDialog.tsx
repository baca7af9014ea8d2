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
import { NewCommuneForm } from './NewCommuneForm.js';
import { figuresFormOf, figuresInputOf } from './programFigures.js';
import { ProgramFiguresSection } from './ProgramFiguresSection.js';
import { RuleEditor } from './RuleEditor.js';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
  wide: { gridColumn: '1 / span 2' },
  communeRow: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  communeList: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  surface: { maxWidth: '760px', width: '100%' },
});

interface Row {
  key: number;
  communeId: string;
  slots: string;
}

let rowKey = 0;

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

  async function save() {
    const input = buildInput();
    if (!input) return;
    const parsed = programInput.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
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
        setErrors(Object.fromEntries(err.error.details.fields.map((f) => [f.path, f.message])));
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
                  <Input type="date" value={form.startDate} onChange={set('startDate')} />
                </Field>
                <Field label={t('fields.endDate')} validationMessage={errors.endDate}>
                  <Input type="date" value={form.endDate} onChange={set('endDate')} />
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
                    {rows.map((r, i) => (
                      <div key={r.key} className={styles.communeRow} data-testid="commune-row">
                        <Field label={t('fields.commune')} validationMessage={errors[`communes.${i}.communeId`]} style={{ flexGrow: 1 }}>
                          <Select
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
                        <Field label={t('fields.slots')} validationMessage={errors[`communes.${i}.slots`]} style={{ width: 110 }}>
                          <Input
                            type="number"
                            min={0}
                            value={r.slots}
                            onChange={(_, d) => setRows((rs) => rs.map((x) => (x.key === r.key ? { ...x, slots: d.value } : x)))}
                          />
                        </Field>
                        <Button
                          appearance="subtle"
                          icon={<DeleteRegular />}
                          aria-label={t('common:actions.remove')}
                          onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                        />
                      </div>
                    ))}
                    <div style={{ display: 'flex', gap: 8 }}>
                      <Button
                        icon={<AddRegular />}
                        onClick={() => setRows((rs) => [...rs, { key: rowKey++, communeId: '', slots: '3' }])}
                      >
                        {t('addCommune')}
                      </Button>
                      <Button onClick={() => setNewCommune(true)} disabled={newCommune}>
                        {t('newCommune')}
                      </Button>
                    </div>
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
