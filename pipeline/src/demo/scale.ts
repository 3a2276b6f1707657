/**
 * Demo data scales. Each scale covers all or some provinces and thins member-level and routine document
 * volumes; unit-level rhythms (monthly branch meetings, monthly reports) are never thinned, so dashboards
 * look the same shape at every scale.
 */

/** The scales the generator knows. */
export type DemoScale = 'small' | 'medium' | 'national';

/** What a scale generates. */
export interface ScaleProfile {
  /** 2025 province codes covered; `null` = all 34. */
  provinces: readonly string[] | null;
  /** Share of the real membership generated (national = 19 M members). */
  memberFraction: number;
  /** Share of routine document, work-file and communication flows generated (their digital shares are kept). */
  routineFraction: number;
  /** Stated bounds for a 2024-01-01 → 2026-11-30 run, checked by tests and printed by the CLI. */
  expected: { members: readonly [number, number]; events: readonly [number, number] };
}

/** Members of the Union nationally (DOMAIN.md: about 19 million). */
export const NATIONAL_MEMBERS = 19_000_000;

/** The scale profiles; `small` covers Cao Bằng (mountain, ethnic minorities) and Tây Ninh (seed 000's contest). */
export const SCALES: Readonly<Record<DemoScale, ScaleProfile>> = {
  small: {
    provinces: ['04', '80'],
    memberFraction: 0.01,
    routineFraction: 0.3,
    expected: { members: [8_000, 14_000], events: [200_000, 420_000] },
  },
  medium: {
    provinces: null,
    memberFraction: 0.02,
    routineFraction: 0.1,
    expected: { members: [340_000, 420_000], events: [4_000_000, 7_000_000] },
  },
  national: {
    provinces: null,
    memberFraction: 1,
    routineFraction: 1,
    expected: { members: [17_500_000, 20_500_000], events: [20_000_000, 60_000_000] },
  },
};

/** Parses a scale name from the command line. */
export function parseScale(text: string): DemoScale {
  if (text === 'small' || text === 'medium' || text === 'national') return text;
  throw new RangeError(`unknown scale "${text}"; expected small, medium or national`);
}
