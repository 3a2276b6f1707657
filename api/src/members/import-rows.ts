/**
 * Turns imported rows into members: suggests which column holds which field (Vietnamese or English
 * headers, accents optional), reads each row through the member checks, finds its branch, and gives every
 * good row a fingerprint so that importing it again creates no duplicate.
 */
import { createHash } from 'node:crypto';
import { foldVietnamese, type Hierarchy, type Unit, type UnitKey } from '@vwu/contracts';
import { apiError } from '../errors.js';
import { problem, type FieldProblem } from './field-problems.js';
import { checkMemberFields, type MemberFields, type MemberRole } from './member-fields.js';
import { placeOf, placeWithin, type MemberPlace } from './member-scope.js';
import type { ImportTable } from './import-parse.js';
import type { ImportFieldName } from './workflow-schemas.js';

/** Header words (folded) that suggest each field. */
const HEADER_WORDS: ReadonlyArray<readonly [Exclude<ImportFieldName, 'ignore'>, readonly string[]]> = [
  ['fullName', ['ho va ten', 'ho ten', 'ten hoi vien', 'full name', 'fullname', 'name', 'ten']],
  ['dateOfBirth', ['ngay sinh', 'ngay thang nam sinh', 'date of birth', 'birth date', 'dob', 'nam sinh']],
  ['gender', ['gioi tinh', 'gender', 'sex']],
  ['ethnicity', ['dan toc', 'ethnicity']],
  ['religion', ['ton giao', 'religion']],
  ['phone', ['so dien thoai', 'dien thoai', 'sdt', 'phone']],
  ['address', ['dia chi', 'noi o', 'address']],
  ['education', ['trinh do', 'hoc van', 'education']],
  ['joinedOn', ['ngay vao hoi', 'ngay ket nap', 'join date', 'joined on', 'joined']],
  ['branch', ['chi hoi', 'ma chi hoi', 'branch', 'don vi']],
  ['roles', ['vai tro', 'chuc vu', 'roles', 'role']],
  ['honorary', ['hoi vien danh du', 'danh du', 'honorary']],
];

