import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { EditRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  participantFieldNames,
  programPrivacyInput,
  sensitiveFieldNames,
  type ProgramPrivacy,
} from '../../../../shared/domain/privacy.js';
import { ApiError, invoke } from '../../api/client.js';
import { formatDate } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { fieldErrors } from '../../components/zodFields.js';
import { DateField } from '../../components/DateField.js';

const useStyles = makeStyles({
  checks: { display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', columnGap: tokens.spacingHorizontalM },
  grid: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  surface: { maxWidth: '760px', width: '100%' },
});

function ProgramPrivacyDialog({ program, onClose }: { program: ProgramPrivacy; onClose: (changed: boolean) => void }) {
  const styles = useStyles();
  const { t } = useTranslation('privacy');
  const notify = useNotify();
  const [legal, setLegal] = useState(new Set(program.legalBasisFields));
  const [sensitive, setSensitive] = useState(new Set(program.sensitiveFields));
  const [reason, setReason] = useState(program.sensitiveReason ?? '');
  const [years, setYears] = useState(String(program.retentionYears));
  const [reportDate, setReportDate] = useState(program.finalReportSubmittedOn ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const toggle = (set: Set<string>, update: (s: Set<string>) => void, key: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(key);
    else next.delete(key);
    update(next);
  };

  async function save() {
    const data = {
      legalBasisFields: participantFieldNames.filter((f) => legal.has(f)),
      sensitiveFields: sensitiveFieldNames.filter((f) => sensitive.has(f)),
      sensitiveReason: reason,
      retentionYears: Number(years),
      finalReportSubmittedOn: reportDate || null,
    };
    const parsed = programPrivacyInput.safeParse(data);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setBusy(true);
    try {
      await invoke('privacy.updateProgram', { programId: program.programId, data });
      notify.success(t('programs.saved'));
      onClose(true);
    } catch (err) {
      if (err instanceof ApiError && err.error.details?.fields) {
        setErrors(Object.fromEntries(err.error.details.fields.map((f) => [f.path.replace(/^data\./, ''), f.message])));
      }
      notify.failure(err);
      setBusy(false);
    }
  }

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose(false)}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t('programs.edit', { name: program.programName })}</DialogTitle>
          <DialogContent className={styles.form}>
            <div className={styles.grid}>
              <Field label={t('programs.retentionYears')} validationMessage={errors.retentionYears}>
                <Input type="number" value={years} onChange={(_, d) => setYears(d.value)} />
              </Field>
              <Field label={t('programs.finalReport')} validationMessage={errors.finalReportSubmittedOn}>
                <DateField value={reportDate} onChange={(_, d) => setReportDate(d.value)} />
              </Field>
            </div>
            <Field label={t('programs.legalBasis')}>
              <div className={styles.checks}>
                {participantFieldNames.map((f) => (
                  <Checkbox key={f} label={t(`fields.${f}`)} checked={legal.has(f)} onChange={(_, d) => toggle(legal, setLegal, f, d.checked === true)} />
                ))}
              </div>
            </Field>
            <Field label={t('programs.sensitive')}>
              <div className={styles.checks}>
                {sensitiveFieldNames.map((f) => (
                  <Checkbox key={f} label={t(`fields.${f}`)} checked={sensitive.has(f)} onChange={(_, d) => toggle(sensitive, setSensitive, f, d.checked === true)} />
                ))}
              </div>
            </Field>
            <Field label={t('programs.sensitiveReason')} validationMessage={errors.sensitiveReason}>
              <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={() => onClose(false)}>
              {t('common:actions.cancel')}
            </Button>
            <Button appearance="primary" disabled={busy} onClick={() => void save()}>
              {t('common:actions.save')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
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
