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
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { extraCostKinds, type ExtraCostKind } from '../../../../shared/domain/agh.js';
import { invoke } from '../../api/client.js';
import { formatEuro, parseEuroToCents } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { serverFieldErrors } from '../../components/zodFields.js';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** A placement's necessary extra costs of one month (§ 5 Abs. 2 AsylbLG): list, add, remove. */
export function ExtraCostsDialog({
  choices,
  month,
  locked,
  onClose,
}: {
  /** the placements to record for; more than one: the user picks (a person without hours yet this month) */
  choices: { placementId: number; name: string }[];
  month: string;
  locked: boolean;
  onClose: (changed: boolean) => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation('placements');
  const notify = useNotify();
  const [placementId, setPlacementId] = useState(choices[0]!.placementId);
  const name = choices.find((c) => c.placementId === placementId)?.name ?? '';
  const costs = useCall('placements.extraCosts', { placementId });
  const [kind, setKind] = useState<ExtraCostKind>('fahrtkosten');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [changed, setChanged] = useState(false);
  const mine = (costs.data ?? []).filter((c) => c.month === month);

  async function add() {
    const cents = parseEuroToCents(amount);
    if (cents === null || cents <= 0) return setErrors({ amountCents: t('extraCosts.invalidAmount') });
    try {
      await invoke('placements.addExtraCost', { placementId, month, kind, amountCents: cents, receiptNote: note || null });
      setAmount('');
      setNote('');
      setErrors({});
      setChanged(true);
      costs.reload();
    } catch (err) {
      const fields = serverFieldErrors(err);
      if (fields) setErrors(fields);
      notify.failure(err);
    }
  }

  async function remove(id: number) {
    try {
      await invoke('placements.removeExtraCost', { id });
      setChanged(true);
      costs.reload();
    } catch (err) {
      notify.failure(err);
    }
  }

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onClose(changed)}>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <DialogBody>
            <DialogTitle>{choices.length > 1 ? t('extraCosts.titleAny') : t('extraCosts.title', { name })}</DialogTitle>
            <DialogContent className={styles.col}>
              {choices.length > 1 && (
                <Field label={t('extraCosts.person')}>
                  <Select value={String(placementId)} onChange={(_, d) => setPlacementId(Number(d.value))}>
                    {choices.map((c) => (
                      <option key={c.placementId} value={c.placementId}>
                        {c.name}
                      </option>
                    ))}
                  </Select>
                </Field>
              )}
              <div className={styles.list} data-testid="extra-costs">
                {mine.length === 0 && <Text>{t('extraCosts.none')}</Text>}
                {mine.map((c) => (
                  <div key={c.id} className={styles.item}>
                    <Text>
                      {t(`extraCosts.kinds.${c.kind}`)}: {formatEuro(c.amountCents)}
                      {c.receiptNote ? ` – ${c.receiptNote}` : ''}
                    </Text>
                    {!locked && (
                      <Button size="small" appearance="subtle" icon={<DeleteRegular />} aria-label={t('common:actions.remove')} onClick={() => void remove(c.id)} />
                    )}
                  </div>
                ))}
              </div>
              {!locked && (
                <>
                  <Field label={t('extraCosts.kind')}>
                    <Select value={kind} onChange={(_, d) => setKind(d.value as ExtraCostKind)}>
                      {extraCostKinds.map((k) => (
                        <option key={k} value={k}>
                          {t(`extraCosts.kinds.${k}`)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label={t('extraCosts.amount')} validationMessage={errors['amountCents']}>
                    <Input value={amount} onChange={(_, d) => setAmount(d.value)} inputMode="decimal" />
                  </Field>
                  <Field label={t('extraCosts.receipt')} validationMessage={errors['receiptNote']}>
                    <Input value={note} onChange={(_, d) => setNote(d.value)} />
                  </Field>
                </>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => onClose(changed)}>
                {t('common:actions.close')}
              </Button>
              {!locked && (
                <Button appearance="primary" type="submit">
                  {t('common:actions.add')}
                </Button>
              )}
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
