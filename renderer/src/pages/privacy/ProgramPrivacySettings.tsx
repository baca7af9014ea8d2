import {
  Button,
  Checkbox,
  Field,
  makeStyles,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { EditRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { Controller, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  participantFieldNames,
  programPrivacyInput,
  sensitiveFieldNames,
  type ProgramPrivacy,
} from '../../../../shared/domain/privacy.js';
import { invoke } from '../../api/client.js';
import { formatDate } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { FormDate, FormInput, FormTextarea } from '../../components/form/fields.js';
import { FormDialog } from '../../components/form/FormDialog.js';
import { useLotseForm } from '../../components/form/useLotseForm.js';

const useStyles = makeStyles({
  checks: { display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', columnGap: tokens.spacingHorizontalM },
  grid: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
  surface: { maxWidth: '760px', width: '100%' },
});

function ProgramPrivacyDialog({ program, onClose }: { program: ProgramPrivacy; onClose: (changed: boolean) => void }) {
  const styles = useStyles();
  const { t } = useTranslation('privacy');
  const notify = useNotify();
  const f = useLotseForm({
    schema: programPrivacyInput,
    defaultValues: {
      legalBasisFields: program.legalBasisFields as string[],
      sensitiveFields: program.sensitiveFields as string[],
      sensitiveReason: program.sensitiveReason ?? '',
      retentionYears: String(program.retentionYears),
      finalReportSubmittedOn: program.finalReportSubmittedOn ?? '',
    },
    toInput: (v) => ({
      legalBasisFields: participantFieldNames.filter((x) => v.legalBasisFields.includes(x)),
      sensitiveFields: sensitiveFieldNames.filter((x) => v.sensitiveFields.includes(x)),
      sensitiveReason: v.sensitiveReason,
      retentionYears: Number(v.retentionYears),
      finalReportSubmittedOn: v.finalReportSubmittedOn || null,
    }),
    submit: (data) => invoke('privacy.updateProgram', { programId: program.programId, data }),
    onSaved: () => {
      notify.success(t('programs.saved'));
      onClose(true);
    },
  });

  return (
    <FormDialog form={f} title={t('programs.edit', { name: program.programName })} onClose={() => onClose(false)} surfaceClassName={styles.surface}>
      <div className={styles.grid}>
        <FormInput form={f} name="retentionYears" label={t('programs.retentionYears')} type="number" />
        <FormDate form={f} name="finalReportSubmittedOn" label={t('programs.finalReport')} />
      </div>
      <CheckGroup form={f} name="legalBasisFields" label={t('programs.legalBasis')} keys={participantFieldNames} className={styles.checks} />
      <CheckGroup form={f} name="sensitiveFields" label={t('programs.sensitive')} keys={sensitiveFieldNames} className={styles.checks} />
      <FormTextarea form={f} name="sensitiveReason" label={t('programs.sensitiveReason')} resize="vertical" />
    </FormDialog>
  );
}

/** A set of field names as checkboxes, labelled with the fields' names. */
function CheckGroup({
  form,
  name,
  label,
  keys,
  className,
}: {
  form: { control: Control<PrivacyValues> };
  name: 'legalBasisFields' | 'sensitiveFields';
  label: string;
  keys: readonly string[];
  className: string;
}) {
  const { t } = useTranslation('privacy');
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <Field label={label} validationMessage={fieldState.error?.message}>
          <div className={className}>
            {keys.map((k) => (
              <Checkbox
                key={k}
                label={t(`fields.${k}`)}
                checked={field.value.includes(k)}
                onChange={(_, d) => field.onChange(d.checked === true ? [...field.value, k] : field.value.filter((x) => x !== k))}
              />
            ))}
          </div>
        </Field>
      )}
    />
  );
}

interface PrivacyValues {
  legalBasisFields: string[];
  sensitiveFields: string[];
  sensitiveReason: string;
  retentionYears: string;
  finalReportSubmittedOn: string;
}

/** Per program: retention, final report date, legal-basis fields and Art. 9 fields with their reason. */
export function ProgramPrivacySettings({ onChanged }: { onChanged?: () => void }) {
  const { t } = useTranslation('privacy');
  const programs = useCall('privacy.programs', {});
  const [editing, setEditing] = useState<ProgramPrivacy | null>(null);
  return (
    <section aria-labelledby="program-privacy-title">
      <Subtitle2 as="h2" id="program-privacy-title">
        {t('programs.title')}
      </Subtitle2>
      <Table aria-label={t('programs.title')} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('programs.program')}</TableHeaderCell>
            <TableHeaderCell>{t('programs.retentionYears')}</TableHeaderCell>
            <TableHeaderCell>{t('programs.finalReport')}</TableHeaderCell>
            <TableHeaderCell>{t('programs.retentionEnds')}</TableHeaderCell>
            <TableHeaderCell>{t('programs.sensitive')}</TableHeaderCell>
            <TableHeaderCell aria-label={t('common:actions.edit')} />
          </TableRow>
        </TableHeader>
        <TableBody>
          {(programs.data ?? []).map((p) => (
            <TableRow key={p.programId}>
              <TableCell>{p.programName}</TableCell>
              <TableCell>{p.retentionYears}</TableCell>
              <TableCell>{formatDate(p.finalReportSubmittedOn)}</TableCell>
              <TableCell>{p.retentionEndsOn ? formatDate(p.retentionEndsOn) : t('programs.open')}</TableCell>
              <TableCell>{p.sensitiveFields.map((f) => t(`fields.${f}`)).join(', ')}</TableCell>
              <TableCell>
                <Button
                  appearance="subtle"
                  icon={<EditRegular />}
                  aria-label={t('programs.edit', { name: p.programName })}
                  onClick={() => setEditing(p)}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {editing && (
        <ProgramPrivacyDialog
          program={editing}
          onClose={(changed) => {
            setEditing(null);
            if (changed) {
              programs.reload();
              onChanged?.();
            }
          }}
        />
      )}
    </section>
  );
}
