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
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { residenceTitles } from '../../../../shared/rules/residence-titles.js';
import { nationalityOptions } from '../../../../shared/rules/countries.js';
import { characteristicsOf, EntryCharacteristicsFields, fromTriState, type CharacteristicsState } from './EntryCharacteristicsFields.js';

/** the catalogue's labels: a corrected status is a title of the catalogue (its code follows from the label) */
const titleLabels = residenceTitles.map((x) => x.label);
const countryNames = nationalityOptions().map((n) => n.name);

/** The form's characteristics as the correction takes them ("" = keine Angabe = null). */
function correctedCharacteristics(c: CharacteristicsState) {
  return {
    employmentStatus: (c.employmentStatus || null) as EntryCorrectionInput['employmentStatus'],
    iscedGroup: (c.iscedGroup || null) as EntryCorrectionInput['iscedGroup'],
    qualificationRecognition: (c.qualificationRecognition || null) as EntryCorrectionInput['qualificationRecognition'],
    migrationBackground: fromTriState(c.migrationBackground),
    arrivalInGermany: c.arrivalInGermany || null,
    interpreterLanguage: c.interpreterLanguage.trim() || null,
    childcareNeed: fromTriState(c.childcareNeed),
  };
}
import type { Enrollment, EntryCorrectionInput } from '../../../../shared/domain/enrollments.js';
import { germanLevels, genders } from '../../../../shared/domain/participants.js';
import { invoke } from '../../api/client.js';
import { serverFieldErrors } from '../../components/zodFields.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
  wide: { gridColumn: '1 / span 2' },
});

type Entry = NonNullable<Enrollment['entry']>;

/**
 * Corrects the characteristics stored at entry. Reports count from them, so a change needs a reason, which the
 * Protokoll keeps with the before and after values.
 */
export function CorrectEntryDialog({ enrollment, entry, onClose }: { enrollment: Enrollment; entry: Entry; onClose: (changed: boolean) => void }) {
  const styles = useStyles();
  const { t } = useTranslation('participants');
  const notify = useNotify();
  const communes = useCall('communes.list', {});
  const [form, setForm] = useState({
    birthYear: entry.birthYear === null ? '' : String(entry.birthYear),
    gender: entry.gender ?? '',
    communeId: entry.communeId === null ? '' : String(entry.communeId),
    residenceStatus: entry.residenceStatus ?? '',
    nationality: entry.nationality ?? '',
    germanLevel: entry.germanLevel ?? '',
    reason: '',
  });
  const [chars, setChars] = useState<CharacteristicsState>(() => characteristicsOf(entry));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (_: unknown, d: { value: string }) => setForm((f) => ({ ...f, [k]: d.value }));

  async function save() {
    if (form.reason.trim().length < 3) return setErrors({ reason: t('entry.reasonRequired') });
    const year = form.birthYear.trim() === '' ? null : Number(form.birthYear);
    if (year !== null && !Number.isInteger(year)) return setErrors({ birthYear: t('entry.yearInvalid') });
    setErrors({});
    setBusy(true);
    try {
      await invoke('enrollments.correctEntry', {
        id: enrollment.id,
        birthYear: year,
        gender: form.gender === '' ? null : (form.gender as (typeof genders)[number]),
        communeId: form.communeId === '' ? null : Number(form.communeId),
        residenceStatus: form.residenceStatus === '' ? null : form.residenceStatus,
        nationality: form.nationality.trim() === '' ? null : form.nationality.trim(),
        germanLevel: form.germanLevel === '' ? null : (form.germanLevel as (typeof germanLevels)[number]),
        ...correctedCharacteristics(chars),
        reason: form.reason.trim(),
      });
      notify.success(t('entry.corrected'));
      onClose(true);
    } catch (err) {
      const fields = serverFieldErrors(err);
      if (fields) {
        setErrors(fields);
      } else notify.failure(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onClose(false)}>
      <DialogSurface>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <DialogBody>
            <DialogTitle>{t('entry.correctTitle', { program: enrollment.programName })}</DialogTitle>
            <DialogContent>
              <div className={styles.grid}>
                <Text className={styles.wide}>{t('entry.correctHint')}</Text>
                <Field label={t('entry.birthYear')} validationMessage={errors.birthYear}>
                  <Input type="number" value={form.birthYear} onChange={set('birthYear')} />
                </Field>
                <Field label={t('fields.gender')} validationMessage={errors.gender}>
                  <Select value={form.gender} onChange={set('gender')}>
                    <option value="">{t('gender.none')}</option>
                    {genders.map((g) => (
                      <option key={g} value={g}>
                        {t(`gender.${g}`)}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={t('fields.communeId')} validationMessage={errors.communeId}>
                  <Select value={form.communeId} onChange={set('communeId')}>
                    <option value="">{t('none')}</option>
                    {(communes.data ?? []).map((c) => (
                      <option key={c.id} value={String(c.id)}>
                        {c.name}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={t('fields.residenceStatus')} validationMessage={errors.residenceStatus}>
                  <Select value={form.residenceStatus} onChange={set('residenceStatus')}>
                    <option value="">{t('none')}</option>
                    {!titleLabels.includes(form.residenceStatus) && form.residenceStatus !== '' && (
                      <option value={form.residenceStatus}>{form.residenceStatus}</option>
                    )}
                    {titleLabels.map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={t('fields.nationality')} validationMessage={errors.nationality}>
                  <Input value={form.nationality} onChange={set('nationality')} list="lotse-entry-countries" />
                  <datalist id="lotse-entry-countries">
                    {countryNames.map((n) => (
                      <option key={n} value={n} />
                    ))}
                  </datalist>
                </Field>
                <Field label={t('fields.germanLevel')} validationMessage={errors.germanLevel}>
                  <Select value={form.germanLevel} onChange={set('germanLevel')}>
                    <option value="">{t('none')}</option>
                    {germanLevels.map((l) => (
                      <option key={l} value={l}>
                        {l}
                      </option>
                    ))}
                  </Select>
                </Field>
                <EntryCharacteristicsFields value={chars} onChange={setChars} errors={errors} withAsylblg={false} />
                <Field className={styles.wide} label={t('entry.reason')} required validationMessage={errors.reason}>
                  <Textarea value={form.reason} onChange={set('reason')} />
                </Field>
              </div>
            </DialogContent>
            <DialogActions>
              <Button onClick={() => onClose(false)}>{t('common:actions.cancel')}</Button>
              <Button type="submit" appearance="primary" disabled={busy}>
                {t('entry.saveCorrection')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
