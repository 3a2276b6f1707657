/** What a `Range` header asks of a file of a known size. */
export type RangeRequest =
  { kind: 'whole' } | { kind: 'part'; start: number; end: number } | { kind: 'unsatisfiable' };

const SINGLE = /^bytes=(\d*)-(\d*)$/;

/**
 * Reads a `Range` header (RFC 9110 §14.2) against a file of `size` bytes: `bytes=a-b`, `bytes=a-` and the
 * suffix form `bytes=-n`. No header, another unit, or several ranges → the whole file (a server may ignore a
 * multi-range request); a byte range that is malformed or starts past the end → unsatisfiable (416).
 *
 * @example parseRange('bytes=0-3', 10) // { kind: 'part', start: 0, end: 3 }
 * @example parseRange('bytes=-4', 10) // { kind: 'part', start: 6, end: 9 }
 * @example parseRange('bytes=10-', 10) // { kind: 'unsatisfiable' }
 */
export function parseRange(header: string | undefined, size: number): RangeRequest {
  if (header === undefined) return { kind: 'whole' };
  const text = header.trim();
  if (!/^bytes=/i.test(text)) return { kind: 'whole' };
  if (text.includes(',')) return { kind: 'whole' };
  const match = SINGLE.exec(text.replace(/^bytes=/i, 'bytes=').replace(/\s+/g, ''));
  if (match === null) return { kind: 'unsatisfiable' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { kind: 'unsatisfiable' };
  if (first === '') {
    const length = Number(last);
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (!Number.isSafeInteger(start) || start >= size || (last !== '' && Number(last) < start)) {
    return { kind: 'unsatisfiable' };
  }
  return { kind: 'part', start, end };
}
