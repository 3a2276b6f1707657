import { HierarchyDataError } from './errors.js';
import { fnv1a } from './hash.js';
import { byCode } from './order.js';
import type { MergesFile } from './sources.js';

/** Old branches `first … first+count-1` of old unit `oldCode` that moved, whole, into new commune `newCode`. */
export interface BranchShare {
  oldCode: string;
  newCode: string;
  first: number;
  count: number;
}

/** How many demo branches each old unit has and which new commune each of them went to. */
export interface BranchPlan {
  /** Shares of an old commune (or communeless island district), by new commune code. */
  byOld: ReadonlyMap<string, readonly BranchShare[]>;
  /** Shares received by a new commune, by old unit code. */
  byNew: ReadonlyMap<string, readonly BranchShare[]>;
}

/** Branches per new commune are drawn from `[MIN_BRANCHES, MIN_BRANCHES + SPREAD)`. */
const MIN_BRANCHES = 14;
const SPREAD = 23;
/** A predecessor that came whole weighs twice one that came in part when branches are shared out. */
const WEIGHT = { full: 2, partial: 1 } as const;
const MAX_BRANCH_NUMBER = 99;

function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/**
 * Splits `total` among `weights`, each getting at least 1 and the rest in proportion (floored); what flooring
 * leaves over goes one each to the heaviest weights, earliest first.
 */
function apportion(total: number, weights: readonly number[]): number[] {
  const rest = total - weights.length;
  let sum = 0;
  for (const w of weights) sum += w;
  const counts = weights.map((w) => 1 + Math.floor((rest * w) / sum));
  let left = total - counts.reduce((a, b) => a + b, 0);
  const heaviest = Math.max(...weights);
  for (let i = 0; left > 0; i = (i + 1) % weights.length) {
    if (weights[i] === heaviest) {
      counts[i] = (counts[i] ?? 1) + 1;
      left -= 1;
    }
  }
  return counts;
}

/**
 * Plans the deterministic demo branches. Each new commune gets a target of 14–36 branches from a hash of its
 * code (at least one per predecessor), shared among its predecessors by weight; an old commune's branches are
 * the sum of what it gives its successors, numbered in blocks in successor-code order. So every old branch
 * moves whole into exactly one successor, and every successor of a split commune receives at least one.
 *
 * @throws HierarchyDataError when an old unit would need more than 99 branches.
 */
export function planBranches(merges: MergesFile): BranchPlan {
  const byOld = new Map<string, BranchShare[]>();
  for (const province of merges.data) {
    for (const commune of province.level2s) {
      const preds = [...commune.merges].sort(byCode((m) => m.old_id));
      const target = Math.max(preds.length, MIN_BRANCHES + (fnv1a(`2025:${commune.level2_id}`) % SPREAD));
      const counts = apportion(
        target,
        preds.map((m) => WEIGHT[m.type]),
      );
      preds.forEach((m, i) => {
        const share = { oldCode: m.old_id, newCode: commune.level2_id, first: 0, count: counts[i] ?? 1 };
        append(byOld, m.old_id, share);
      });
    }
  }
  const byNew = new Map<string, BranchShare[]>();
  for (const shares of byOld.values()) {
    shares.sort(byCode((s) => s.newCode));
    let next = 1;
    for (const share of shares) {
      share.first = next;
      next += share.count;
      append(byNew, share.newCode, share);
    }
    if (next - 1 > MAX_BRANCH_NUMBER) {
      throw new HierarchyDataError(
        `Old unit ${shares[0]?.oldCode} would need ${next - 1} branches (max 99).`,
      );
    }
  }
  for (const shares of byNew.values()) shares.sort(byCode((s) => s.oldCode));
  return { byOld, byNew };
}
