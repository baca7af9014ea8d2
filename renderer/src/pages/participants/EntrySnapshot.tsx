import { Button, Card, makeStyles, Text, tokens } from '@fluentui/react-components';
import { EditRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Enrollment } from '../../../../shared/domain/enrollments.js';
import { employmentStatusLabels, iscedGroupLabels, recognitionStatusLabels } from '../../../../shared/domain/participant-model.js';
import { formatDate } from '../../components/format.js';
import { CorrectEntryDialog } from './CorrectEntryDialog.js';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, marginTop: tokens.spacingVerticalL },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalM },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  detail: { margin: 0 },
});

const yesNo = (v: boolean | null, t: (k: string) => string) => (v === null ? null : v ? t('model.yes') : t('model.no'));

function characteristics(x: NonNullable<Enrollment['entry']>, t: (k: string) => string): Array<[string, string]> {
  const rows: Array<[string, string | null]> = [
    [t('model.employmentStatus'), x.employmentStatus ? employmentStatusLabels[x.employmentStatus] : null],
    [t('model.iscedGroup'), x.iscedGroup ? iscedGroupLabels[x.iscedGroup] : null],
    [t('model.qualificationRecognition'), x.qualificationRecognition ? recognitionStatusLabels[x.qualificationRecognition] : null],
    [t('model.migrationBackground'), yesNo(x.migrationBackground, t)],
    [t('model.arrivalInGermany'), x.arrivalInGermany ? formatDate(x.arrivalInGermany) : null],
    [t('model.interpreterLanguage'), x.interpreterLanguage],
    [t('model.childcareNeed'), yesNo(x.childcareNeed, t)],
  ];
  return rows.filter((r): r is [string, string] => r[1] !== null);
}

/**
 * "Merkmale bei Eintritt": what the enrollment stored when it started. Reports count from these values, so they
 * stay as they were even when the person's data changes later; a correction needs a reason.
 */
export function EntrySnapshots({ enrollments, onChanged }: { enrollments: Enrollment[]; onChanged: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation('participants');
  const [correcting, setCorrecting] = useState<Enrollment | null>(null);
  const withEntry = enrollments.filter((e) => e.entry !== null);
  if (withEntry.length === 0) return null;
  return (
    <div className={styles.list}>
      {withEntry.map((e) => {
        const x = e.entry!;
        const facts: Array<[string, string]> = [
          [t('entry.birthYear'), x.birthYear === null ? t('none') : String(x.birthYear)],
          [t('fields.gender'), x.gender ? t(`gender.${x.gender}`) : t('none')],
          [t('fields.communeId'), x.communeName ?? t('none')],
          [t('fields.residenceStatus'), x.residenceStatus ?? t('none')],
          [t('fields.nationality'), x.nationality ?? t('none')],
          [t('fields.germanLevel'), x.germanLevel ?? t('none')],
          // characteristics at entry (issue 14); shown only when recorded, older snapshots do not have them
          ...characteristics(x, t),
        ];
        return (
          <Card key={e.id} data-testid={`entry-snapshot-${e.id}`} aria-label={t('entry.title', { program: e.programName })}>
            <div className={styles.head}>
              <Text weight="semibold">
                {t('entry.title', { program: e.programName })} · {t('entry.asOf', { date: formatDate(x.snapshotOn) })}
              </Text>
              <Button size="small" icon={<EditRegular />} onClick={() => setCorrecting(e)}>
                {t('entry.correct')}
              </Button>
            </div>
            <dl className={styles.facts}>
              {facts.map(([term, value]) => (
                <div key={term} style={{ display: 'contents' }}>
                  <dt className={styles.term}>{term}</dt>
                  <dd className={styles.detail}>{value}</dd>
                </div>
              ))}
            </dl>
            {x.correctedReason && <Text size={200}>{t('entry.correctedBecause', { reason: x.correctedReason })}</Text>}
          </Card>
        );
      })}
      {correcting && (
        <CorrectEntryDialog
          enrollment={correcting}
          entry={correcting.entry!}
          onClose={(changed) => {
            setCorrecting(null);
            if (changed) onChanged();
          }}
        />
      )}
    </div>
  );
}
