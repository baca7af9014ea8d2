import { Button, Input, makeStyles, type InputProps } from '@fluentui/react-components';
import { CalendarRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState, type ChangeEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { dateFieldValue, formatDateInput, parseDateInput } from './dates.js';

const useStyles = makeStyles({
  // the browser's own date input only serves as the calendar popup; its text (in the browser's locale) never shows
  picker: { position: 'absolute', width: '1px', height: '1px', opacity: 0, pointerEvents: 'none', border: 0, padding: 0 },
  after: { position: 'relative', display: 'flex' },
});

export type DateFieldProps = Omit<InputProps, 'type' | 'value' | 'defaultValue' | 'onChange' | 'contentAfter'> & {
  /** `YYYY-MM-DD`, '' for none, or text the user typed that is no date yet */
  value: string;
  onChange: (ev: ChangeEvent<HTMLInputElement> | null, data: { value: string }) => void;
  /** the text input, for a form that focuses the first field with a message */
  ref?: Ref<HTMLInputElement>;
};

/**
 * A date typed as TT.MM.JJJJ in German (DD/MM/YYYY in English) whatever the browser's locale, where the browser's
 * date input would show mm/dd/yyyy on an English system. "1.2.2026" and "2026-02-01" are accepted too; the form
 * receives `YYYY-MM-DD`. The calendar button still offers the browser's date picker.
 */
export function DateField({ value, onChange, onBlur, ...rest }: DateFieldProps) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const [text, setText] = useState(() => formatDateInput(value, i18n.language));
  const picker = useRef<HTMLInputElement>(null);

  // a value set from outside (reset, default, another field) replaces the text; the user's own typing does not
  useEffect(() => {
    if (dateFieldValue(text) !== value) setText(formatDateInput(value, i18n.language));
    // only a new value (or language) should rewrite the text, not each keystroke
  }, [value, i18n.language]);

  const openPicker = () => {
    const el = picker.current;
    if (!el) return;
    el.value = parseDateInput(text) ?? '';
    try {
      el.showPicker();
    } catch {
      // a browser without showPicker (or refusing it) still has the typed field; nothing else to do
    }
  };

  return (
    <Input
      {...rest}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={t('date.placeholder')}
      value={text}
      onChange={(ev, d) => {
        setText(d.value);
        onChange(ev, { value: dateFieldValue(d.value) });
      }}
      onBlur={(ev) => {
        const iso = parseDateInput(text);
        if (iso) setText(formatDateInput(iso, i18n.language));
        onBlur?.(ev);
      }}
      contentAfter={
        <span className={styles.after}>
          <Button
            appearance="transparent"
            size="small"
            icon={<CalendarRegular />}
            aria-label={t('date.openCalendar')}
            disabled={rest.disabled}
            onClick={openPicker}
          />
          <input
            ref={picker}
            type="date"
            tabIndex={-1}
            aria-hidden="true"
            className={styles.picker}
            onChange={(ev) => {
              if (!ev.target.value) return;
              setText(formatDateInput(ev.target.value, i18n.language));
              onChange(null, { value: ev.target.value });
            }}
          />
        </span>
      }
    />
  );
}
