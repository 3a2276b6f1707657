/**
 * The demo world: the part of the real unit hierarchy a scale covers, flattened once into small records
 * the generator walks month after month (both structures, with the demo branches), plus the per-unit
 * "performance" that makes some units meet each target and others miss it.
 */
import type { Hierarchy, StructureId, Unit, UnitKey } from '@vwu/contracts';
import { provinceMix, type Ethnicity } from './people/ethnicity.js';
import { Population } from './people/population.js';
import { NATIONAL_MEMBERS, SCALES, type DemoScale } from './scale.js';
import { combine, hashString, unitFloat } from './random.js';

/** A unit as the generator sees it. */
export interface WorldUnit {
  key: UnitKey;
  /** Hash of the key mixed with the seed: the root of every random stream of this unit. */
  hash: number;
  /** 0–1 base performance of the unit (targets add their own variation, see {@link quality}). */
  base: number;
  /** 0–1 performance of the province the unit belongs to. */
  province: number;
}

/** A branch (chi hội) and the member population behind it. */
export interface WorldBranch extends WorldUnit {
  /** Hash of the branch's identity (its 2025 key): the same members before and after the reform. */
  identity: number;
  /** The branch's ordinal among all 2025 branches (the same at every scale): numbers its member keys. */
  serial: number;
  /** Members generated for this branch at the chosen scale (ever registered). */
  members: number;
  /** Members the branch really has at national scale: drives meeting attendance at every scale. */
  fullMembers: number;
  minorityShare: number;
  groups: readonly Ethnicity[];
  /** 0–1 speed of smart-card uptake in the commune. */
  cardQuality: number;
  /** The branch's 2025 key (itself after the reform). */
  currentKey: UnitKey;
  /** The branch's members over time. */
  population: Population;
}

/** A commune with its branches. */
export interface WorldCommune extends WorldUnit {
  urban: boolean;
  /** Share of members from ethnic minorities, weighted by branch size. */
  minorityShare: number;
  /** Runs an online group (seed 002) for its members. */
  onlineGroup: boolean;
  branches: WorldBranch[];
  /** For pre-2025 communes: the 2025 communes that received part of it (the first one takes late events). */
  successors: UnitKey[];
}

/** A pre-2025 district with its communes. */
export interface WorldDistrict extends WorldUnit {
  communes: WorldCommune[];
}

/** A province with its districts (pre-2025 only) and communes. */
export interface WorldProvince extends WorldUnit {
  code: string;
  /** Share of members from ethnic minorities, weighted by branch size. */
  minorityShare: number;
  districts: WorldDistrict[];
  communes: WorldCommune[];
}

/** One structure's part of the world. */
export interface WorldStructure {
  structure: StructureId;
  central: WorldUnit;
  provinces: WorldProvince[];
  /** Every branch key of the structure in the world, for members who move to another branch. */
  branchKeys: UnitKey[];
}

/** Everything the generator walks. */
export interface DemoWorld {
  seedHash: number;
  scale: DemoScale;
  pre2025: WorldStructure;
  current: WorldStructure;
}

/** Per-target performance of a unit, 0–1: shared province and unit components plus the target's own. */
export function quality(unit: WorldUnit, target: number): number {
  return 0.4 * unit.province + 0.35 * unit.base + 0.25 * unitFloat(unit.hash, 1000 + target);
}

/** A rough standard normal from three hashed uniforms (Irwin–Hall), for member-count spread. */
function hashedNormal(hash: number): number {
  return (unitFloat(hash, 1) + unitFloat(hash, 2) + unitFloat(hash, 3) - 1.5) * 2;
}

function worldUnit(unit: Unit, seedHash: number, province: number, inherit?: number): WorldUnit {
  const hash = combine(seedHash, hashString(unit.key));
  const own = unitFloat(hash, 0);
  return { key: unit.key, hash, base: inherit === undefined ? own : 0.6 * inherit + 0.4 * own, province };
}

