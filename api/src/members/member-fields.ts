/**
 * Checks and normalises a member's details (from the form or an import row): dates in dd/mm/yyyy or ISO,
 * phones to digits, the name folded for search. Returns every problem at once, never the first only.
 */
import type { FieldProblem } from './field-problems.js';
import { problem } from './field-problems.js';
import { normalizePhone, searchKey } from './search-text.js';

/** Roles a member can hold. */
export type MemberRole = 'member' | 'branch_head' | 'cadre';

/** Details as given (every field optional: updates send only what changed). */
export interface MemberFieldsInput {
  fullName?: string | undefined;
  dateOfBirth?: string | undefined;
  gender?: 'female' | 'male' | undefined;
  ethnicity?: string | undefined;
  religion?: string | null | undefined;
  phone?: string | null | undefined;
  address?: string | null | undefined;
  education?: string | null | undefined;
  joinedOn?: string | undefined;
  leftOn?: string | null | undefined;
  roles?: MemberRole[] | undefined;
  honorary?: boolean | undefined;
}

/** Details ready for the store: the same fields, checked, plus `nameSearch` when the name is given. */
export type MemberFields = MemberFieldsInput & { nameSearch?: string };

const NAME = /^[\p{L}\p{M}][\p{L}\p{M} '.-]*$/u;

/**
 * A calendar date from `yyyy-mm-dd` or `dd/mm/yyyy` (also `d/m/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy`), as ISO
 * `yyyy-mm-dd`; `'format'` or `'calendar'` when it is not one.
 *
 * @example parseDate('14/03/1985') // '1985-03-14'
 */
export function parseDate(text: string): string | 'format' | 'calendar' {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const parts = iso ? [iso[1], iso[2], iso[3]] : vn ? [vn[3], vn[2], vn[1]] : undefined;
  if (parts === undefined) return 'format';
  const [y, m, d] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return 'calendar';
  return date.toISOString().slice(0, 10);
}

function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

function optionalText(value: string | null | undefined, max: number, field: string, out: FieldProblem[]) {
  if (value === undefined || value === null) return value;
  const t = value.trim();
  if (t.length > max) out.push(problem(field, 'text_too_long'));
  return t === '' ? null : t;
}

function checkDate(value: string | undefined, field: string, out: FieldProblem[]): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '') {
    out.push(problem(field, 'required'));
    return undefined;
  }
  const parsed = parseDate(value);
  if (parsed === 'format') out.push(problem(field, 'date_format'));
  else if (parsed === 'calendar') out.push(problem(field, 'date_not_calendar'));
  else return parsed;
  return undefined;
}

/**
 * Checks `input` against today's date in Vietnam; `required` lists fields that must be present (a new
 * member needs name, birth date, ethnicity and join date). `current` holds the stored dates, so that an
 * update of one date is checked against the other.
 *
 * @returns the normalised fields, or the list of problems.
 */
export function checkMemberFields(
  input: MemberFieldsInput,
  today: string,
  options: { required?: boolean; current?: { dateOfBirth: string; joinedOn: string } } = {},
): { ok: true; fields: MemberFields } | { ok: false; problems: FieldProblem[] } {
  const out: FieldProblem[] = [];
  const fields: MemberFields = {};
  if (options.required === true) {
    for (const f of ['fullName', 'dateOfBirth', 'ethnicity', 'joinedOn'] as const) {
      if (input[f] === undefined || input[f].trim() === '') out.push(problem(f, 'required'));
    }
  }
  if (input.fullName !== undefined && input.fullName.trim() !== '') {
    const name = input.fullName.normalize('NFC').trim().replace(/\s+/g, ' ');
    if (name.length > 120) out.push(problem('fullName', 'name_too_long'));
    else if (!NAME.test(name)) out.push(problem('fullName', 'name_not_letters'));
    fields.fullName = name;
    fields.nameSearch = searchKey(name);
  }
  const dob = checkDate(input.dateOfBirth, 'dateOfBirth', out);
  const joined = checkDate(input.joinedOn, 'joinedOn', out);
  const left = input.leftOn === null ? null : checkDate(input.leftOn, 'leftOn', out);
  const birth = dob ?? options.current?.dateOfBirth;
  const join = joined ?? options.current?.joinedOn;
  if (dob !== undefined) {
    if (dob > today) out.push(problem('dateOfBirth', 'birth_in_future'));
    else if (yearsBetween(dob, today) > 120) out.push(problem('dateOfBirth', 'too_old'));
    fields.dateOfBirth = dob;
  }
  if (joined !== undefined) {
    if (joined > today) out.push(problem('joinedOn', 'join_in_future'));
    else if (joined < '1930-10-20') out.push(problem('joinedOn', 'join_before_1930'));
    fields.joinedOn = joined;
  }
  if ((dob !== undefined || joined !== undefined) && birth !== undefined && join !== undefined) {
    if (birth <= today && join <= today && yearsBetween(birth, join) < 18)
      out.push(problem(joined !== undefined ? 'joinedOn' : 'dateOfBirth', 'too_young'));
  }
  if (left !== undefined) {
    if (left !== null && join !== undefined && left < join) out.push(problem('leftOn', 'left_before_join'));
    fields.leftOn = left;
  }
  if (input.phone !== undefined) {
    if (input.phone === null || input.phone.trim() === '') fields.phone = null;
    else {
      const phone = normalizePhone(input.phone);
      if (phone === undefined) out.push(problem('phone', 'phone_invalid'));
      else fields.phone = phone;
    }
  }
  if (input.ethnicity !== undefined && input.ethnicity.trim() !== '') {
    fields.ethnicity = optionalText(input.ethnicity, 40, 'ethnicity', out) ?? undefined;
  }
  fields.religion = optionalText(input.religion, 60, 'religion', out);
  fields.address = optionalText(input.address, 300, 'address', out);
  fields.education = optionalText(input.education, 60, 'education', out);
  if (input.gender !== undefined) fields.gender = input.gender;
  if (input.roles !== undefined) fields.roles = [...new Set(input.roles)];
  if (input.honorary !== undefined) fields.honorary = input.honorary;
  for (const key of Object.keys(fields) as (keyof MemberFields)[]) {
    if (fields[key] === undefined) delete fields[key];
  }
  return out.length > 0 ? { ok: false, problems: out } : { ok: true, fields };
}
