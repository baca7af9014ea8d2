import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { Controller, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { openRule, type EligibilityGroup } from '../../../../shared/domain/eligibility.js';
import { programInput, type Program, type ProgramInput } from '../../../../shared/domain/programs.js';
import { invoke } from '../../api/client.js';
import { FormDate, FormInput, FormSelect } from '../../components/form/fields.js';
import { FormDialog } from '../../components/form/FormDialog.js';
import { useLotseForm } from '../../components/form/useLotseForm.js';
import { parseEuroToCents } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { CatalogCommunePicker } from './CatalogCommunePicker.js';
import { NewCommuneForm } from './NewCommuneForm.js';
import { figuresFieldOf, figuresFormOf, figuresInputOf, type ProgramFiguresForm } from './programFigures.js';
import { ProgramFiguresSection } from './ProgramFiguresSection.js';
import { RuleEditor } from './RuleEditor.js';

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

interface Values {
  name: string;
  operator: string;
  funder: string;
  fundingGuideline: string;
  grantReference: string;
  startDate: string;
  endDate: string;
  /** as typed, "0,80" */
  hourlyRateCents: string;
  communes: { communeId: string; slots: string }[];
  eligibilityRule: EligibilityGroup;
  figures: ProgramFiguresForm;
}

function valuesOf(program: Program | null): Values {
  return {
    name: program?.name ?? '',
    operator: program?.operator ?? '',
    funder: program?.funder ?? '',
    fundingGuideline: program?.fundingGuideline ?? '',
    grantReference: program?.grantReference ?? '',
    startDate: program?.startDate ?? '',
    endDate: program?.endDate ?? '',
    hourlyRateCents: ((program?.hourlyRateCents ?? 80) / 100).toFixed(2).replace('.', ','),
    communes: program?.communes.map((c) => ({ communeId: String(c.communeId), slots: String(c.slots) })) ?? [],
    eligibilityRule: program?.eligibilityRule ?? openRule,
    figures: figuresFormOf(program),
  };
}

function inputOf(v: Values): ProgramInput {
  const { figures, ...rest } = v;
  return {
    ...rest,
    endDate: v.endDate === '' ? null : v.endDate,
    hourlyRateCents: parseEuroToCents(v.hourlyRateCents) ?? NaN,
    communes: v.communes.map((r) => ({ communeId: Number(r.communeId), slots: r.slots.trim() === '' ? NaN : Number(r.slots) })),
    ...figuresInputOf(figures),
  };
}

/** Create or edit a program with its communes and AGH slots. Validated with the same schema as the handler. */
export function ProgramDialog({ program, onClose }: { program: Program | null; onClose: (changed: boolean) => void }) {
  const styles = useStyles();
  const { t } = useTranslation('programs');
  const notify = useNotify();
  const communes = useCall('communes.list', {});
  const [newCommune, setNewCommune] = useState(false);
  const [catalog, setCatalog] = useState(false);
  const f = useLotseForm({
    schema: programInput,
    defaultValues: valuesOf(program),
    toInput: inputOf,
    // a row without a commune or with no whole number of places, and an amount that is none, get their own words
    check: (v) => {
      const out: Record<string, string> = {};
      if (parseEuroToCents(v.hourlyRateCents) === null) out.hourlyRateCents = t('errors.hourlyRate');
      v.communes.forEach((r, i) => {
        if (r.communeId === '') out[`communes.${i}.communeId`] = t('errors.pickCommune');
        if (!/^\d+$/.test(r.slots.trim())) out[`communes.${i}.slots`] = t('errors.slots');
      });
      return out;
    },
    fieldOf: (path, v) => (path.startsWith('eligibilityRule') ? 'eligibilityRule' : (figuresFieldOf(path, v.figures) ?? path)),
    submit: (input) => (program ? invoke('programs.update', { id: program.id, data: input }) : invoke('programs.create', input)),
    onSaved: (saved) => {
      notify.success(t(program ? 'updated' : 'created', { name: saved.name }));
      onClose(true);
    },
  });
  const rows = useFieldArray({ control: f.control, name: 'communes' });

  const communeOptions = communes.data ?? [];
  return (
    <FormDialog
      form={f}
      title={program ? t('editTitle') : t('createTitle')}
      onClose={() => onClose(false)}
      surfaceClassName={styles.surface}
      contentClassName=""
    >
      <div className={styles.grid}>
        <FormInput form={f} name="name" fieldClassName={styles.wide} label={t('fields.name')} required autoFocus />
        <FormInput form={f} name="operator" label={t('fields.operator')} />
        <FormInput form={f} name="funder" label={t('fields.funder')} />
        <FormInput form={f} name="fundingGuideline" label={t('fields.fundingGuideline')} />
        <FormInput form={f} name="grantReference" label={t('fields.grantReference')} />
        <FormDate form={f} name="startDate" label={t('fields.startDate')} required />
        <FormDate form={f} name="endDate" label={t('fields.endDate')} />
        <FormInput form={f} name="hourlyRateCents" label={t('fields.hourlyRate')} inputMode="decimal" />
        <fieldset className={styles.wide} style={{ border: 'none', padding: 0 }}>
          <legend>
            <Text weight="semibold">{t('fields.communes')}</Text>
          </legend>
          <div className={styles.communeList}>
            {rows.fields.length === 0 && <Text>{t('noCommunes')}</Text>}
            {rows.fields.map((r, i) => (
              <div key={r.id} className={styles.communeRow} data-testid="commune-row">
                <FormSelect form={f} name={`communes.${i}.communeId`} label={t('fields.commune')} className={styles.fill}>
                  <option value="">{t('pickCommune')}</option>
                  {communeOptions.map((c) => (
                    <option key={c.id} value={String(c.id)}>
                      {c.name}
                      {c.district ? ` (${c.district})` : ''}
                    </option>
                  ))}
                </FormSelect>
                <FormInput form={f} name={`communes.${i}.slots`} label={t('fields.slots')} className={styles.fill} type="number" min={0} />
                <Button
                  className={styles.removeButton}
                  appearance="subtle"
                  icon={<DeleteRegular />}
                  aria-label={t('common:actions.remove')}
                  onClick={() => rows.remove(i)}
                />
              </div>
            ))}
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
              <Button icon={<AddRegular />} onClick={() => rows.append({ communeId: '', slots: '3' }, { shouldFocus: false })}>
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
                  // a commune the program already lists is not added twice
                  const present = new Set(f.form.getValues('communes').map((r) => r.communeId));
                  const added = picked.filter((c) => !present.has(String(c.id)));
                  rows.append(added.map((c) => ({ communeId: String(c.id), slots: '3' })), { shouldFocus: false });
                }}
              />
            )}
            {newCommune && (
              <NewCommuneForm
                onDone={(created) => {
                  setNewCommune(false);
                  if (created) {
                    communes.reload();
                    rows.append({ communeId: String(created.id), slots: '3' }, { shouldFocus: false });
                  }
                }}
              />
            )}
          </div>
        </fieldset>
        <Controller
          control={f.control}
          name="figures"
          render={({ field }) => (
            <ProgramFiguresSection
              className={styles.wide}
              value={field.value}
              onChange={field.onChange}
              errorOf={(path) => f.errorOf(`figures.${path}`)}
            />
          )}
        />
        <div className={styles.wide}>
          <Controller
            control={f.control}
            name="eligibilityRule"
            render={({ field, fieldState }) => (
              <RuleEditor value={field.value} communes={communeOptions} error={fieldState.error ? t('rule.invalid') : undefined} onChange={field.onChange} />
            )}
          />
        </div>
      </div>
    </FormDialog>
  );
}
