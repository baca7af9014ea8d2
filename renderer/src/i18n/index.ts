import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { configureValidation } from '../../../shared/domain/validation-messages.js';
import { uiLang } from './lang.js';

/**
 * One JSON file per feature and language (i18n/de/<feature>.json), so features add their texts without
 * touching each other's files. German is complete; English follows and falls back to German.
 */
type Resources = Record<string, Record<string, unknown>>;

function collect(files: Record<string, { default: Record<string, unknown> }>): Resources {
  const out: Resources = {};
  for (const [file, mod] of Object.entries(files)) {
    const ns = file.replace(/^.*\/([^/]+)\.json$/, '$1');
    out[ns] = mod.default;
  }
  return out;
}

export const de = collect(import.meta.glob<{ default: Record<string, unknown> }>('./de/*.json', { eager: true }));
export const en = collect(import.meta.glob<{ default: Record<string, unknown> }>('./en/*.json', { eager: true }));

/** The languages the UI offers; German is complete, English falls back to German. */
export const uiLanguages = ['de', 'en'] as const;
const storageKey = 'lotse.lang';

/** The language chosen on this computer (local storage), German if none or an unknown one was stored. */
export function storedLanguage(): string {
  const stored = localStorage.getItem(storageKey);
  return (uiLanguages as readonly string[]).includes(stored ?? '') ? stored! : 'de';
}

/** Switches the UI language at once and remembers it for the next start. */
export function setLanguage(lng: string): void {
  localStorage.setItem(storageKey, lng);
  document.documentElement.lang = lng;
  void i18n.changeLanguage(lng);
}

export function initI18n(lng = 'de'): typeof i18n {
  // tests run the texts in Node, without a document
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
  void i18n.use(initReactI18next).init({
    resources: { de, en },
    lng,
    fallbackLng: 'de',
    ns: Object.keys(de),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // zod's messages follow the UI language, so client-side form checks never show the other language
  configureValidation(uiLang());
  i18n.on('languageChanged', () => configureValidation(uiLang()));
  return i18n;
}
