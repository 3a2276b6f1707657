import { foldVietnamese } from '@vwu/contracts';

/** Shortest and longest passwords accepted, in characters (code points after NFC). */
export const PASSWORD_LENGTH = { min: 12, max: 128 } as const;

/** Why a new password is refused. */
export type PasswordProblem = 'too_short' | 'too_long' | 'contains_username' | 'common' | 'same_as_current';

/** Frequent passwords (folded, without digits and symbols) that length alone does not exclude. */
const COMMON = new Set([
  'password',
  'matkhau',
  'qwertyuiop',
  'qwertyuiopas',
  'abcdefghijkl',
  'administrator',
  'iloveyou',
  'letmein',
  'welcome',
  'vietnam',
  'hoilienhiepphunu',
  'phunuvietnam',
  'hlhpn',
]);

function skeleton(password: string): string {
  return foldVietnamese(password).replace(/[^a-z]/g, '');
}

/**
 * Checks a new password: 12 to 128 characters, not containing the username, not a common password with
 * digits or symbols around it, not the current password. Returns every problem found (empty = accepted).
 *
 * @example passwordProblems('matkhau2025!!', { username: 'leader.tayninh' }) // ['common']
 */
export function passwordProblems(
  password: string,
  context: { username: string; current?: string },
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password.normalize('NFC')].length;
  if (length < PASSWORD_LENGTH.min) problems.push('too_short');
  if (length > PASSWORD_LENGTH.max) problems.push('too_long');
  const folded = foldVietnamese(password);
  const names = context.username
    .toLowerCase()
    .split(/[._-]+/)
    .filter((part) => part.length >= 4);
  if (folded.includes(context.username.toLowerCase()) || names.some((part) => folded.includes(part))) {
    problems.push('contains_username');
  }
  const bare = skeleton(password);
  if (COMMON.has(bare) || bare.length === 0 || /^(.)\1*$/.test(bare)) problems.push('common');
  if (context.current !== undefined && context.current.normalize('NFC') === password.normalize('NFC')) {
    problems.push('same_as_current');
  }
  return problems;
}
