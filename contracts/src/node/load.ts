import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHierarchy } from '../units/build.js';
import { HierarchyDataError } from '../units/errors.js';
import type { Hierarchy } from '../units/hierarchy.js';
import { asHierarchySources, SOURCE_FILES, type HierarchySources } from '../units/sources.js';

/**
 * Directory of the reference files, `<package>/data/admin-units`. Resolved from this module's URL: both
 * `src/node/` and `dist/node/` sit two levels under the package root.
 */
export const ADMIN_UNITS_DIR = fileURLToPath(new URL('../../data/admin-units/', import.meta.url));

function readJson(dir: string, file: string): unknown {
  const path = join(dir, file);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new HierarchyDataError(`Cannot read reference file ${path}: ${(cause as Error).message}`);
  }
}

/**
 * Reads and parses the three reference files from `dir`.
 *
 * @throws HierarchyDataError when a file is missing, not JSON, or not a reference file.
 */
export function readHierarchySources(dir: string = ADMIN_UNITS_DIR): HierarchySources {
  return asHierarchySources({
    merges: readJson(dir, SOURCE_FILES.merges),
    splits: readJson(dir, SOURCE_FILES.splits),
    legacy: readJson(dir, SOURCE_FILES.legacy),
  });
}

let shared: Hierarchy | undefined;

/**
 * The hierarchy built from the shipped reference files, read and built on the first call and cached for the
 * life of the process.
 *
 * @example const h = loadHierarchy(); h.get(parseUnitKey('2025:00004')).name // 'Phường Ba Đình'
 */
export function loadHierarchy(): Hierarchy {
  shared ??= buildHierarchy(readHierarchySources());
  return shared;
}
