import type { ApiError, Localized } from '@vwu/context';
import type { FieldProblemOut, MemberCreateIn, MemberRoleName } from '../api/wire.js';
import { ageOn, parseTypedDate } from './dates.js';

/** The member form as typed: dates as dd/MM/yyyy text. */
export interface MemberDraft {
  fullName: string;
  dateOfBirth: string;
  gender: 'female' | 'male';
  ethnicity: string;
  religion: string;
  phone: string;
  address: string;
  education: string;
  joinedOn: string;
  roles: MemberRoleName[];
  honorary: boolean;
}

/** Form fields that can carry a problem. */
export type DraftField = keyof MemberDraft;

/** Problems by field, each a message a person can act on. */
export type FieldProblems = Partial<Record<DraftField, Localized>>;

const MESSAGES = {
  nameMissing: { vi: 'Nhập họ và tên.', en: 'Enter the full name.' },
  nameShort: {
    vi: 'Nhập đủ họ và tên (ít nhất hai chữ), ví dụ "Nguyễn Thị Hoà".',
    en: 'Enter the full name (at least two words), e.g. "Nguyễn Thị Hoà".',
  },
  nameChars: {
    vi: 'Họ tên chỉ gồm chữ cái và dấu cách; bỏ số và ký hiệu.',
    en: 'A name has letters and spaces only; remove digits and symbols.',
  },
  dateFormat: {
    vi: 'Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/07/1990.',
    en: 'Enter the date as day/month/year, e.g. 05/07/1990.',
  },
  tooYoung: { vi: 'Hội viên phải đủ 18 tuổi trở lên.', en: 'Members must be 18 or older.' },
  tooOld: {
    vi: 'Ngày sinh quá xa; kiểm tra lại năm sinh.',
    en: 'This birth date is too early; check the year.',
  },
  maleNotHonorary: {
    vi: 'Nam giới chỉ có thể là hội viên danh dự: đánh dấu "Hội viên danh dự" hoặc chọn giới tính nữ.',
    en: 'Men can only be honorary members: tick "Honorary member" or choose female.',
  },
  ethnicityMissing: { vi: 'Chọn hoặc nhập dân tộc.', en: 'Choose or type the ethnicity.' },
  phone: {
    vi: 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0 (ví dụ 0912 345 678), hoặc +84 rồi 9 chữ số.',
    en: 'A phone number has 10 digits starting with 0 (e.g. 0912 345 678), or +84 and 9 digits.',
  },
  joinedFuture: {
    vi: 'Ngày vào hội không thể ở tương lai.',
    en: 'The joining date cannot be in the future.',
  },
  joinedTooYoung: {
    vi: 'Hội viên phải đủ 18 tuổi vào ngày vào hội: kiểm tra lại ngày vào hội hoặc ngày sinh.',
    en: 'A member must be 18 on the day she joins: check the joining date or the birth date.',
  },
  joinedBeforeBirth: {
    vi: 'Ngày vào hội phải sau ngày sinh.',
    en: 'The joining date must be after the date of birth.',
  },
  rolesMissing: { vi: 'Chọn ít nhất một vai trò.', en: 'Choose at least one role.' },
} as const satisfies Record<string, Localized>;

const NAME = /^[\p{L}\s'.-]+$/u;

/**
 * Normalises a Vietnamese phone number to its 10 digits ('0912 345 678', '+84 912.345.678' → '0912345678');
 * `undefined` when it is not one.
 */
export function normalisePhone(text: string): string | undefined {
  const digits = text.replace(/[\s.()-]/g, '');
  const local = digits.startsWith('+84') ? `0${digits.slice(3)}` : digits;
  return /^0\d{9}$/.test(local) ? local : undefined;
}

/**
 * Checks a member draft the way the API will, so the person sees every problem at once, next to its field.
 *
 * @example validateMember(draft, '2025-11-21').dateOfBirth // { vi: 'Hội viên phải đủ 18 tuổi trở lên.', … }
 */
export function validateMember(draft: MemberDraft, today: string): FieldProblems {
  const problems: FieldProblems = {};
  const name = draft.fullName.trim().replace(/\s+/g, ' ');
  if (name === '') problems.fullName = MESSAGES.nameMissing;
  else if (!NAME.test(name)) problems.fullName = MESSAGES.nameChars;
  else if (name.split(' ').length < 2) problems.fullName = MESSAGES.nameShort;

  const born = parseTypedDate(draft.dateOfBirth);
  if (born === undefined) problems.dateOfBirth = MESSAGES.dateFormat;
  else if (ageOn(born, today) > 120) problems.dateOfBirth = MESSAGES.tooOld;
  else if (ageOn(born, today) < 18) problems.dateOfBirth = MESSAGES.tooYoung;

  if (draft.gender === 'male' && !draft.honorary) problems.gender = MESSAGES.maleNotHonorary;
  if (draft.ethnicity.trim() === '') problems.ethnicity = MESSAGES.ethnicityMissing;
  if (draft.phone.trim() !== '' && normalisePhone(draft.phone) === undefined) problems.phone = MESSAGES.phone;

  const joined = parseTypedDate(draft.joinedOn);
  if (joined === undefined) problems.joinedOn = MESSAGES.dateFormat;
  else if (joined > today) problems.joinedOn = MESSAGES.joinedFuture;
  else if (born !== undefined && joined <= born) problems.joinedOn = MESSAGES.joinedBeforeBirth;
  else if (born !== undefined && problems.dateOfBirth === undefined && ageOn(born, joined) < 18)
    problems.joinedOn = MESSAGES.joinedTooYoung;

  if (draft.roles.length === 0) problems.roles = MESSAGES.rolesMissing;
  return problems;
}

const blank = (text: string) => (text.trim() === '' ? null : text.trim());

/** The API body of a valid draft (dates as ISO, phone normalised, empty texts as null). */
export function draftBody(draft: MemberDraft): MemberCreateIn {
  return {
    fullName: draft.fullName.trim().replace(/\s+/g, ' '),
    dateOfBirth: parseTypedDate(draft.dateOfBirth) ?? draft.dateOfBirth,
    gender: draft.gender,
    ethnicity: draft.ethnicity.trim(),
    religion: blank(draft.religion),
    phone: draft.phone.trim() === '' ? null : (normalisePhone(draft.phone) ?? draft.phone.trim()),
    address: blank(draft.address),
    education: blank(draft.education),
    joinedOn: parseTypedDate(draft.joinedOn) ?? draft.joinedOn,
    roles: draft.roles,
    honorary: draft.honorary,
  };
}

function isFieldProblem(value: unknown): value is FieldProblemOut {
  const v = value as Partial<FieldProblemOut> | null;
  return typeof v === 'object' && v !== null && typeof v.field === 'string' && typeof v.vi === 'string';
}

/** The field problems the API sent with a refused save (`details`), by field. */
export function serverProblems(error: ApiError): FieldProblems {
  const problems: FieldProblems = {};
  if (!Array.isArray(error.details)) return problems;
  for (const detail of error.details as unknown[]) {
    if (isFieldProblem(detail)) problems[detail.field as DraftField] = { vi: detail.vi, en: detail.en };
  }
  return problems;
}
