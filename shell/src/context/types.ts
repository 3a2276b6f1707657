/** Interface language: Vietnamese first, English second. */
export type Language = 'vi' | 'en';

/** The languages, default first. */
export const LANGUAGES: readonly Language[] = ['vi', 'en'];

/** A text in both interface languages. */
export interface Localized {
  vi: string;
  en: string;
}

/** Roles of the console (as the API names them). */
export type Role =
  | 'central_analyst'
  | 'province_leader'
  | 'commune_officer'
  | 'contest_organiser'
  | 'judge'
  | 'module_deployer'
  | 'administrator';

/** Level of an org unit. `district` exists in the pre-2025 structure only. */
export type UnitLevel = 'central' | 'province' | 'district' | 'commune' | 'branch';

/** An org unit named in passing: key (`2025:80`), name, level. */
export interface UnitRef {
  key: string;
  name: string;
  level: UnitLevel;
}

/** The signed-in user. `scope` is the unit whose subtree the user may see. */
export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  scope: UnitRef;
}

/** Why nobody is signed in. */
export type SignedOutReason = 'none' | 'logout' | 'expired' | 'unreachable';

/** Session state: restoring on page load, signed out (with why), or signed in. */
export type SessionState =
  | { status: 'restoring' }
  | { status: 'signed-out'; reason: SignedOutReason }
  | { status: 'signed-in'; user: User };

/** The unit the console is looking at, with its ancestors (root first, without itself). */
export interface SelectedUnit extends UnitRef {
  breadcrumb: readonly UnitRef[];
}

/** Granularity of a reporting period. */
export type PeriodGrain = 'month' | 'quarter' | 'half' | 'year';

/** A reporting period: whole months from `from` to `to` (ISO dates, both inclusive). */
export interface Period {
  grain: PeriodGrain;
  from: string;
  to: string;
}

/** State of anything that loads. */
export type LoadState = 'idle' | 'loading' | 'done' | 'error';
