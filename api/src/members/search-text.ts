/**
 * Text keys of member search. Names are folded with `foldVietnamese` (no diacritics, so the tone placements
 * "Hoà" and "Hòa" meet) and the i/y spelling variants of Vietnamese syllables ("Lý"/"Lí", "Mỹ"/"Mĩ",
 * "Quý"/"Quí") are unified; phones keep their digits, with +84 written as the leading 0.
 */
import { foldVietnamese } from '@vwu/contracts';

/** A syllable whose only vowel is a final `y` after consonants ("ly", "my", "ky", "quy"): y and i are variants. */
const Y_SYLLABLE = /\b(qu|[bcdghklmnprstvx]+)y\b/g;

/**
 * The search key of a name: folded, punctuation dropped, i/y variants unified. Stored as `member.name_search`
 * and applied to the query the same way.
 *
 * @example searchKey('Nguyễn Thị Hoà') === searchKey('nguyen thi hòa') // true: 'nguyen thi hoa'
 * @example searchKey('Lý Thị Mỹ') // 'li thi mi'
 */
export function searchKey(text: string): string {
  return foldVietnamese(text.replace(/[^\p{L}\p{N}\s]/gu, ' '))
    .replace(Y_SYLLABLE, (_, head: string) => `${head}i`)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A phone number as stored: digits only, `+84`/`84` country prefix as `0`; `undefined` when it is not a
 * Vietnamese number of 9–11 digits.
 *
 * @example normalizePhone('+84 912 345 678') // '0912345678'
 */
export function normalizePhone(text: string): string | undefined {
  let digits = text.replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (/^84\d{9,10}$/.test(digits)) digits = `0${digits.slice(2)}`;
  return /^[0-9]{9,11}$/.test(digits) ? digits : undefined;
}

/** What a search box asks for: part of a phone number, or (part of) a name. */
export type MemberSearch =
  { kind: 'phone'; digits: string } | { kind: 'name'; key: string; tokens: string[] };

/**
 * Reads a search box: three or more digits (spaces, dots, dashes and a +84 prefix allowed) search phones;
 * anything else searches names, each word matching a part of the name. `undefined` when nothing is left.
 *
 * @example parseSearch('0912 345') // { kind: 'phone', digits: '0912345' }
 */
export function parseSearch(q: string | undefined): MemberSearch | undefined {
  if (q === undefined) return undefined;
  const compact = q.replace(/[\s.\-()]/g, '');
  if (/^\+?\d{3,}$/.test(compact)) {
    const digits = compact.startsWith('+84') ? `0${compact.slice(3)}` : compact.replace(/^\+/, '');
    return { kind: 'phone', digits };
  }
  const key = searchKey(q);
  if (key === '') return undefined;
  return { kind: 'name', key, tokens: key.split(' ') };
}

/** Escapes `%`, `_` and `\` for a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
