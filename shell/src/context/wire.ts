import { LEVEL_LABELS, ROLE_LABELS } from './labels.js';
import type { Role, UnitLevel, User } from './types.js';

/** One org unit as the API returns it (`GET /units/:key`, `/units/search`). */
export interface UnitOut {
  key: string;
  structure: 'pre2025' | '2025';
  code: string;
  name: string;
  /** Vietnamese administrative type: 'Tỉnh', 'Xã', 'Phường', 'Chi hội'… */
  type: string;
  level: UnitLevel;
  parentKey: string | null;
  depth: number;
  validFrom: string | null;
  validTo: string | null;
  demo: boolean;
}

/** A unit named in breadcrumbs, with whether it lies in the caller's scope. */
export interface UnitRefOut {
  key: string;
  name: string;
  level: UnitLevel;
  inScope: boolean;
}

/** `GET /units/:unitKey`. */
export interface UnitDetail {
  unit: UnitOut;
  /** Root first. */
  ancestors: UnitRefOut[];
  children: UnitOut[];
}

/** `GET /units/search`. */
export interface UnitSearch {
  query: string;
  results: UnitOut[];
}

/** Answer of `POST /auth/login` and `/auth/refresh` (the refresh token also comes as an httpOnly cookie). */
export interface SessionOut {
  tokenType: 'Bearer';
  accessToken: string;
  accessTokenExpiresAt: string;
  user: User;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Reads the user of a session answer; `undefined` when the answer does not have the expected shape. */
export function parseUser(value: unknown): User | undefined {
  if (!isObject(value) || !isObject(value.scope)) return undefined;
  const { id, username, displayName, role, scope } = value;
  if (typeof id !== 'number' || typeof username !== 'string' || typeof displayName !== 'string')
    return undefined;
  if (typeof role !== 'string' || !Object.hasOwn(ROLE_LABELS, role)) return undefined;
  if (typeof scope.key !== 'string' || typeof scope.name !== 'string') return undefined;
  if (typeof scope.level !== 'string' || !Object.hasOwn(LEVEL_LABELS, scope.level)) return undefined;
  return {
    id,
    username,
    displayName,
    role: role as Role,
    scope: { key: scope.key, name: scope.name, level: scope.level as UnitLevel },
  };
}

/** Reads a session answer; `undefined` when it does not have the expected shape. */
export function parseSession(value: unknown): SessionOut | undefined {
  if (!isObject(value) || typeof value.accessToken !== 'string') return undefined;
  const user = parseUser(value.user);
  if (user === undefined) return undefined;
  return {
    tokenType: 'Bearer',
    accessToken: value.accessToken,
    accessTokenExpiresAt: typeof value.accessTokenExpiresAt === 'string' ? value.accessTokenExpiresAt : '',
    user,
  };
}
