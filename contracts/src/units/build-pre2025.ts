import type { BranchPlan } from './branch-plan.js';
import { branchName, placeWord } from './branch-names.js';
import { CENTRAL_CODE, CENTRAL_NAME, CENTRAL_TYPE } from './central.js';
import { byCode } from './order.js';
import type { LegacyFile } from './sources.js';
import type { UnitTable } from './table.js';
import { UnitTableBuilder } from './table-builder.js';

/** Source spelling of the six centrally-run cities; the hierarchy calls them 'Thành phố' in both structures. */
const CITY_TYPES: Record<string, string> = { 'Thành phố Trung ương': 'Thành phố' };

/** Collapses the stray double and trailing spaces of some legacy names ('Xã Cò  Nòi'). */
function clean(name: string): string {
  return name.includes('  ') || name !== name.trim() ? name.replace(/\s+/g, ' ').trim() : name;
}

/** Total branches an old commune (or communeless island district) gives its successors. */
function branchCount(plan: BranchPlan, code: string): number {
  return (plan.byOld.get(code) ?? []).reduce((n, share) => n + share.count, 0);
}

/**
 * Builds the pre-2025 structure: central, 63 provinces, 696 districts, 10,047 communes and the planned demo
 * branches (under each commune, or directly under the five island districts that had no communes), named
 * after the residential areas of their province ({@link placeWord}).
 */
export function buildPre2025(legacy: LegacyFile, plan: BranchPlan): UnitTable {
  const units = new UnitTableBuilder('pre2025');
  const words = new Map<number, string>();
  const root = units.add(CENTRAL_CODE, CENTRAL_NAME, CENTRAL_TYPE, 'central', -1);
  for (const province of [...legacy.data].sort(byCode((p) => p.level1_id))) {
    const type = CITY_TYPES[province.type] ?? province.type;
    const provinceRow = units.add(province.level1_id, clean(province.name), type, 'province', root);
    for (const district of [...province.level2s].sort(byCode((d) => d.level2_id))) {
      const districtRow = units.add(
        district.level2_id,
        clean(district.name),
        district.type,
        'district',
        provinceRow,
      );
      if (district.level3s.length === 0) {
        units.addBranches(districtRow, branchCount(plan, district.level2_id));
        words.set(districtRow, placeWord(province.level1_id, district.type));
      }
      for (const commune of [...district.level3s].sort(byCode((c) => c.level3_id))) {
        const row = units.add(commune.level3_id, clean(commune.name), commune.type, 'commune', districtRow);
        units.addBranches(row, branchCount(plan, commune.level3_id));
        words.set(row, placeWord(province.level1_id, commune.type));
      }
    }
  }
  return units.seal((_row, host, n) => branchName(words.get(host) ?? '', n));
}
