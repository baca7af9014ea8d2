import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { extraCostInput, extraCostKinds, type ExtraCostKind } from '../../../../shared/domain/agh.js';
import { invoke } from '../../api/client.js';
import { formatEuro, parseEuroToCents } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { FormInput, FormSelect } from '../../components/form/fields.js';
import { FormErrorBar } from '../../components/form/FormDialog.js';
import { useLotseForm } from '../../components/form/useLotseForm.js';

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
  const [changed, setChanged] = useState(false);
  const mine = (costs.data ?? []).filter((c) => c.month === month);
  const f = useLotseForm({
    schema: extraCostInput,
    defaultValues: { kind: 'fahrtkosten' as string, amountCents: '', receiptNote: '' },
    toInput: (v) => ({ placementId, month, kind: v.kind as ExtraCostKind, amountCents: parseEuroToCents(v.amountCents) ?? NaN, receiptNote: v.receiptNote || null }),
    check: (v): Record<string, string> => {
      const cents = parseEuroToCents(v.amountCents);
      return cents === null || cents <= 0 ? { amountCents: t('extraCosts.invalidAmount') } : {};
    },
    submit: (input) => invoke('placements.addExtraCost', input),
    onSaved: (_, v) => {
      // the kind stays for the next cost of the same kind
      f.form.reset({ kind: v.kind, amountCents: '', receiptNote: '' });
      setChanged(true);
      costs.reload();
    },
  });
  const close = () => f.requestLeave(() => onClose(changed));

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
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && close()}>
      <DialogSurface>
        <form noValidate onSubmit={f.onSubmit}>
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
                  <FormSelect form={f} name="kind" label={t('extraCosts.kind')}>
                    {extraCostKinds.map((k) => (
                      <option key={k} value={k}>
                        {t(`extraCosts.kinds.${k}`)}
                      </option>
                    ))}
                  </FormSelect>
                  <FormInput form={f} name="amountCents" label={t('extraCosts.amount')} inputMode="decimal" />
                  <FormInput form={f} name="receiptNote" label={t('extraCosts.receipt')} />
                  <FormErrorBar message={f.formError} />
                </>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={close}>
                {t('common:actions.close')}
              </Button>
              {!locked && (
                <Button appearance="primary" type="submit" disabled={f.busy}>
                  {t('common:actions.add')}
                </Button>
              )}
            </DialogActions>
          </DialogBody>
        </form>
        {f.discardPrompt}
      </DialogSurface>
    </Dialog>
  );
}
