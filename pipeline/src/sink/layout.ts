/**
 * Where event files live: `events/type=<type>/province=<structure>_<code>/month=<YYYY-MM>/<file>.parquet`.
 *
 * The province directory carries the unit key with its structure (`2025:04` → `province=2025_04`, central
 * `province=2025_TW`): a bare `04` would be read as a number by Hive-style partition inference and could not
 * say which structure it belongs to, and `2025-04` is indistinguishable from a month. The colon of the key is
 * replaced because it is not portable in paths (Windows) and URLs. The month is the Vietnam calendar month
 * (UTC+7) of `occurred_at`, so a Hà Nội evening on the last day of a month stays in that month.
 */
import type { EventType } from '@vwu/contracts';

/** The output partition of an event file. */
export interface PartitionKey {
  type: EventType;
  /** Current province unit key, `2025:NN` or `2025:TW` for central-level events. */
  province: string;
  /** Vietnam calendar month `YYYY-MM`. */
  month: string;
}

/** Offset range of a raw file, as its name carries it. */
export interface FileOffsets {
  partition: number;
  firstOffset: number;
  lastOffset: number;
  /** How many more source partitions the file holds rows of (their ranges are in the manifest). */
  more?: number;
}

/** Directory of event files under the data root. */
export const EVENTS_DIR = 'events';

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const OFFSET_DIGITS = 20;
const RAW_NAME = /^p(\d+)-o(\d{20})-(\d{20})(?:\+(\d+))?\.parquet$/;

/**
 * The Vietnam calendar month of an instant.
 *
 * @example vietnamMonth(Date.parse('2025-06-30T18:00:00Z')) // '2025-07'
 */
export function vietnamMonth(epochMs: number): string {
  return new Date(epochMs + VIETNAM_OFFSET_MS).toISOString().slice(0, 7);
}

/** The stable text form of a key, `type/province/month`, used as a map key and in logs. */
export function partitionId(key: PartitionKey): string {
  return `${key.type}/${key.province}/${key.month}`;
}

/**
 * The directory of a partition, relative to the data root, with `/` separators (manifest paths are POSIX).
 *
 * @example partitionDir({ type: 'meeting.held', province: '2025:04', month: '2025-07' })
 * // 'events/type=meeting.held/province=2025_04/month=2025-07'
 */
export function partitionDir(key: PartitionKey): string {
  return `${EVENTS_DIR}/type=${key.type}/province=${key.province.replace(':', '_')}/month=${key.month}`;
}

/**
 * The name of a raw file: Kafka partition and zero-padded first and last offsets, so names sort by offset and
 * a restart can tell what is already written. A file with rows of several source partitions is named by its
 * lowest one, `+N` counting the others: two files of one output partition never share a range of a source
 * partition, so the name stays unique.
 *
 * @example rawFileName({ partition: 3, firstOffset: 17, lastOffset: 42 })
 * // 'p3-o00000000000000000017-00000000000000000042.parquet'
 * rawFileName({ partition: 0, firstOffset: 5, lastOffset: 9, more: 2 })
 * // 'p0-o00000000000000000005-00000000000000000009+2.parquet'
 */
export function rawFileName(offsets: FileOffsets): string {
  const pad = (n: number): string => String(n).padStart(OFFSET_DIGITS, '0');
  const more = offsets.more === undefined || offsets.more === 0 ? '' : `+${offsets.more}`;
  return `p${offsets.partition}-o${pad(offsets.firstOffset)}-${pad(offsets.lastOffset)}${more}.parquet`;
}

/** Parses a raw file name; `null` for any other name (compacted files, temporaries). */
export function parseRawFileName(name: string): FileOffsets | null {
  const match = RAW_NAME.exec(name);
  if (match === null) return null;
  const offsets = {
    partition: Number(match[1]),
    firstOffset: Number(match[2]),
    lastOffset: Number(match[3]),
  };
  return match[4] === undefined ? offsets : { ...offsets, more: Number(match[4]) };
}

/**
 * The name of a compacted file: its content hash, so two compactions of the same rows agree and a name
 * never points at two contents.
 */
export function compactedFileName(sha256: string): string {
  return `c-${sha256.slice(0, 24)}.parquet`;
}
