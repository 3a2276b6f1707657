/**
 * The `member` row and how the API shows it. Ids travel as strings (bigint in the store).
 */
import type { Hierarchy, UnitKey } from '@vwu/contracts';
import type { MemberDetailOut, MemberSummaryOut } from './schemas.js';

/** Columns of a `member` row, as read. */
export interface MemberRow {
  id: number;
  member_key: string;
  full_name: string;
  name_search: string;
  date_of_birth: string;
  gender: 'female' | 'male';
  ethnicity: string;
  religion: string | null;
  phone: string | null;
  address: string | null;
  education: string | null;
  unit_key: string;
  commune_key: string;
  province_key: string;
  joined_on: string;
  left_on: string | null;
  card_status: 'none' | 'active' | 'revoked';
  roles: ('member' | 'branch_head' | 'cadre')[];
  honorary: boolean;
  trained: boolean;
  status: 'active' | 'left' | 'merged';
  merged_into: number | null;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
}

/** Columns read for a {@link MemberRow}, on alias `m`. */
export const MEMBER_COLUMNS =
  'm.id, m.member_key, m.full_name, m.name_search, m.date_of_birth, m.gender, m.ethnicity, m.religion, m.phone, ' +
  'm.address, m.education, m.unit_key, m.commune_key, m.province_key, m.joined_on, m.left_on, m.card_status, ' +
  'm.roles, m.honorary, m.trained, m.status, m.merged_into, m.version, m.created_at, m.updated_at';

/** An instant from the store as ISO text (pg gives Date, PGlite gives Date too; strings pass through). */
export function isoInstant(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

/** The name of a unit, or its key when the hierarchy does not know it. */
export function unitName(hierarchy: Hierarchy, key: string): string {
  return hierarchy.find(key as UnitKey)?.name ?? key;
}

/** A row as lists show it. */
export function summaryOf(row: MemberRow, hierarchy: Hierarchy): MemberSummaryOut {
  return {
    id: String(row.id),
    memberKey: row.member_key,
    fullName: row.full_name,
    dateOfBirth: row.date_of_birth,
    gender: row.gender,
    ethnicity: row.ethnicity,
    phone: row.phone,
    unitKey: row.unit_key,
    unitName: unitName(hierarchy, row.unit_key),
    joinedOn: row.joined_on,
    cardStatus: row.card_status,
    roles: row.roles,
    honorary: row.honorary,
    trained: row.trained,
    status: row.status,
  };
}

/** A row with everything but history, cards and trainings (the detail route adds those). */
export function detailBase(
  row: MemberRow,
  hierarchy: Hierarchy,
): Omit<MemberDetailOut, 'history' | 'trainings' | 'card' | 'pendingTransfer'> {
  return {
    ...summaryOf(row, hierarchy),
    religion: row.religion,
    address: row.address,
    education: row.education,
    communeKey: row.commune_key,
    provinceKey: row.province_key,
    leftOn: row.left_on,
    mergedInto: row.merged_into === null ? null : String(row.merged_into),
    version: row.version,
    createdAt: isoInstant(row.created_at),
    updatedAt: isoInstant(row.updated_at),
  };
}

/** The state of a member for the audit log: ids and registry fields only, no personal data. */
export function auditState(
  row: Pick<
    MemberRow,
    'member_key' | 'unit_key' | 'status' | 'card_status' | 'roles' | 'honorary' | 'version'
  >,
): Record<string, unknown> {
  return {
    memberKey: row.member_key,
    unitKey: row.unit_key,
    status: row.status,
    cardStatus: row.card_status,
    roles: row.roles,
    honorary: row.honorary,
    version: row.version,
  };
}