/** Builds the world of `scale` from the hierarchy; deterministic for a seed. */
export function buildWorld(hierarchy: Hierarchy, seed: number, scale: DemoScale): DemoWorld {
  const seedHash = hashString(`vwu-demo:${seed}`);
  const profile = SCALES[scale];
  const allCurrent = hierarchy.units('2025', 'province');
  const chosen = allCurrent.filter((p) => profile.provinces === null || profile.provinces.includes(p.code));
  const meanMembers = NATIONAL_MEMBERS / hierarchy.count('2025', 'branch') / 0.93;
  const provinceQuality = new Map<string, number>();
  for (const p of allCurrent) provinceQuality.set(p.key, unitFloat(hashString(p.key, seedHash), 7));

  const identityOf = new Map<UnitKey, WorldBranch>();
  const serialOf = new Map(hierarchy.units('2025', 'branch').map((b, i) => [b.key, i]));
  const currentBase = new Map<UnitKey, number>();

  const makeBranch = (b: Unit, commune: WorldUnit, currentKey: UnitKey, oldProvince: string): WorldBranch => {
    const shared = identityOf.get(currentKey);
    const wu = worldUnit(b, seedHash, commune.province, commune.base);
    if (shared) return { ...shared, ...wu };
    const identity = combine(seedHash, hashString(currentKey));
    const serial = serialOf.get(currentKey);
    if (serial === undefined) throw new Error(`branch ${currentKey} is not a 2025 branch`);
    const mix = provinceMix(oldProvince);
    const spread = Math.exp(0.35 * hashedNormal(identity)) / 1.063;
    const full = Math.max(12, Math.round(meanMembers * spread));
    const local = Math.min(
      0.98,
      Math.max(
        0,
        mix.minority + (unitFloat(identity, 9) - 0.5) * 0.5 * Math.min(mix.minority, 1 - mix.minority) * 2,
      ),
    );
    const members = Math.round(full * profile.memberFraction);
    const cardQuality = 0.5 * commune.base + 0.5 * unitFloat(commune.hash, 11);
    const branch: WorldBranch = {
      ...wu,
      identity,
      serial,
      fullMembers: full,
      members,
      minorityShare: local,
      groups: mix.groups,
      cardQuality,
      currentKey,
      population: new Population({ hash: identity, members, cardQuality, minorityShare: local }),
    };
    identityOf.set(currentKey, branch);
    return branch;
  };

  const oldProvinceOf = (oldBranch: UnitKey): string => {
    const province = hierarchy.ancestors(oldBranch).find((u) => u.level === 'province');
    if (!province) throw new Error(`branch ${oldBranch} has no province`);
    return province.code;
  };

  const current: Omit<WorldStructure, 'branchKeys'> = {
    structure: '2025',
    central: worldUnit(firstRoot(hierarchy, '2025'), seedHash, 0.75),
    provinces: chosen.map((p) => {
      const q = provinceQuality.get(p.key) ?? 0.5;
      const communes = hierarchy.children(p.key).map((c) => {
        const cu = worldUnit(c, seedHash, q);
        currentBase.set(c.key, cu.base);
        const branches = hierarchy.children(c.key).map((b) => {
          const pred = hierarchy.predecessors(b.key)[0];
          if (!pred) throw new Error(`branch ${b.key} has no pre-2025 predecessor`);
          return makeBranch(b, cu, b.key, oldProvinceOf(pred.unit));
        });
        return {
          ...cu,
          urban: c.type === 'Phường',
          minorityShare: minorityOf(branches),
          onlineGroup: false,
          branches,
          successors: [],
        };
      });
      for (const c of communes) c.onlineGroup = c.urban || p.code === '01' || unitFloat(c.hash, 12) < 0.3;
      return {
        ...worldUnit(p, seedHash, q),
        code: p.code,
        minorityShare: minorityOf(communes.flatMap((c) => c.branches)),
        districts: [],
        communes,
      };
    }),
  };

  const chosenKeys = new Set(chosen.map((p) => p.key));
  const oldProvinces = hierarchy
    .units('pre2025', 'province')
    .filter((p) => hierarchy.successors(p.key).some((s) => chosenKeys.has(s)));
  const pre2025: Omit<WorldStructure, 'branchKeys'> = {
    structure: 'pre2025',
    central: worldUnit(firstRoot(hierarchy, 'pre2025'), seedHash, 0.7),
    provinces: oldProvinces.map((p) => {
      const successor = hierarchy.successors(p.key)[0] as UnitKey;
      const q =
        0.85 * (provinceQuality.get(successor) ?? 0.5) + 0.15 * unitFloat(hashString(p.key, seedHash), 7);
      const districts = hierarchy.children(p.key).map((d) => {
        const communes = hierarchy.children(d.key).map((c) => {
          const successors = hierarchy.successors(c.key);
          const cu = worldUnit(c, seedHash, q, currentBase.get(successors[0] as UnitKey));
          const branches = hierarchy.children(c.key).map((b) => {
            const next = hierarchy.successors(b.key)[0];
            if (!next) throw new Error(`branch ${b.key} has no 2025 successor`);
            return makeBranch(b, cu, next, p.code);
          });
          const onlineGroup = unitFloat(cu.hash, 12) < 0.15;
          return {
            ...cu,
            urban: c.type === 'Phường',
            minorityShare: minorityOf(branches),
            onlineGroup,
            branches,
            successors,
          };
        });
        return { ...worldUnit(d, seedHash, q), communes };
      });
      const communes = districts.flatMap((d) => d.communes);
      return {
        ...worldUnit(p, seedHash, q),
        code: p.code,
        minorityShare: minorityOf(communes.flatMap((c) => c.branches)),
        districts,
        communes,
      };
    }),
  };

  return { seedHash, scale, pre2025: withBranchKeys(pre2025), current: withBranchKeys(current) };
}

function minorityOf(branches: readonly WorldBranch[]): number {
  let members = 0;
  let minority = 0;
  for (const b of branches) {
    members += b.fullMembers;
    minority += b.fullMembers * b.minorityShare;
  }
  return members > 0 ? minority / members : 0;
}

function withBranchKeys(s: Omit<WorldStructure, 'branchKeys'>): WorldStructure {
  const branchKeys = s.provinces.flatMap((p) => p.communes.flatMap((c) => c.branches.map((b) => b.key)));
  return { ...s, branchKeys };
}

function firstRoot(hierarchy: Hierarchy, structure: StructureId): Unit {
  const root = hierarchy.roots(structure)[0];
  if (!root) throw new Error(`structure ${structure} has no central unit`);
  return root;
}
