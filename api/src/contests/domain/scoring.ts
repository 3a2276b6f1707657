import type { Criterion, ScoreSheet, ScoredEntry } from './types.js';

/** Fewest complete sheets for which the trimmed mean is used. */
export const TRIM_FROM_JUDGES = 5;

/**
 * Whether a sheet scores every criterion within 0..maxScore.
 *
 * @example isComplete({ idea: 8 }, [{ key: 'idea', label: 'Ý tưởng', weight: 1, maxScore: 10 }]) // true
 */
export function isComplete(sheet: ScoreSheet, criteria: readonly Criterion[]): boolean {
  return criteria.every((c) => {
    const value = sheet[c.key];
    return value !== undefined && value >= 0 && value <= c.maxScore;
  });
}

/**
 * One judge's total on 0–100: each criterion's share of its maximum, weighted.
 *
 * @example sheetTotal({ a: 5, b: 10 }, [{ key: 'a', weight: 1, maxScore: 10 }, { key: 'b', weight: 3, maxScore: 10 }]) // 87.5
 */
export function sheetTotal(sheet: ScoreSheet, criteria: readonly Criterion[]): number {
  const weights = criteria.reduce((sum, c) => sum + c.weight, 0);
  const points = criteria.reduce((sum, c) => sum + (c.weight * (sheet[c.key] ?? 0)) / c.maxScore, 0);
  return round2((100 * points) / weights);
}

/**
 * The entry's score from its judges' totals: the mean; with {@link TRIM_FROM_JUDGES} or more, the mean
 * without the single highest and single lowest total (trimmed mean). `null` without any total.
 *
 * @example aggregate([70, 80, 90]) // 80
 * @example aggregate([10, 70, 80, 90, 100]) // 80
 */
export function aggregate(totals: readonly number[]): number | null {
  if (totals.length === 0) return null;
  const sorted = [...totals].sort((a, b) => a - b);
  const kept = sorted.length >= TRIM_FROM_JUDGES ? sorted.slice(1, -1) : sorted;
  return round2(kept.reduce((sum, t) => sum + t, 0) / kept.length);
}

/** An entry's standing at a stage. */
export interface Standing {
  id: number;
  /** Aggregated score (0–100), `null` when no judge has completed a sheet. */
  score: number | null;
  /** Complete sheets counted. */
  judges: number;
  /** Mean share (0–1) per criterion, heaviest criterion first: the second tie-break. */
  criterionMeans: number[];
  submittedAt: number;
  /** 1-based rank; equal only if every tie-break is equal (which the id rule prevents). */
  rank: number;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Criteria heaviest first; equal weights keep the definition order. */
function byWeight(criteria: readonly Criterion[]): Criterion[] {
  return criteria
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.weight - a.c.weight || a.i - b.i)
    .map((x) => x.c);
}

/**
 * Ranks entries. Only complete sheets count. The tie-break rule, in order:
 * 1. higher aggregated score (entries without a score come last);
 * 2. higher mean share on the heaviest criterion, then the next heaviest, and so on (definition order
 *    among equal weights);
 * 3. earlier submission;
 * 4. lower entry id (so the order is always total and repeatable).
 *
 * @example rank(entries, criteria)[0] // { id: 3, score: 91.5, rank: 1, … }
 */
export function rank(entries: readonly ScoredEntry[], criteria: readonly Criterion[]): Standing[] {
  const ordered = byWeight(criteria);
  const standings = entries.map((entry) => {
    const sheets = entry.sheets.filter((s) => isComplete(s, criteria));
    const score = aggregate(sheets.map((s) => sheetTotal(s, criteria)));
    const criterionMeans = ordered.map((c) =>
      sheets.length === 0
        ? 0
        : sheets.reduce((sum, s) => sum + (s[c.key] ?? 0) / c.maxScore, 0) / sheets.length,
    );
    return {
      id: entry.id,
      score,
      judges: sheets.length,
      criterionMeans,
      submittedAt: entry.submittedAt,
      rank: 0,
    };
  });
  standings.sort(compareStandings);
  standings.forEach((s, i) => (s.rank = i + 1));
  return standings;
}

function compareStandings(a: Standing, b: Standing): number {
  if (a.score !== b.score) {
    if (a.score === null) return 1;
    if (b.score === null) return -1;
    return b.score - a.score;
  }
  for (let i = 0; i < a.criterionMeans.length; i += 1) {
    const diff = (b.criterionMeans[i] ?? 0) - (a.criterionMeans[i] ?? 0);
    if (Math.abs(diff) > 1e-9) return diff;
  }
  return a.submittedAt - b.submittedAt || a.id - b.id;
}
