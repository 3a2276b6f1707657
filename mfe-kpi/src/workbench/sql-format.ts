/**
 * Cells of an SQL answer as the editor shows them: numbers in the Vietnamese format, instants as
 * HH:mm dd/MM/yyyy (Vietnam time), calendar dates as dd/MM/yyyy, lists joined.
 */
import { formatDate, formatDateTime, formatNumber } from '@vwu/context';
import type { Cell } from '../engine/protocol.js';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One cell as text.
 *
 * @example formatCell(1234.5) // '1.234,5'
 * @example formatCell('2025-10-01T03:00:00.000Z') // '10:00 01/10/2025'
 */
export function formatCell(value: Cell): string {
  if (value === null) return '∅';
  if (typeof value === 'number') return formatNumber(value, { maximumFractionDigits: 4 });
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(formatCell).join(', ')}]`;
  if (INSTANT.test(value)) return formatDateTime(value);
  if (DATE.test(value)) return formatDate(value);
  return value;
}

export { count, duration, fill } from '../format.js';
