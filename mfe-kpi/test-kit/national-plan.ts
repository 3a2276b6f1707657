// `GET /kpi/targets` as the API answers it with only the national plan in force (the values its seed
// migration api/migrations/0021_kpi_seed.sql stores for the five targets of the dashboard, percentages):
// for the unit suites' fake API and the console stand-in of the browser suites and the benchmark.

/** One value in force. */
export interface EffectiveTarget {
  kpiId: string;
  unitKey: string;
  level: string;
  year: number | null;
  value: number;
  source: 'national' | 'province';
}

const PLAN: [kpi: string, level: string, value: number][] = [
  ['docs-online', 'central', 100],
  ['docs-online', 'province', 100],
  ['docs-online', 'district', 90],
  ['docs-online', 'commune', 70],
  ['docs-signed', 'province', 100],
  ['docs-signed', 'district', 80],
  ['posts-communes', 'district', 100],
  ['posts-communes', 'commune', 40],
  ['training-minority', 'central', 30],
  ['training-minority', 'province', 30],
  ['training-minority', 'district', 30],
  ['training-minority', 'commune', 30],
];

/**
 * The answer of `GET /kpi/targets` for a unit: the national plan.
 *
 * @example targetsAnswer().effective[0] // { kpiId: 'docs-online', level: 'central', value: 100, … }
 */
export function targetsAnswer(unitKey = '2025:80'): {
  unit: { key: string };
  effective: EffectiveTarget[];
} {
  return {
    unit: { key: unitKey },
    effective: PLAN.map(([kpiId, level, value]) => ({
      kpiId,
      unitKey: '2025:TW',
      level,
      year: null,
      value,
      source: 'national',
    })),
  };
}
