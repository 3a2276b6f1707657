/**
 * The demo member registry: one record per member with the personal data an officer keeps (name, date of
 * birth, ethnicity, religion, phone, address …). It goes to the operational store only; events carry the
 * same members by pseudonymous key. A few members are registered twice, as happens when migrant members
 * enrol again where they moved, so duplicate detection has real work to do.
 */
import type { Hierarchy, UnitKey } from '@vwu/contracts';
import { memberKey } from '../ids.js';
import { mix32, unitFloat } from '../random.js';
import type { DemoWorld, WorldBranch } from '../world.js';
import type { Ethnicity } from './ethnicity.js';
import { dayOf, isoDay, NEVER } from './days.js';
import { memberLife, type MemberLife } from './lifecycle.js';
import { fullName } from './names.js';

/** A member's role in the Union. */
export type MemberRole = 'member' | 'branch_head' | 'cadre';

/** A cadre's training record. */
export interface TrainingRecord {
  topic: 'digital_skills' | 'e_commerce' | 'online_public_services' | 'it_for_cadres';
  on: string;
}

/** One demo member as the registry holds her. */
export interface DemoMember {
  member_key: string;
  branch: UnitKey;
  commune: UnitKey;
  province: UnitKey;
  full_name: string;
  date_of_birth: string;
  ethnicity: Ethnicity;
  religion: string;
  phone: string | null;
  address: string;
  joined_on: string;
  left_on: string | null;
  honorary: boolean;
  roles: MemberRole[];
  education: string;
  card_status: 'none' | 'active';
  card_activated_on: string | null;
  trainings: TrainingRecord[];
  demo: true;
}

const PREFIXES = [
  '032',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '039',
  '086',
  '096',
  '097',
  '098',
  '070',
  '076',
  '077',
  '078',
  '079',
  '089',
  '090',
  '093',
  '081',
  '082',
  '083',
  '084',
  '085',
  '088',
  '091',
  '094',
  '056',
  '058',
] as const;
const EDUCATION = [
  'Tiểu học',
  'Trung học cơ sở',
  'Trung học phổ thông',
  'Trung cấp',
  'Cao đẳng',
  'Đại học',
  'Thạc sĩ',
] as const;
const TOPICS: readonly TrainingRecord['topic'][] = [
  'digital_skills',
  'e_commerce',
  'online_public_services',
  'it_for_cadres',
];

function religionOf(province: string, minority: boolean, u: number): string {
  if ((province === '72' || province === '80') && u < 0.12) return 'Cao Đài';
  if (province === '89' && u < 0.2) return 'Phật giáo Hòa Hảo';
  if (minority && u < 0.1) return 'Tin lành';
  if (u < 0.18) return 'Phật giáo';
  if (u < 0.25) return 'Công giáo';
  return 'Không';
}

function educationOf(ageNow: number, u: number): string {
  const shift = ageNow < 35 ? 2 : ageNow < 55 ? 1 : 0;
  return EDUCATION[Math.min(EDUCATION.length - 1, Math.floor(u * 5) + shift)] ?? 'Trung học cơ sở';
}

/** Where a branch sits, for addresses and the province rules of religion. */
interface Place {
  commune: UnitKey;
  province: UnitKey;
  oldProvince: string;
  address: string;
}

function memberRecord(
  world: DemoWorld,
  branch: WorldBranch,
  place: Place,
  index: number,
  m: MemberLife,
  todayDay: number,
): DemoMember {
  const s = m.spare;
  const ethnicity: Ethnicity = m.minority ? (branch.groups[s % branch.groups.length] ?? 'Kinh') : 'Kinh';
  const dobDay = m.joinDay - Math.floor(m.ageAtJoin * 365.25) - (s % 365);
  const ageNow = Math.floor((todayDay - dobDay) / 365.25);
  const h = mix32(s ^ 0x2545f491);
  const phone =
    h % 100 < 86 ? `${PREFIXES[h % PREFIXES.length]}${String(mix32(h) % 10_000_000).padStart(7, '0')}` : null;
  const roles: MemberRole[] = index === 0 ? ['branch_head'] : m.cadre ? ['cadre'] : ['member'];
  const trainings: TrainingRecord[] = [];
  if (m.cadre) {
    for (let t = 0; t < h % 4; t++) {
      trainings.push({
        topic: TOPICS[(h >>> (t * 3)) % TOPICS.length] ?? 'digital_skills',
        on: isoDay(dayOf(Date.UTC(2024, 0, 1)) + (mix32(h + t) % 1000)),
      });
    }
  }
  return {
    member_key: memberKey(world.seedHash, branch.serial, index),
    branch: branch.key,
    commune: place.commune,
    province: place.province,
    full_name: fullName(ethnicity, unitFloat(s, 1), unitFloat(s, 2), unitFloat(s, 3)),
    date_of_birth: isoDay(dobDay),
    ethnicity,
    religion: religionOf(place.oldProvince, m.minority, unitFloat(s, 4)),
    phone,
    address: place.address,
    joined_on: isoDay(m.joinDay),
    left_on: m.leftDay <= todayDay ? isoDay(m.leftDay) : null,
    honorary: m.honorary,
    roles,
    education: educationOf(ageNow, unitFloat(s, 5)),
    card_status: m.cardDay <= todayDay ? 'active' : 'none',
    card_activated_on: m.cardDay <= todayDay ? isoDay(m.cardDay) : null,
    trainings,
    demo: true,
  };
}

