import { parseUnitKey, UnitsError, type Unit } from '@vwu/contracts';
import type { FastifyInstance, FastifyRequest, FastifySchema, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { apiError } from '../errors.js';
import { ruleProblem, type AccessRule, type Principal, type UnitSource } from './rules.js';
import { isInScope } from './scope.js';

/** What the access check established for a request that passed it. */
export interface RequestAccess {
  principal: Principal;
  /** The caller's scope unit. */
  scope: Unit;
  /** The route's target unit (checked to lie in the scope), or `null` for routes without one. */
  unit: Unit | null;
}

/** One row of the route table: every route with the rule it declared. */
export interface RouteEntry {
  method: string;
  url: string;
  access: AccessRule;
  schema: FastifySchema | undefined;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route needs; required on every route (see `access/rules.ts`). */
    access?: AccessRule;
  }
  interface FastifyRequest {
    /** Set by the access check on non-public routes; `null` on public ones. */
    access: RequestAccess | null;
  }
  interface FastifyInstance {
    /** Every registered route with its access rule, in registration order. */
    routeTable(): readonly RouteEntry[];
    /**
     * The rule for routes registered without one inside this plugin context. Only a context that wraps a
     * third-party plugin (the docs) declares it; everywhere else a route without a rule stops the start.
     */
    accessDefault?: AccessRule;
  }
}

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/**
 * The principal and scope of a request that passed the access check.
 *
 * @throws ApiError UNAUTHENTICATED on a public route (a programming error: such a route has no caller).
 * @example const { principal } = requireAccess(request);
 */
export function requireAccess(request: FastifyRequest): RequestAccess {
  if (request.access === null) throw apiError('UNAUTHENTICATED');
  return request.access;
}

/**
 * The principal, scope and target unit of a request that passed a rule with a unit.
 *
 * @throws ApiError UNAUTHENTICATED on a route whose rule names no unit (a programming error).
 * @example const { unit } = requireUnit(request); // already checked to lie in the caller's scope
 */
export function requireUnit(request: FastifyRequest): RequestAccess & { unit: Unit } {
  const access = requireAccess(request);
  if (access.unit === null) throw apiError('UNAUTHENTICATED');
  return { ...access, unit: access.unit };
}

function readField(request: FastifyRequest, source: UnitSource): unknown {
  const part: unknown = request[source.from];
  if (typeof part !== 'object' || part === null) return undefined;
  return (part as Record<string, unknown>)[source.field];
}

function targetUnit(app: FastifyInstance, request: FastifyRequest, source: UnitSource, scope: Unit): Unit {
  const value = readField(request, source);
  if (value === undefined && source.whenAbsent === 'scope') return scope;
  if (typeof value !== 'string') {
    throw apiError('VALIDATION_FAILED', {}, [
      { in: source.from, field: source.field, problem: 'required unit key' },
    ]);
  }
  let unit: Unit | undefined;
  try {
    unit = app.hierarchy.find(parseUnitKey(value));
  } catch (error) {
    if (error instanceof UnitsError) throw apiError('UNIT_KEY_INVALID');
    throw error;
  }
  if (unit === undefined) throw apiError('UNIT_NOT_FOUND');
  if (!isInScope(app.hierarchy, unit.key, scope.key)) throw apiError('OUT_OF_SCOPE');
  return unit;
}

function methods(route: RouteOptions): string[] {
  return Array.isArray(route.method) ? route.method : [route.method];
}

/**
 * The one access check. At registration, every route must declare `config.access` (else the app does not
 * start, naming the route) and is listed in the route table. On each request: public routes pass; others
 * need a valid access token (401), one of the rule's roles (403 FORBIDDEN_ROLE), and, for a rule with a
 * unit, a known unit (400/404) inside the caller's scope (403 OUT_OF_SCOPE). Handlers never check scope.
 */
export const accessPlugin = fp(
  async (app: FastifyInstance) => {
    const table: RouteEntry[] = [];
    app.decorate('routeTable', () => table);
    app.decorateRequest('access', null);

    app.addHook('onRoute', function (this: FastifyInstance, route) {
      const rule =
        route.config?.access ?? (this.hasDecorator('accessDefault') ? this.accessDefault : undefined);
      const name = `${methods(route).join(',')} ${route.url}`;
      if (rule === undefined) {
        throw new Error(
          `Route ${name} declares no access rule: add config: { access: … } (see api/src/access/rules.ts).`,
        );
      }
      const problem = ruleProblem(rule, route.url);
      if (problem !== undefined) throw new Error(`Route ${name} has an unusable access rule: ${problem}.`);
      route.config = { ...route.config, access: rule };
      for (const method of methods(route))
        table.push({ method, url: route.url, access: rule, schema: route.schema });
    });

    // Who and which role, before the body is even read.
    app.addHook('onRequest', async (request) => {
      const rule = request.routeOptions.config.access;
      if (rule === undefined) {
        if (request.is404) return;
        throw apiError('NOT_FOUND');
      }
      if ('public' in rule) return;
      const match = BEARER.exec(request.headers.authorization ?? '');
      if (match?.[1] === undefined) throw apiError('UNAUTHENTICATED');
      const principal = app.accessTokens.verify(match[1]);
      if (!rule.roles.includes(principal.role)) throw apiError('FORBIDDEN_ROLE', { role: principal.role });
      const scope = app.hierarchy.find(principal.scope);
      if (scope === undefined) throw apiError('UNAUTHENTICATED');
      request.access = { principal, scope, unit: null };
    });

    // Which unit, once params, query and body are validated.
    app.addHook('preHandler', async (request) => {
      const rule = request.routeOptions.config.access;
      if (rule === undefined || 'public' in rule || rule.unit === 'none') return;
      const access = requireAccess(request);
      access.unit = targetUnit(app, request, rule.unit, access.scope);
    });
  },
  { name: 'vwu-access', fastify: '5.x', dependencies: ['vwu-context', 'vwu-access-tokens'] },
);
