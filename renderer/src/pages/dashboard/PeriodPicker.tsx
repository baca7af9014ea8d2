import { Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Program } from '../../../../shared/domain/programs.js';
import type { Period } from './usePeriod.js';
import { DateField } from '../../components/DateField.js';

// the period changes only once a whole date is typed; half a date would reset the field to the default period
const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

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
            // no dates: the new program's own default period applies (see usePeriod)
            const p = programs.find((x) => x.id === Number(d.value));
            if (p) onChange({ programId: p.id, from: '', to: '' });
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
        <DateField value={value.from} onChange={(_, d) => isDate(d.value) && onChange({ ...value, from: d.value })} />
      </Field>
      <Field label={t('picker.to')} validationMessage={value.from > value.to ? t('picker.invalid') : undefined}>
        <DateField value={value.to} onChange={(_, d) => isDate(d.value) && onChange({ ...value, to: d.value })} />
      </Field>
    </div>
  );
}
