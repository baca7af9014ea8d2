import i18n from 'i18next';
import type { Lang } from '../../../shared/domain/validation-messages.js';

/** The UI language as the validation messages know it: English or (everything else) German. */
export function uiLang(): Lang {
  return i18n.language?.startsWith('en') ? 'en' : 'de';
}
