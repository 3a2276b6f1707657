import type { Standing } from './scoring.js';
import type { AwardTier, ForwardRule } from './types.js';

/**
 * The entries that move on from one jury's ranking: the first `count` ranked entries that have a score
 * (`top`), or every entry whose score reaches `minScore` (`threshold`). Entries no judge completed never move.
 *
 * @example promote(standings, { mode: 'top', count: 2 }) // [12, 7]
 */
export function promote(standings: readonly Standing[], rule: ForwardRule): number[] {
  const scored = [...standings].filter((s) => s.score !== null).sort((a, b) => a.rank - b.rank);
  const chosen =
    rule.mode === 'top' ? scored.slice(0, rule.count) : scored.filter((s) => (s.score ?? 0) >= rule.minScore);
  return chosen.map((s) => s.id);
}

/**
 * Promotion of a whole stage: each jury group (the entries under one unit at the stage's level) is ranked on
 * its own and forwards its best by the rule.
 *
 * @example promoteGroups(new Map([['2025:80', standings]]), { mode: 'top', count: 1 }) // [12]
 */
export function promoteGroups(groups: ReadonlyMap<string, readonly Standing[]>, rule: ForwardRule): number[] {
  return [...groups.values()].flatMap((standings) => promote(standings, rule));
}

/** One award given. */
export interface Award {
  entryId: number;
  tier: string;
}

/**
 * Awards by the final ranking: tiers in order, each to its `count` next scored entries.
 *
 * @example awards(standings, [{ key: 'first', label: 'Giải Nhất', count: 1 }]) // [{ entryId: 12, tier: 'first' }]
 */
export function awards(standings: readonly Standing[], tiers: readonly AwardTier[]): Award[] {
  const scored = [...standings].filter((s) => s.score !== null).sort((a, b) => a.rank - b.rank);
  const out: Award[] = [];
  let next = 0;
  for (const tier of tiers) {
    for (let i = 0; i < tier.count && next < scored.length; i += 1) {
      out.push({ entryId: scored[next]!.id, tier: tier.key });
      next += 1;
    }
  }
  return out;
}