/** The spelling a person might use when enrolling a second time: the other tone placement, if any. */
function respell(name: string): string {
  const swaps: ReadonlyArray<readonly [string, string]> = [
    ['Hoà', 'Hòa'],
    ['Thuý', 'Thúy'],
    ['Thuỳ', 'Thùy'],
    ['Khoẻ', 'Khỏe'],
    ['Thoả', 'Thỏa'],
  ];
  for (const [a, b] of swaps) {
    if (name.endsWith(a)) return name.slice(0, -a.length) + b;
    if (name.endsWith(b)) return name.slice(0, -b.length) + a;
  }
  return name;
}

/** Whether a member is in the registry on `todayDay`: she has joined by then. */
function isRegistered(m: MemberLife, todayDay: number): boolean {
  return m.joinDay <= todayDay;
}

/** About 3 in 1,000 members who never left enrolled a second time in another branch. */
function registersTwice(m: MemberLife): boolean {
  return m.spare % 1000 < 3 && m.leftDay === NEVER;
}

/**
 * How many records {@link generateMembers} yields for `world` on `today`, without building them: the
 * scale's volume in seconds even at national scale (19 M members).
 */
export function registrySize(world: DemoWorld, today: string): number {
  const todayDay = dayOf(Date.parse(`${today}T12:00:00+07:00`));
  const scratch = {} as MemberLife;
  let count = 0;
  for (const province of world.current.provinces) {
    for (const commune of province.communes) {
      for (const b of commune.branches) {
        for (let i = 0; i < b.members; i++) {
          const m = memberLife(b.population, i, scratch);
          if (isRegistered(m, todayDay)) count += registersTwice(m) ? 2 : 1;
        }
      }
    }
  }
  return count;
}

/** The place of a 2025 branch: its commune, province and a postal-style address. */
function placeOf(hierarchy: Hierarchy, branchKey: UnitKey): Place {
  const [, province, commune] = hierarchy.ancestors(branchKey);
  if (!province || !commune) throw new Error(`branch ${branchKey} is not under a commune`);
  const oldBranch = hierarchy.predecessors(branchKey)[0]?.unit;
  const oldProvince = oldBranch
    ? (hierarchy.ancestors(oldBranch).find((u) => u.level === 'province')?.code ?? '')
    : '';
  const village = hierarchy.get(branchKey).name.replace(/^Chi hội /, '');
  return {
    commune: commune.key,
    province: province.key,
    oldProvince,
    address: `${village}, ${commune.name}, ${province.name}`,
  };
}

/**
 * The registry of the world's current (2025) branches as of `today` ('YYYY-MM-DD'), member by member.
 * Members who joined after `today` are not yet there; members who left keep their record with `left_on`.
 * `duplicates: false` leaves out the second registrations of migrant members (for consistency checks).
 */
export function* generateMembers(
  world: DemoWorld,
  hierarchy: Hierarchy,
  today: string,
  options: { duplicates?: boolean } = {},
): Generator<DemoMember> {
  const duplicates = options.duplicates ?? true;
  const todayDay = dayOf(Date.parse(`${today}T12:00:00+07:00`));
  const scratch = {} as MemberLife;
  const keys = world.current.branchKeys;
  for (const province of world.current.provinces) {
    for (const commune of province.communes) {
      for (const branch of commune.branches) {
        const place = placeOf(hierarchy, branch.key);
        for (let i = 0; i < branch.members; i++) {
          const m = memberLife(branch.population, i, scratch);
          if (!isRegistered(m, todayDay)) continue;
          const record = memberRecord(world, branch, place, i, m, todayDay);
          yield record;
          if (duplicates && registersTwice(m)) {
            const elsewhere = keys[mix32(m.spare) % keys.length] ?? branch.key;
            const there = placeOf(hierarchy, elsewhere);
            yield {
              ...record,
              member_key: memberKey(world.seedHash, branch.serial, i, 'twin'),
              branch: elsewhere,
              commune: there.commune,
              province: there.province,
              address: there.address,
              full_name: respell(record.full_name),
              roles: ['member'],
              trainings: [],
              card_status: 'none',
              card_activated_on: null,
            };
          }
        }
      }
    }
  }
}
