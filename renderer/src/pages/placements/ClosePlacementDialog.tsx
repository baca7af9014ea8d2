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
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { outcomeKinds, type OutcomeKindName, type Placement } from '../../../../shared/domain/placements.js';
import { errorText, invoke } from '../../api/client.js';
import { useNotify } from '../../components/useNotify.js';
import { DateField } from '../../components/DateField.js';
import { todayIso } from '../../../../shared/domain/dates.js';

const useStyles = makeStyles({ col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/** Closes a placement and asks what came after it; the outcome is recorded with the placement as its source. */
export function ClosePlacementDialog({ placement, onClose }: { placement: Placement; onClose: (closed: Placement | null) => void }) {
  const styles = useStyles();
  const { t } = useTranslation('placements');
  const notify = useNotify();
  const [endDate, setEndDate] = useState(todayIso());
  const [status, setStatus] = useState<'beendet' | 'abgebrochen'>('beendet');
  const [kind, setKind] = useState<OutcomeKindName | ''>('unbekannt');
  const [outcomeDate, setOutcomeDate] = useState('');
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const closed = await invoke('placements.close', {
        id: placement.id,
        endDate,
        status,
        outcome: kind === '' ? null : { kind, date: outcomeDate || endDate, notes: notes || null },
      });
      notify.success(t('close.closed'));
      onClose(closed);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onClose(null)}>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <DialogBody>
            <DialogTitle>{t('close.title', { name: placement.participantName })}</DialogTitle>
            <DialogContent className={styles.col}>
              {error && (
                <MessageBar intent="error">
                  <MessageBarBody>{error}</MessageBarBody>
                </MessageBar>
              )}
              <Field label={t('close.endDate')} required>
                <DateField value={endDate} onChange={(_, d) => setEndDate(d.value)} autoFocus />
              </Field>
              <Field label={t('close.status')}>
                <RadioGroup value={status} onChange={(_, d) => setStatus(d.value as 'beendet' | 'abgebrochen')} layout="horizontal">
                  <Radio value="beendet" label={t('close.beendet')} />
                  <Radio value="abgebrochen" label={t('close.abgebrochen')} />
                </RadioGroup>
              </Field>
              <Field label={t('close.outcome')}>
                <Select value={kind} onChange={(_, d) => setKind(d.value as OutcomeKindName | '')}>
                  {outcomeKinds.map((k) => (
                    <option key={k} value={k}>
                      {t(`outcomes.${k}`)}
                    </option>
                  ))}
                  <option value="">{t('close.noOutcome')}</option>
                </Select>
              </Field>
              {kind !== '' && (
                <>
                  <Field label={t('close.outcomeDate')}>
                    <DateField value={outcomeDate || endDate} onChange={(_, d) => setOutcomeDate(d.value)} />
                  </Field>
                  <Field label={t('close.notes')}>
                    <Input value={notes} onChange={(_, d) => setNotes(d.value)} />
                  </Field>
                </>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => onClose(null)}>
                {t('common:actions.cancel')}
              </Button>
              <Button appearance="primary" type="submit" disabled={busy}>
                {t('close.action')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
