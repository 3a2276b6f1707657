/**
 * What can be wrong with a member's details, in words an officer can act on (Vietnamese first, English
 * second). Used by the member form (MEMBER_INVALID details) and by the import's per-row error report.
 */

/** A problem code with its two messages. */
interface ProblemText {
  en: string;
  vi: string;
}

/** Every field problem, by stable code. */
export const FIELD_PROBLEMS = {
  required: { en: 'This field is required.', vi: 'Trường này không được để trống.' },
  name_too_long: { en: 'The name is longer than 120 characters.', vi: 'Họ tên dài quá 120 ký tự.' },
  name_not_letters: {
    en: 'A name holds letters and spaces only (no digits or symbols).',
    vi: 'Họ tên chỉ gồm chữ cái và dấu cách (không có chữ số hay ký hiệu).',
  },
  date_format: {
    en: 'Write the date as dd/mm/yyyy (e.g. 14/03/1985) or yyyy-mm-dd.',
    vi: 'Ghi ngày theo dạng dd/mm/yyyy (ví dụ 14/03/1985) hoặc yyyy-mm-dd.',
  },
  date_not_calendar: {
    en: 'This day does not exist in the calendar (check day and month).',
    vi: 'Ngày này không có trên lịch (kiểm tra ngày và tháng).',
  },
  birth_in_future: { en: 'The date of birth is in the future.', vi: 'Ngày sinh nằm ở tương lai.' },
  too_young: {
    en: 'A member must be at least 18 years old on the day she joins.',
    vi: 'Hội viên phải đủ 18 tuổi vào ngày vào Hội.',
  },
  too_old: { en: 'The date of birth is more than 120 years ago.', vi: 'Ngày sinh cách đây hơn 120 năm.' },
  join_in_future: { en: 'The join date is in the future.', vi: 'Ngày vào Hội nằm ở tương lai.' },
  join_before_1930: {
    en: 'The join date is before the Union was founded (20/10/1930).',
    vi: 'Ngày vào Hội trước ngày thành lập Hội (20/10/1930).',
  },
  left_before_join: {
    en: 'The leaving date is before the join date.',
    vi: 'Ngày ra khỏi Hội trước ngày vào Hội.',
  },
  phone_invalid: {
    en: 'A phone number has 10 digits and starts with 0 (e.g. 0912 345 678); +84 is accepted.',
    vi: 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0 (ví dụ 0912 345 678); chấp nhận dạng +84.',
  },
  gender_invalid: { en: 'Gender is "Nữ" (female) or "Nam" (male).', vi: 'Giới tính là "Nữ" hoặc "Nam".' },
  role_invalid: {
    en: 'Roles are: hội viên (member), chi hội trưởng (branch head), cán bộ (cadre).',
    vi: 'Vai trò là: hội viên, chi hội trưởng, cán bộ.',
  },
  yes_no_invalid: { en: 'Write "có" (yes) or "không" (no).', vi: 'Ghi "có" hoặc "không".' },
  text_too_long: { en: 'This text is too long.', vi: 'Nội dung quá dài.' },
  branch_unknown: {
    en: 'No branch or commune of your unit has this code or name.',
    vi: 'Không có chi hội hoặc xã/phường nào của đơn vị mang mã hoặc tên này.',
  },
  duplicate_in_file: {
    en: 'The same member appears earlier in this file.',
    vi: 'Hội viên này đã có ở một dòng trước trong tệp.',
  },
} as const satisfies Record<string, ProblemText>;

/** A stable problem code of {@link FIELD_PROBLEMS}. */
export type ProblemCode = keyof typeof FIELD_PROBLEMS;

/** One problem with one field, as the API sends it. */
export interface FieldProblem {
  field: string;
  problem: ProblemCode;
  en: string;
  vi: string;
}

/**
 * The problem `code` on `field`, with its messages.
 *
 * @example problem('phone', 'phone_invalid').vi // 'Số điện thoại gồm 10 chữ số, …'
 */
export function problem(field: string, code: ProblemCode): FieldProblem {
  return { field, problem: code, ...FIELD_PROBLEMS[code] };
}
