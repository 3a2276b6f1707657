import type { BranchPlan, BranchShare } from './branch-plan.js';
import { bareName } from './branch-names.js';
import { CENTRAL_CODE, CENTRAL_NAME, CENTRAL_TYPE } from './central.js';
import { HierarchyDataError } from './errors.js';
import { type Lineage, LineageBuilder } from './lineage.js';
import { byCode } from './order.js';
import type { MergesFile } from './sources.js';
import type { UnitTable } from './table.js';
import { UnitTableBuilder } from './table-builder.js';

const PROVINCE_TYPES = ['Thành phố', 'Tỉnh'];
const COMMUNE_TYPES = ['Đặc khu', 'Phường', 'Xã'];

/** The administrative type a 2025 name starts with ('Tỉnh Tuyên Quang' → 'Tỉnh'). */
function typeFromName(name: string, types: readonly string[]): string {
  const type = types.find((t) => name.startsWith(`${t} `));
  if (type === undefined) {
    throw new HierarchyDataError(`2025 unit "${name}" does not start with ${types.join(' / ')}.`);
  }
  return type;
}

/** Branches in a list of shares. */
function totalCount(shares: readonly BranchShare[]): number {
  return shares.reduce((n, share) => n + share.count, 0);
}

/** Adds the branches a new commune received, numbered 01… in old-code order, each linked to its old branch. */
function addBranches(
  units: UnitTableBuilder,
  links: LineageBuilder,
  pre: UnitTable,
  row: number,
  shares: readonly BranchShare[],
): void {
  let next = units.size;
  units.addBranches(row, totalCount(shares));
  for (const share of shares) {
    const oldHost = pre.requireRow(share.oldCode);
    for (let i = 0; i < share.count; i++) links.linkBranch(oldHost + share.first + i, next++);
  }
}

/**
 * Builds the 2025 structure (central, 34 provinces, 3,321 communes, their demo branches) and its lineage from
 * the pre-2025 table: provinces and communes from the merges file, `TW` and every branch whole. A branch keeps
 * its village name, followed by its old commune's name when the new commune was made from several old ones
 * (each of them had its own 'Thôn 1').
 */
export function build2025(
  merges: MergesFile,
  plan: BranchPlan,
  pre: UnitTable,
): { table: UnitTable; lineage: Lineage } {
  const units = new UnitTableBuilder('2025');
  const links = new LineageBuilder(pre.size);
  const merged = new Set<number>();
  const root = units.add(CENTRAL_CODE, CENTRAL_NAME, CENTRAL_TYPE, 'central', -1);
  links.link(pre.requireRow(CENTRAL_CODE), root, 'full');
  for (const province of [...merges.data].sort(byCode((p) => p.level1_id))) {
    const name = province.name.trim();
    const provinceRow = units.add(
      province.level1_id,
      name,
      typeFromName(name, PROVINCE_TYPES),
      'province',
      root,
    );
    for (const m of province.merges) links.link(pre.requireRow(m.old_id), provinceRow, m.type);
    for (const commune of [...province.level2s].sort(byCode((c) => c.level2_id))) {
      const communeName = commune.name.trim();
      const row = units.add(
        commune.level2_id,
        communeName,
        typeFromName(communeName, COMMUNE_TYPES),
        'commune',
        provinceRow,
      );
      for (const m of commune.merges) links.link(pre.requireRow(m.old_id), row, m.type);
      if (commune.merges.length > 1) merged.add(row);
      addBranches(units, links, pre, row, plan.byNew.get(commune.level2_id) ?? []);
    }
  }
  const lineage = links.seal(units.size);
  const table = units.seal((newRow, host) => {
    const oldRow = lineage.predecessorRows(newRow)[0]?.row ?? -1;
    const origin = merged.has(host) ? ` (${bareName(pre.name(pre.parent(oldRow)))})` : '';
    return pre.name(oldRow) + origin;
  });
  return { table, lineage };
}
