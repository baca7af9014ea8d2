import { Button, Field, Input, makeStyles, Select, Text, Textarea, tokens } from '@fluentui/react-components';
import { DeleteRegular, SearchRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { noteInput, noteKinds, type NoteKind } from '../../../../shared/domain/notes.js';
import { invoke } from '../../api/client.js';
import { DateField } from '../../components/DateField.js';
import { formatDate } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useDebounced } from '../../components/useDebounced.js';
import { useNotify } from '../../components/useNotify.js';
import { fieldErrors, serverFieldErrors } from '../../components/zodFields.js';
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

const empty = () => ({ date: todayIso(), kind: 'beratung' as NoteKind, text: '', followUpOn: '' });

/** Tab „Notizen“: the contact log of a person (newest first), searchable; a follow-up date appears on Heute. */
export function NotesTab({ participantId }: { participantId: number }) {
  const styles = useStyles();
  const { t } = useTranslation('notes');
  const notify = useNotify();
  const [search, setSearch] = useState('');
  const query = useDebounced(search, 250);
  const notes = useCall('notes.list', { participantId, search: query || undefined });
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof ReturnType<typeof empty>) => (_: unknown, d: { value: string }) => setForm((f) => ({ ...f, [k]: d.value }));

  async function save() {
    const input = { participantId, ...form, followUpOn: form.followUpOn || null };
    const parsed = noteInput.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    try {
      await invoke('notes.create', input);
      setForm(empty());
      setErrors({});
      notify.success(t('saved'));
      if (input.followUpOn) announceRemindersChanged();
      notes.reload();
    } catch (err) {
      const fields = serverFieldErrors(err);
      if (fields) setErrors(fields);
      else notify.failure(err);
    }
  }
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
      <form
        noValidate
        aria-label={t('title')}
        className={styles.root}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className={styles.row}>
          <Field label={t('fields.date')} validationMessage={errors.date}>
            <DateField value={form.date} onChange={set('date')} />
          </Field>
          <Field label={t('fields.kind')} validationMessage={errors.kind}>
            <Select value={form.kind} onChange={set('kind')}>
              {noteKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('fields.followUpOn')} validationMessage={errors.followUpOn}>
            <DateField value={form.followUpOn} onChange={set('followUpOn')} />
          </Field>
        </div>
        <Field label={t('fields.text')} required validationMessage={errors.text} hint={t('private')}>
          <Textarea value={form.text} onChange={set('text')} rows={3} />
        </Field>
        <div>
          <Button type="submit" appearance="primary">
            {t('add')}
          </Button>
        </div>
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
