import { planBranches } from './branch-plan.js';
import { build2025 } from './build-2025.js';
import { buildPre2025 } from './build-pre2025.js';
import { checkSources } from './check-sources.js';
import { Hierarchy } from './hierarchy.js';
import type { HierarchySources } from './sources.js';

/**
 * Builds the hierarchy of both structures, the lineage and the deterministic demo branches from the three
 * already-parsed reference files (no I/O: works in the browser too). Build it once and share it.
 *
 * @throws HierarchyDataError when the files are malformed or disagree.
 * @example const h = buildHierarchy({ merges, splits, legacy });
 */
export function buildHierarchy(sources: HierarchySources): Hierarchy {
  checkSources(sources);
  const plan = planBranches(sources.merges);
  const pre2025 = buildPre2025(sources.legacy, plan);
  const { table, lineage } = build2025(sources.merges, plan, pre2025);
  return new Hierarchy({ pre2025, '2025': table }, lineage);
}
