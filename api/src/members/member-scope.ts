/**
 * Where members sit in the unit tree. A member is registered on a 2025 branch or commune; each row carries
 * its commune and province, so "the members within unit U" is one equality on the column of U's level.
 */
import { structureOf, type Hierarchy, type Unit, type UnitKey } from '@vwu/contracts';
import { apiError } from '../errors.js';
import type { SqlParams } from '../store/sql-params.js';

/** The unit a member is registered on, with its commune and province. */
export interface MemberPlace {
  unitKey: UnitKey;
  communeKey: UnitKey;
  provinceKey: UnitKey;
}

/**
 * The place of a member registered on `key`.
 *
 * @throws ApiError MEMBER_UNIT_INVALID unless `key` is a 2025 branch or commune.
 */
export function placeOf(hierarchy: Hierarchy, key: UnitKey): MemberPlace {
  const unit = hierarchy.find(key);
  if (
    unit === undefined ||
    structureOf(key) !== '2025' ||
    (unit.level !== 'branch' && unit.level !== 'commune')
  )
    throw apiError('MEMBER_UNIT_INVALID');
  const commune = unit.level === 'commune' ? unit : hierarchy.find(unit.parent as UnitKey);
  const province =
    commune?.parent === null || commune === undefined ? undefined : hierarchy.find(commune.parent);
  if (commune === undefined || province === undefined) throw apiError('MEMBER_UNIT_INVALID');
  return { unitKey: unit.key, communeKey: commune.key, provinceKey: province.key };
}

/**
 * SQL condition on a `member` row aliased `alias`: the member lies within `unit` (central: every member).
 *
 * @throws ApiError MEMBER_LIST_UNIT_INVALID for a pre-2025 unit: members are kept on 2025 units only.
 * @example `… WHERE ${membersWithin('m', unit, p)}`
 */
export function membersWithin(alias: string, unit: Unit, p: SqlParams): string {
  if (unit.structure !== '2025') throw apiError('MEMBER_LIST_UNIT_INVALID');
  switch (unit.level) {
    case 'central':
      return 'TRUE';
    case 'province':
      return `${alias}.province_key = ${p.add(unit.key)}`;
    case 'commune':
      return `${alias}.commune_key = ${p.add(unit.key)}`;
    default:
      return `${alias}.unit_key = ${p.add(unit.key)}`;
  }
}

/** Whether a member at `place` lies within `unit` (same meaning as {@link membersWithin}). */
export function placeWithin(place: MemberPlace, unit: Unit): boolean {
  if (unit.structure !== '2025') return false;
  if (unit.level === 'central') return true;
  if (unit.level === 'province') return place.provinceKey === unit.key;
  if (unit.level === 'commune') return place.communeKey === unit.key;
  return place.unitKey === unit.key;
}
