import { HierarchyDataError } from './errors.js';
import type { HierarchySources } from './sources.js';

const SHOWN = 5;

/** New units each old unit went into, according to the merges file. */
function successorsInMerges(sources: HierarchySources): Map<string, string[]> {
  const successors = new Map<string, string[]>();
  for (const province of sources.merges.data) {
    for (const commune of province.level2s) {
      for (const m of commune.merges) {
        const list = successors.get(m.old_id);
        if (list === undefined) successors.set(m.old_id, [commune.level2_id]);
        else list.push(commune.level2_id);
      }
    }
  }
  return successors;
}

function provinceProblems(sources: HierarchySources): string[] {
  const problems: string[] = [];
  const merged = new Map<string, string[]>();
  for (const province of sources.merges.data) {
    for (const m of province.merges) {
      merged.set(m.old_id, [...(merged.get(m.old_id) ?? []), province.level1_id]);
    }
  }
  const legacy = new Set(sources.legacy.data.map((p) => p.level1_id));
  for (const province of sources.splits.data) {
    const targets = province.splits.map((s) => s.new_id).join();
    if (province.splits.length !== 1) {
      problems.push(`old province ${province.level1_id} has ${province.splits.length} successors`);
    }
    if (merged.get(province.level1_id)?.join() !== targets) {
      problems.push(
        `old province ${province.level1_id}: splits say ${targets}, merges say ${merged.get(province.level1_id)}`,
      );
    }
    if (!legacy.delete(province.level1_id)) {
      problems.push(`old province ${province.level1_id} is not in the legacy list`);
    }
  }
  for (const code of legacy) problems.push(`old province ${code} has no entry in the splits file`);
  return problems;
}

/** Compares each old unit's successors in the splits file with the merges file. */
function edgeProblems(
  sources: HierarchySources,
  successors: ReadonlyMap<string, readonly string[]>,
): string[] {
  const problems: string[] = [];
  let units = 0;
  for (const province of sources.splits.data) {
    for (const unit of [...province.level3s, ...(province.level2s ?? [])]) {
      const code = 'level3_id' in unit ? unit.level3_id : unit.level2_id;
      const merged = successors.get(code) ?? [];
      units += 1;
      const split = unit.splits.map((s) => s.new_id);
      for (const n of split.filter((n) => !merged.includes(n))) {
        problems.push(`edge ${code}>${n} is in the splits file only`);
      }
      for (const n of merged.filter((n) => !split.includes(n))) {
        problems.push(`edge ${code}>${n} is in the merges file only`);
      }
    }
  }
  if (units !== successors.size) {
    problems.push(`the splits file lists ${units} old units, the merges file ${successors.size}`);
  }
  return problems;
}

/** Compares the old communes (and communeless island districts) of the legacy list with the lineage. */
function legacyProblems(
  sources: HierarchySources,
  successors: ReadonlyMap<string, readonly string[]>,
): string[] {
  const problems: string[] = [];
  const hosts = new Set<string>();
  for (const province of sources.legacy.data) {
    for (const district of province.level2s) {
      if (district.level3s.length === 0) hosts.add(district.level2_id);
      for (const commune of district.level3s) hosts.add(commune.level3_id);
    }
  }
  for (const host of hosts) if (!successors.has(host)) problems.push(`old unit ${host} has no successor`);
  for (const old of successors.keys()) {
    if (!hosts.has(old)) problems.push(`old unit ${old} of the merges file is missing from the legacy list`);
  }
  return problems;
}

/**
 * Checks that the three reference files agree: the same old→new edges from both sides (merges and splits),
 * every old commune (or communeless island district) of the legacy list with at least one successor and no
 * unknown old unit, every new commune with a predecessor, `type: 'full'` exactly when the old unit went into
 * one new commune, and every old province into exactly one new province. Spelling differences of names
 * between the files are not errors: the merges file is the canonical source of new names, the legacy file of
 * old names.
 *
 * @throws HierarchyDataError listing the first problems found.
 */
export function checkSources(sources: HierarchySources): void {
  const successors = successorsInMerges(sources);
  const problems = [
    ...provinceProblems(sources),
    ...edgeProblems(sources, successors),
    ...legacyProblems(sources, successors),
  ];
  for (const province of sources.merges.data) {
    for (const commune of province.level2s) {
      if (commune.merges.length === 0) problems.push(`new commune ${commune.level2_id} has no predecessor`);
      for (const m of commune.merges) {
        const k = successors.get(m.old_id)?.length ?? 0;
        if ((m.type === 'full') !== (k === 1)) {
          problems.push(
            `edge ${m.old_id}>${commune.level2_id} is '${m.type}' but its old unit has ${k} successors`,
          );
        }
      }
    }
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, SHOWN).join('; ');
    throw new HierarchyDataError(`Reference files disagree (${problems.length} problems): ${shown}.`);
  }
}
