/**
 * 32-bit FNV-1a hash of a string's UTF-16 code units: the only source of variety in generated demo data, so
 * the same codes always give the same output, independent of any seed.
 *
 * @example fnv1a('2025:00004') // always the same unsigned 32-bit integer
 */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
