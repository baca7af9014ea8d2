import { Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { DeleteRegular, SearchRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { noteInput, noteKinds, type NoteKind } from '../../../../shared/domain/notes.js';
import { invoke } from '../../api/client.js';
import { FormDate, FormSelect, FormTextarea } from '../../components/form/fields.js';
import { FormErrorBar } from '../../components/form/FormDialog.js';
import { useLotseForm } from '../../components/form/useLotseForm.js';
import { formatDate } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useDebounced } from '../../components/useDebounced.js';
import { useNotify } from '../../components/useNotify.js';
import { announceRemindersChanged } from '../today/settleLink.js';
import { todayIso } from '../../../../shared/domain/dates.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '900px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'flex-end' },
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: { borderLeft: `3px solid ${tokens.colorBrandStroke1}`, paddingLeft: tokens.spacingHorizontalM },
  head: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  text: { whiteSpace: 'pre-wrap', display: 'block' },
  hint: { color: tokens.colorNeutralForeground2 },
});

const empty = () => ({ date: todayIso(), kind: 'beratung' as string, text: '', followUpOn: '' });

/** Tab „Notizen“: the contact log of a person (newest first), searchable; a follow-up date appears on Heute. */
export function NotesTab({ participantId }: { participantId: number }) {
  const styles = useStyles();
  const { t } = useTranslation('notes');
  const notify = useNotify();
  const [search, setSearch] = useState('');
  const query = useDebounced(search, 250);
  const notes = useCall('notes.list', { participantId, search: query || undefined });
  const f = useLotseForm({
    schema: noteInput,
    defaultValues: empty(),
    toInput: (v) => ({ participantId, ...v, kind: v.kind as NoteKind, followUpOn: v.followUpOn || null }),
    submit: (input) => invoke('notes.create', input),
    onSaved: (_, v) => {
      f.form.reset(empty());
      notify.success(t('saved'));
      if (v.followUpOn) announceRemindersChanged();
      notes.reload();
    },
  });
  async function remove(id: number) {
    try {
      await invoke('notes.delete', { id });
      notify.success(t('deleted'));
      announceRemindersChanged();
      notes.reload();
    } catch (err) {
      notify.failure(err);
    }
  }

  return (
    <div className={styles.root}>
      <form noValidate aria-label={t('title')} className={styles.root} onSubmit={f.onSubmit}>
        <div className={styles.row}>
          <FormDate form={f} name="date" label={t('fields.date')} />
          <FormSelect form={f} name="kind" label={t('fields.kind')}>
            {noteKinds.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </FormSelect>
          <FormDate form={f} name="followUpOn" label={t('fields.followUpOn')} />
        </div>
        <FormTextarea form={f} name="text" label={t('fields.text')} required hint={t('private')} rows={3} />
        <FormErrorBar message={f.formError} />
        <div>
          <Button type="submit" appearance="primary" disabled={f.busy}>
            {t('add')}
          </Button>
        </div>
        {f.discardPrompt}
      </form>
      <Field label={t('search')}>
        <Input contentBefore={<SearchRegular />} value={search} onChange={(_, d) => setSearch(d.value)} />
      </Field>
      {notes.data?.length === 0 && <Text>{query ? t('noMatch') : t('empty')}</Text>}
      <ul className={styles.list} aria-label={t('title')}>
        {(notes.data ?? []).map((n) => (
          <li key={n.id} className={styles.item} data-testid="note">
            <div className={styles.head}>
              <Text weight="semibold">
                {formatDate(n.date)} · {t(`kinds.${n.kind}`)}
              </Text>
              {n.followUpOn && <Text className={styles.hint}>{t('followUp', { date: formatDate(n.followUpOn) })}</Text>}
              <Button size="small" appearance="subtle" icon={<DeleteRegular />} aria-label={t('remove')} onClick={() => void remove(n.id)} />
            </div>
            <Text className={styles.text}>{n.text}</Text>
          </li>
        ))}
      </ul>
    </div>
  );
}
