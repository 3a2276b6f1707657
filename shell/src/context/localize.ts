import type { Language, Localized } from './types.js';

/**
 * Picks the text of a language.
 *
 * @example localize({ vi: 'Hội viên', en: 'Members' }, language.get())
 */
export function localize(text: Localized, language: Language): string {
  return text[language];
}

/**
 * The text of a language with its `{name}` marks filled in (a mark without a value becomes empty).
 *
 * @example fill({ vi: '{n} tệp', en: '{n} files' }, 'vi', { n: '3' }) // '3 tệp'
 */
export function fill(text: Localized, language: Language, params: Record<string, string> = {}): string {
  return localize(text, language).replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
}
