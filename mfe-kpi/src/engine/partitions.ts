/**
 * Which files a view needs: the manifest's partitions (event type × province × month) that a view reads,
 * and nothing else — a province leader's dashboard fetches its province's months of a few event types.
 */
import type { AnalyticsManifest, ManifestFile } from './manifest.js';
import type { LoadFile } from './protocol.js';

/** What a view reads. */
export interface PartitionNeed {
  /** Current province keys, e.g. ['2025:80']; null for every province (the national view). */
  provinces: readonly string[] | null;
  /** Vietnam calendar months 'YYYY-MM'. */
  months: readonly string[];
  /** Event types, e.g. ['meeting.held']. */
  types: readonly string[];
}

/**
 * Every month from `from` to `to` ('YYYY-MM', both included); empty when `to` is before `from`.
 *
 * @example monthsBetween('2024-11', '2025-02') // ['2024-11', '2024-12', '2025-01', '2025-02']
 */
export function monthsBetween(from: string, to: string): string[] {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  const out: string[] = [];
  for (let i = index(from); i <= index(to); i += 1) {
    out.push(`${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/**
 * The manifest's files in the needed partitions, ordered by type, month, province and path (a stable
 * order: the same view loads the same files in the same order).
 *
 * @example
 * selectPartitions(manifest, { provinces: ['2025:80'], months: ['2025-10'], types: ['meeting.held'] })
 * // the meeting files of Tây Ninh for October 2025
 */
export function selectPartitions(manifest: AnalyticsManifest, need: PartitionNeed): ManifestFile[] {
  const provinces = need.provinces === null ? null : new Set(need.provinces);
  const months = new Set(need.months);
  const types = new Set(need.types);
  return manifest.files
    .filter(
      (f) => (provinces === null || provinces.has(f.province)) && months.has(f.month) && types.has(f.type),
    )
    .sort(
      (a, b) =>
        a.type.localeCompare(b.type) ||
        a.month.localeCompare(b.month) ||
        a.province.localeCompare(b.province) ||
        a.path.localeCompare(b.path),
    );
}

/** Total bytes of some files, as the manifest states them. */
export function totalBytes(files: readonly { bytes: number }[]): number {
  return files.reduce((sum, f) => sum + f.bytes, 0);
}

/**
 * Manifest files as the worker loads them: URLs resolved against the data base URL (itself resolved against
 * `origin`, the page's URL), the file's own `url` when the API gave one.
 *
 * @example toLoadFiles(files, '/api/analytics/', location.href)[0].url // 'https://…/api/analytics/events/…'
 */
export function toLoadFiles(files: readonly ManifestFile[], baseUrl: string, origin: string): LoadFile[] {
  const base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`, origin);
  return files.map((f) => ({
    url: new URL(f.url ?? f.path, base).href,
    sha256: f.sha256,
    bytes: f.bytes,
    rows: f.rows,
    eventType: f.type,
    province: f.province,
    month: f.month,
  }));
}
