import type { Language, Localized } from './types.js';

/**
 * Picks the text of a language.
 *
 * @example localize({ vi: 'Hội viên', en: 'Members' }, language.get())
 */
export function localize(text: Localized, language: Language): string {
  return text[language];
}
