import type { UnitKey } from '@vwu/contracts';

/** The roles of the console, each held together with one scope unit (the user sees its subtree). */
export const ROLES = [
  'central_analyst',
  'province_leader',
  'commune_officer',
  'contest_organiser',
  'judge',
  'module_deployer',
  'administrator',
] as const;

/** One role of {@link ROLES}. */
export type Role = (typeof ROLES)[number];

/** Every role, for routes any signed-in user may call (their unit is still checked against the scope). */
export const ALL_ROLES: readonly Role[] = ROLES;

/** Where a route's target unit key is read, after validation. */
export interface UnitSource {
  from: 'params' | 'query' | 'body';
  field: string;
  /** When the field is absent: `'scope'` targets the caller's own scope unit; otherwise the request is refused. */
  whenAbsent?: 'scope';
}

/**
 * What a route needs, declared on every route as `config: { access }`. Deny by default: a route without a
 * rule is refused at registration, and the one check (plugin `vwu-access`) applies the rule before any
 * handler runs.
 *
 * - `{ public: true }`: anyone, signed in or not (login, health, docs).
 * - `{ roles, unit: 'none' }`: signed in with one of `roles`; no unit involved.
 * - `{ roles, unit: { from, field } }`: signed in with one of `roles`, and the unit named by `field` lies in
 *   the caller's scope (pre-2025 keys through the lineage).
 *
 * @example const rule: AccessRule = { roles: ALL_ROLES, unit: { from: 'params', field: 'unitKey' } };
 */
export type AccessRule =
  { public: true } | { roles: readonly Role[]; unit: 'none' } | { roles: readonly Role[]; unit: UnitSource };

/** A signed-in caller, as carried by a verified access token. */
export interface Principal {
  userId: number;
  role: Role;
  scope: UnitKey;
}

/** Type guard for role strings from tokens and the database. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * Why a rule is not usable for a route, or `undefined` when it is: unknown or no roles, a unit field the
 * route's URL does not have.
 */
export function ruleProblem(rule: AccessRule, url: string): string | undefined {
  if ('public' in rule) return rule.public === true ? undefined : 'public must be true';
  if (!Array.isArray(rule.roles) || rule.roles.length === 0) return 'roles must list at least one role';
  const unknown = rule.roles.find((role) => !isRole(role));
  if (unknown !== undefined) return `unknown role "${String(unknown)}"`;
  if (rule.unit === 'none') return undefined;
  if (!['params', 'query', 'body'].includes(rule.unit.from))
    return `unit.from "${rule.unit.from}" is not params, query or body`;
  if (rule.unit.from === 'params' && !url.split('/').includes(`:${rule.unit.field}`)) {
    return `unit field "${rule.unit.field}" is not a parameter of the URL`;
  }
  return undefined;
}
