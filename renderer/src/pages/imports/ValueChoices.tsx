import { Field, Input, makeStyles, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title3, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ImportValueReport, ValueField } from '../../../../shared/domain/imports.js';
import { nationalityOptions } from '../../../../shared/rules/countries.js';
import { residenceTitles } from '../../../../shared/rules/residence-titles.js';
import { useCall } from '../../components/useCall.js';
import { choiceFor, choiceKey, CREATE, EMPTY, OPEN, type Choice, type Choices } from './valueDecisions.js';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  create: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', marginTop: tokens.spacingVerticalXS },
  recognised: { color: tokens.colorNeutralForeground3 },
});

const titleOptions = residenceTitles.map((t) => ({ value: t.code, label: t.label }));
const countryOptions = nationalityOptions().map((n) => ({ value: n.code, label: n.name }));

/**
 * The values of the catalogue columns (issue 14 item 5): those recognised in one line per column, and each value
 * no catalogue knows with its count and a choice — map it, create the commune (name and district), leave it empty
 * or leave it open. The sender's earlier decisions come preselected.
 */
export function ValueChoicesSection({
  values,
  choices,
  onChange,
  missingName,
  sender,
}: {
  /** the sender the preview was read for (its remembered decisions are shown) */
  sender: string;
  values: ImportValueReport[];
  choices: Choices;
  onChange: (key: string, choice: Choice) => void;
  missingName: string | null;
}) {
  const styles = useStyles();
  const { t } = useTranslation('imports');
  const communes = useCall('communes.list', {});
  if (values.length === 0) return null;
  const optionsOf = (field: ValueField) =>
    field === 'residenceStatus' ? titleOptions : field === 'nationality' ? countryOptions : (communes.data ?? []).map((c) => ({ value: String(c.id), label: c.district ? `${c.name} (${c.district})` : c.name }));

  return (
    <div className={styles.section} data-testid="value-choices" data-sender={sender}>
      <Title3 as="h2">{t('values.title')}</Title3>
      <Text>{t('values.intro')}</Text>
      {values.map((v) => (
        <div key={v.field} className={styles.section}>
          <Text weight="semibold">{t(`fields.${v.field}`)}</Text>
          {v.recognised.length > 0 && (
            <Text className={styles.recognised} data-testid={`recognised-${v.field}`}>
              {t('values.recognised', { list: v.recognised.map((r) => (r.value === r.label ? `${r.value} (${r.count})` : `${r.value} → ${r.label} (${r.count})`)).join(', ') })}
            </Text>
          )}
          {v.unknown.length === 0 ? (
            <Text>{t('values.allKnown')}</Text>
          ) : (
            <Table aria-label={t('values.unknownOf', { field: t(`fields.${v.field}`) })} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell style={{ width: '30%' }}>{t('values.value')}</TableHeaderCell>
                  <TableHeaderCell style={{ width: '20%' }}>{t('values.count')}</TableHeaderCell>
                  <TableHeaderCell style={{ width: '50%' }}>{t('values.choice')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {v.unknown.map((u) => {
                  const key = choiceKey(v.field, u.value);
                  const c = choiceFor(choices, v.field, u);
                  const selected = c.create ? CREATE : c.mapTo === null ? OPEN : c.mapTo === '' ? EMPTY : c.mapTo;
                  const choose = (value: string) =>
                    onChange(
                      key,
                      value === CREATE
                        ? { mapTo: null, create: { name: u.value, district: '' } }
                        : { mapTo: value === OPEN ? null : value === EMPTY ? '' : value },
                    );
                  return (
                    <TableRow key={key} data-testid="unknown-value">
                      <TableCell>„{u.value}“</TableCell>
                      <TableCell>{t('values.rows', { count: u.count, rows: u.rows.slice(0, 5).join(', ') })}</TableCell>
                      <TableCell>
                        <Select aria-label={t('values.choiceFor', { value: u.value })} value={selected} onChange={(_e, d) => choose(d.value)}>
                          <option value={OPEN}>{t('values.leaveOpen')}</option>
                          <option value={EMPTY}>{t('values.leaveEmpty')}</option>
                          {v.field === 'commune' && <option value={CREATE}>{t('values.createCommune')}</option>}
                          {optionsOf(v.field).map((o) => (
                            <option key={o.value} value={o.value}>
                              {o.label}
                            </option>
                          ))}
                        </Select>
                        {u.remembered && !choices[key] && <Text size={200}>{t('values.remembered')}</Text>}
                        {c.create && (
                          <div className={styles.create}>
                            <Field
                              label={t('values.communeName')}
                              validationMessage={missingName === key ? t('values.nameMissing') : undefined}
                              validationState={missingName === key ? 'error' : 'none'}
                            >
                              <Input value={c.create.name} onChange={(_e, d) => onChange(key, { mapTo: null, create: { ...c.create!, name: d.value } })} />
                            </Field>
                            <Field label={t('values.district')}>
                              <Input value={c.create.district} onChange={(_e, d) => onChange(key, { mapTo: null, create: { ...c.create!, district: d.value } })} />
                            </Field>
                          </div>
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
        </div>
      ))}
    </div>
  );
}

/** After the import: the values still open, with count and first rows; they are listed under Teilnehmende to decide. */
export function UnknownAfterImport({ unknown }: { unknown: Array<{ field: ValueField; value: string; count: number; rows: number[] }> }) {
  const { t } = useTranslation('imports');
  if (unknown.length === 0) return null;
  return (
    <ul aria-label={t('values.stillOpen')} data-testid="unknown-after-import">
      {unknown.map((u) => (
        <li key={choiceKey(u.field, u.value)}>
          {t('values.stillOpenLine', { field: t(`fields.${u.field}`), value: u.value, count: u.count, rows: u.rows.slice(0, 10).join(', ') })}
        </li>
      ))}
    </ul>
  );
}
