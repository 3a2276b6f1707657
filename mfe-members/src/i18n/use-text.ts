import { fill, language, useContextValue, type Language, type Localized } from '@vwu/context';

/** Fills `{name}` marks of a text in a language; numbers are written as given (format them first). */
export function fillText(
  text: Localized,
  lang: Language,
  params: Record<string, string | number> = {},
): string {
  return fill(text, lang, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])));
}

/**
 * The translator of a component: follows the console's language, fills `{name}` marks. Call in `setup()`.
 *
 * @example const { t, lang } = useText(); t(TEXT.count, { n: formatNumber(12) })
 */
export function useText() {
  const lang = useContextValue(language);
  const t = (text: Localized, params: Record<string, string | number> = {}) =>
    fillText(text, lang.value, params);
  return { t, lang };
}