/** The field each header most likely holds (`ignore` when none fits); each field is suggested once. */
export function suggestMapping(headers: readonly string[]): Record<string, ImportFieldName> {
  const taken = new Set<string>();
  const mapping: Record<string, ImportFieldName> = {};
  for (const header of headers) {
    const folded = foldVietnamese(header)
      .replace(/[^a-z0-9 ]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    const hit = HEADER_WORDS.find(
      ([field, words]) => !taken.has(field) && words.some((w) => folded === w || folded.startsWith(`${w} `)),
    );
    mapping[header] = hit?.[0] ?? 'ignore';
    if (hit !== undefined) taken.add(hit[0]);
  }
  return mapping;
}

const REQUIRED = ['fullName', 'dateOfBirth', 'ethnicity', 'joinedOn'] as const;

/**
 * The column index of each mapped field.
 *
 * @throws ApiError IMPORT_MAPPING_INVALID when a required field (or the branch, for an upload to a province)
 * has no column, a field is mapped twice, or a header is not in the file.
 */
export function columnsOf(
  headers: readonly string[],
  mapping: Record<string, ImportFieldName>,
  needBranch: boolean,
) {
  const columns = new Map<ImportFieldName, number>();
  const problems: string[] = [];
  for (const [header, field] of Object.entries(mapping)) {
    if (field === 'ignore') continue;
    const index = headers.indexOf(header);
    if (index === -1) problems.push(`"${header}" is not a column of the file`);
    else if (columns.has(field)) problems.push(`${field} is mapped twice`);
    else columns.set(field, index);
  }
  for (const field of needBranch ? [...REQUIRED, 'branch' as const] : REQUIRED)
    if (!columns.has(field)) problems.push(field);
  if (problems.length > 0)
    throw apiError('IMPORT_MAPPING_INVALID', { missing: problems.join(', ') }, { problems });
  return columns;
}

const YES = new Set(['co', 'x', 'yes', 'y', 'true', '1', 'dung']);
const NO = new Set(['khong', '', 'no', 'n', 'false', '0', 'sai']);
const ROLE_WORDS: Record<string, MemberRole> = {
  'hoi vien': 'member',
  member: 'member',
  'chi hoi truong': 'branch_head',
  branch_head: 'branch_head',
  'branch head': 'branch_head',
  'can bo': 'cadre',
  'can bo hoi': 'cadre',
  cadre: 'cadre',
};

/** Looks up branches and communes within `unit` by key, code or (unique) folded name. */
export function branchFinder(hierarchy: Hierarchy, unit: Unit): (text: string) => MemberPlace | undefined {
  const byName = new Map<string, UnitKey | null>();
  const within = (key: UnitKey) => {
    try {
      const place = placeOf(hierarchy, key);
      return placeWithin(place, unit) ? place : undefined;
    } catch {
      return undefined;
    }
  };
  const units = unit.structure === '2025' ? hierarchy.subtree(unit.key) : [];
  for (const u of units) {
    if (u.level !== 'branch' && u.level !== 'commune') continue;
    const name = foldVietnamese(u.name);
    byName.set(name, byName.has(name) ? null : u.key);
  }
  return (text) => {
    const t = text.trim();
    if (t === '') return undefined;
    const key = (t.includes(':') ? t : `2025:${t}`) as UnitKey;
    return (
      within(key) ??
      (byName.get(foldVietnamese(t)) ? within(byName.get(foldVietnamese(t)) as UnitKey) : undefined)
    );
  };
}

/** One row read: a member ready to insert with its fingerprint, or its problems. */
export type ReadRow =
  | { ok: true; row: number; place: MemberPlace; fields: MemberFields; fingerprint: string }
  | { ok: false; row: number; cells: string[]; problems: FieldProblem[] };

/** Reads every row of `table` with `columns`; rows without a branch column go to `defaultPlace`. */
export function readRows(
  table: ImportTable,
  columns: Map<ImportFieldName, number>,
  findBranch: (text: string) => MemberPlace | undefined,
  defaultPlace: MemberPlace | undefined,
  today: string,
): ReadRow[] {
  const seen = new Set<string>();
  return table.rows.map(({ row, cells }) => {
    const cell = (field: ImportFieldName) => {
      const index = columns.get(field);
      return index === undefined ? undefined : (cells[index] ?? '');
    };
    const problems: FieldProblem[] = [];
    const gender = cell('gender');
    const g = gender === undefined ? undefined : foldVietnamese(gender);
    const genderValue =
      g === undefined || g === '' || g === 'nu' || g === 'female' || g === 'f'
        ? 'female'
        : g === 'nam' || g === 'male' || g === 'm'
          ? 'male'
          : undefined;
    if (genderValue === undefined) problems.push(problem('gender', 'gender_invalid'));
    const rolesText = cell('roles');
    let roles: MemberRole[] | undefined;
    if (rolesText !== undefined && rolesText.trim() !== '') {
      const words = rolesText
        .split(/[,;/]/)
        .map((w) => foldVietnamese(w))
        .filter((w) => w !== '');
      roles = words.map((w) => ROLE_WORDS[w]).filter((r): r is MemberRole => r !== undefined);
      if (roles.length !== words.length) problems.push(problem('roles', 'role_invalid'));
    }
    const honoraryText = cell('honorary');
    const h = honoraryText === undefined ? undefined : foldVietnamese(honoraryText);
    if (h !== undefined && !YES.has(h) && !NO.has(h)) problems.push(problem('honorary', 'yes_no_invalid'));
    const branchText = cell('branch');
    const place =
      branchText === undefined || branchText.trim() === '' ? defaultPlace : findBranch(branchText);
    if (place === undefined)
      problems.push(
        problem(
          'branch',
          branchText === undefined || branchText.trim() === '' ? 'required' : 'branch_unknown',
        ),
      );
    const checked = checkMemberFields(
      {
        fullName: cell('fullName'),
        dateOfBirth: cell('dateOfBirth'),
        gender: genderValue,
        ethnicity: cell('ethnicity'),
        religion: cell('religion'),
        phone: cell('phone'),
        address: cell('address'),
        education: cell('education'),
        joinedOn: cell('joinedOn'),
        roles,
        honorary: h === undefined ? undefined : YES.has(h),
      },
      today,
      { required: true },
    );
    if (!checked.ok) problems.push(...checked.problems);
    if (problems.length > 0 || !checked.ok || place === undefined) return { ok: false, row, cells, problems };
    const f = checked.fields;
    const fingerprint = createHash('sha256')
      .update([place.unitKey, f.nameSearch, f.dateOfBirth, f.phone ?? '', f.joinedOn].join('|'))
      .digest('base64url');
    if (seen.has(fingerprint))
      return { ok: false, row, cells, problems: [problem('fullName', 'duplicate_in_file')] };
    seen.add(fingerprint);
    return { ok: true, row, place, fields: f, fingerprint };
  });
}
