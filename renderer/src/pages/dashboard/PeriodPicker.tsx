import { Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Program } from '../../../../shared/domain/programs.js';
import { defaultPeriod, type Period } from './usePeriod.js';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
});

/** Program and period choice of the dashboard and the reports page. */
export function PeriodPicker({ programs, value, onChange }: { programs: Program[]; value: Period; onChange: (p: Period) => void }) {
  const styles = useStyles();
  const { t } = useTranslation('dashboard');
  return (
    <div className={styles.row}>
      <Field label={t('picker.program')}>
        <Select
          value={String(value.programId)}
          onChange={(_, d) => {
            const p = programs.find((x) => x.id === Number(d.value));
            if (p) onChange(defaultPeriod(p));
          }}
        >
          {programs.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('picker.from')}>
        <Input type="date" value={value.from} onChange={(_, d) => d.value && onChange({ ...value, from: d.value })} />
      </Field>
      <Field label={t('picker.to')} validationMessage={value.from > value.to ? t('picker.invalid') : undefined}>
        <Input type="date" value={value.to} onChange={(_, d) => d.value && onChange({ ...value, to: d.value })} />
      </Field>
    </div>
  );
}
