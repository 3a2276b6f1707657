import { HierarchyDataError } from './errors.js';

/** An old unit a new unit was made from, as listed in `2025-merges.json`. */
export interface MergeRef {
  old_id: string;
  name: string;
  type: 'full' | 'partial';
}

/** A new unit an old unit went into, as listed in `2025-splits.json`. */
export interface SplitRef {
  new_id: string;
  name: string;
}

/** `2025-merges.json`: the 34 provinces and 3,321 communes in force since 2025-07-01, with their origins. */
export interface MergesFile {
  data: Array<{
    level1_id: string;
    name: string;
    merges: MergeRef[];
    level2s: Array<{ level2_id: string; name: string; merges: MergeRef[] }>;
  }>;
}

/** `2025-splits.json`: the 63 old provinces and 10,047 old communes, with the new units they went into. */
export interface SplitsFile {
  data: Array<{
    level1_id: string;
    name: string;
    splits: SplitRef[];
    /** Only the five island districts that had no communes (they became special zones, đặc khu). */
    level2s?: Array<{ level2_id: string; name: string; splits: SplitRef[] }>;
    level3s: Array<{ level3_id: string; name: string; splits: SplitRef[] }>;
  }>;
}

/** `legacy-2025-03-01.json`: the three-tier structure before the reform (63 / 696 / 10,047). */
export interface LegacyFile {
  data: Array<{
    level1_id: string;
    name: string;
    type: string;
    level2s: Array<{
      level2_id: string;
      name: string;
      type: string;
      level3s: Array<{ level3_id: string; name: string; type: string }>;
    }>;
  }>;
}

/** The three reference files, already parsed. */
export interface HierarchySources {
  merges: MergesFile;
  splits: SplitsFile;
  legacy: LegacyFile;
}

/** File names of the sources inside `contracts/data/admin-units/`. */
export const SOURCE_FILES: Readonly<Record<keyof HierarchySources, string>> = {
  merges: '2025-merges.json',
  splits: '2025-splits.json',
  legacy: 'legacy-2025-03-01.json',
};

function hasDataArray(value: unknown): value is { data: unknown[] } {
  return typeof value === 'object' && value !== null && Array.isArray((value as { data?: unknown }).data);
}

/**
 * Checks the outer shape of parsed reference files (a `data` array each) and returns them typed; the builder
 * checks their content and agreement.
 *
 * @throws HierarchyDataError naming the file that is not a reference file.
 */
export function asHierarchySources(parsed: Record<keyof HierarchySources, unknown>): HierarchySources {
  for (const [name, value] of Object.entries(parsed)) {
    if (!hasDataArray(value)) {
      const file = SOURCE_FILES[name as keyof HierarchySources];
      throw new HierarchyDataError(
        `${file} is not a reference file: expected an object with a "data" array.`,
      );
    }
  }
  return parsed as unknown as HierarchySources;
}
