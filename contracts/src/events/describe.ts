/**
 * Plain-English phrases for validation messages: what a schema expects and what a value is.
 */
import type { TSchema } from 'typebox';

const SHOWN_STRING_CHARS = 40;

/** A limit or a length, grouped for reading: `50,000,000`. */
function formatNumber(n: number): string {
  return Math.abs(n) >= 1000 ? n.toLocaleString('en-US') : String(n);
}

function rangePhrase(schema: { minimum?: unknown; maximum?: unknown }): string {
  const min = typeof schema.minimum === 'number' ? schema.minimum : undefined;
  const max = typeof schema.maximum === 'number' ? schema.maximum : undefined;
  if (min !== undefined && max !== undefined) return ` from ${formatNumber(min)} to ${formatNumber(max)}`;
  if (min !== undefined) return ` ≥ ${formatNumber(min)}`;
  if (max !== undefined) return ` ≤ ${formatNumber(max)}`;
  return '';
}

function lengthPhrase(schema: { minLength?: unknown; maxLength?: unknown }): string {
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : undefined;
  if (max === undefined) return min > 0 ? ` of at least ${min} characters` : '';
  return min > 0 ? ` of ${min}–${max} characters` : ` of at most ${max} characters`;
}

/**
 * What a schema expects, as a noun phrase: `an integer ≥ 0`, `one of online, paper`, or, for a patterned
 * string, the schema's own `description`.
 *
 * @example
 * describeSchema(Type.Integer({ minimum: 1, maximum: 600 })); // 'an integer from 1 to 600'
 */
export function describeSchema(schema: TSchema): string {
  const s = schema as Record<string, unknown>;
  if (Array.isArray(s.enum)) return `one of ${s.enum.join(', ')}`;
  if ('const' in s) return JSON.stringify(s.const);
  switch (s.type) {
    case 'integer':
      return `an integer${rangePhrase(s)}`;
    case 'number':
      return `a number${rangePhrase(s)}`;
    case 'string': {
      const patterned = s.pattern !== undefined || s.format !== undefined;
      if (patterned && typeof s.description === 'string') return s.description;
      return `a string${lengthPhrase(s)}${typeof s.pattern === 'string' ? ` matching ${s.pattern}` : ''}`;
    }
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'an object';
    case 'null':
      return 'null';
    default:
      return 'a valid value';
  }
}

/**
 * What a value is, short enough for a log line: strings quoted (long ones cut, with their length), numbers
 * and booleans as written, `an array` / `an object` for containers.
 *
 * @example
 * describeValue('12'); // '"12"'
 * describeValue([1]);  // 'an array'
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    if (value.length <= SHOWN_STRING_CHARS) return JSON.stringify(value);
    return `${JSON.stringify(value.slice(0, SHOWN_STRING_CHARS))}… (${formatNumber(value.length)} characters)`;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `a ${typeof value}`;
}
