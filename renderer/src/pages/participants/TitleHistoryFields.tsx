import { Button, Field, makeStyles, MessageBar, MessageBarBody, Select, Text, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.js';
import type { TitleEntryInput } from '../../../../shared/domain/participant-model.js';
import { residenceGroupLabels } from '../../../../shared/rules/residence-groups.js';
import { labourMarketLabels, residenceTitle, residenceTitles } from '../../../../shared/rules/residence-titles.js';

const useStyles = makeStyles({
  box: { gridColumn: '1 / -1', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'grid', gridTemplateColumns: 'minmax(260px, 2fr) 1fr 1fr auto', gap: tokens.spacingHorizontalS, alignItems: 'end' },
});

export interface TitleRow {
  titleCode: string;
  validFrom: string;
  validUntil: string;
}

export const titleRowsOf = (titles: ReadonlyArray<{ titleCode: string; validFrom: string | null; validUntil: string | null }>): TitleRow[] =>
  titles.map((t) => ({ titleCode: t.titleCode, validFrom: t.validFrom ?? '', validUntil: t.validUntil ?? '' }));

export const titleInputsOf = (rows: readonly TitleRow[]): TitleEntryInput[] =>
  rows.filter((r) => r.titleCode !== '').map((r) => ({ titleCode: r.titleCode, validFrom: r.validFrom, validUntil: r.validUntil }));

/**
 * The person's residence titles over time (issue 14): one row per title with valid-from/until. An old value the
 * catalogue could not map is shown above the rows as "to decide" — the form still saves and keeps it until a title
 * is chosen.
 */
export function TitleHistoryFields({
  rows,
  onChange,
  errors,
  openValue,
  currentCode,
}: {
  rows: TitleRow[];
  onChange: (rows: TitleRow[]) => void;
  errors: Record<string, string>;
  openValue: string | null;
  currentCode: string | null;
}) {
  const styles = useStyles();
  const { t } = useTranslation('participants');
  const setRow = (i: number, patch: Partial<TitleRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const current = residenceTitle(currentCode);
  return (
    <div className={styles.box} data-testid="title-history">
      <Text weight="semibold">{t('model.titles')}</Text>
      {openValue !== null && rows.length === 0 && (
        <MessageBar intent="warning" data-testid="residence-open">
          <MessageBarBody>{t('model.openStatus', { value: openValue })}</MessageBarBody>
        </MessageBar>
      )}
      {rows.map((r, i) => (
        <div key={i} className={styles.row}>
          <Field label={t('model.title')} validationMessage={errors[`titles.${i}.titleCode`]}>
            <Select value={r.titleCode} onChange={(_, d) => setRow(i, { titleCode: d.value })} aria-label={t('model.title')}>
              <option value="">{t('none')}</option>
              {residenceTitles.map((x) => (
                <option key={x.code} value={x.code}>
                  {x.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('model.validFrom')} validationMessage={errors[`titles.${i}.validFrom`]}>
            <DateField value={r.validFrom} onChange={(_, d) => setRow(i, { validFrom: d.value })} />
          </Field>
          <Field label={t('model.validUntil')} validationMessage={errors[`titles.${i}.validUntil`]}>
            <DateField value={r.validUntil} onChange={(_, d) => setRow(i, { validUntil: d.value })} />
          </Field>
          <Button icon={<DeleteRegular />} aria-label={t('model.removeTitle')} onClick={() => onChange(rows.filter((_, j) => j !== i))} />
        </div>
      ))}
      <div>
        <Button icon={<AddRegular />} onClick={() => onChange([...rows, { titleCode: '', validFrom: '', validUntil: '' }])}>
          {t('model.addTitle')}
        </Button>
      </div>
      {current && (
        <Text size={200} data-testid="title-attributes">
          {t('model.attributes', {
            group: residenceGroupLabels[current.group],
            basis: current.legalBasis,
            labour: labourMarketLabels[current.labourMarket],
          })}
        </Text>
      )}
    </div>
  );
}
