import {
  describeRule,
  parseUnitKey,
  REFORM_DATE,
  structureOf,
  type ResolveRule,
  type Unit,
  type UnitKey,
} from '@vwu/contracts';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { requireAccess, requireUnit } from '../access/plugin.js';
import { ALL_ROLES, type AccessRule } from '../access/rules.js';
import { isInScope } from '../access/scope.js';
import { apiError } from '../errors.js';
import { withErrors } from '../http/schemas.js';
import { childrenIn, findUnit, lineageLinks, searchUnits, type LineageLink } from './queries.js';
import {
  ChildrenOut,
  ChildrenQuery,
  LineageOut,
  ResolveOut,
  ResolveQuery,
  SearchOut,
  SearchQuery,
  UnitDetail,
  UnitParams,
} from './schemas.js';

/** Any signed-in role may read units inside its scope; the unit is the `:unitKey` path parameter. */
const UNIT_IN_SCOPE: AccessRule = { roles: ALL_ROLES, unit: { from: 'params', field: 'unitKey' } };
/** Search is limited to `within` (itself checked against the scope) or, without it, to the scope. */
const SEARCH_IN_SCOPE: AccessRule = {
  roles: ALL_ROLES,
  unit: { from: 'query', field: 'within', whenAbsent: 'scope' },
};

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** Today's calendar date in Vietnam (UTC+7) by the app's clock. */
function today(clock: () => number): string {
  return new Date(clock() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

function ruleText(rule: ResolveRule) {
  return { code: rule, vi: describeRule(rule, 'vi'), en: describeRule(rule, 'en') };
}

/**
 * Org units: one unit with breadcrumbs and children, children at a date, search, lineage and resolution.
 * Every route names its unit in the URL or query, and the access check has put it inside the caller's scope
 * before the handler runs; lists are filtered to the scope in SQL.
 */
export const unitsPlugin = fp(
  async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['units'];
    const ref = (key: string, scope: Unit) => {
      const unit = app.hierarchy.get(parseUnitKey(key));
      return {
        key: unit.key,
        name: unit.name,
        level: unit.level,
        inScope: isInScope(app.hierarchy, unit.key, scope.key),
      };
    };
    const link = (l: LineageLink, side: 'old' | 'new', scope: Unit) => ({
      unit: ref(side === 'old' ? l.oldKey : l.newKey, scope),
      type: l.type,
      weight: l.weight,
    });
    const resolution = (key: UnitKey, at: string, scope: Unit) => {
      const targets = app.hierarchy.resolve(key, at);
      return {
        at,
        targets: targets.map((t) => ({ unit: ref(t.unit, scope), weight: t.weight })),
        rule: ruleText(targets[0]?.rule ?? 'identity'),
      };
    };

    app.get(
      '/units/search',
      {
        config: { access: SEARCH_IN_SCOPE },
        schema: {
          tags,
          summary: 'Find units by name (accents optional) within your scope',
          querystring: SearchQuery,
          response: withErrors({ 200: SearchOut }),
        },
      },
      async (request) => {
        const { scope, unit } = requireAccess(request);
        const inside = unit === null || unit.key === scope.key ? [scope] : [scope, unit];
        const { q, structure, level, limit } = request.query;
        return searchUnits(app.store, { query: q, structure, level, limit: limit ?? 20, inside });
      },
    );

    app.get(
      '/units/:unitKey',
      {
        config: { access: UNIT_IN_SCOPE },
        schema: {
          tags,
          summary: 'A unit with its breadcrumbs and children',
          params: UnitParams,
          response: withErrors({ 200: UnitDetail }),
        },
      },
      async (request) => {
        const { scope, unit } = requireUnit(request);
        const key = unit.key;
        const stored = await findUnit(app.store, key);
        if (stored === undefined) throw apiError('UNIT_NOT_FOUND');
        return {
          unit: stored,
          ancestors: app.hierarchy.ancestors(key).map((a) => ref(a.key, scope)),
          children: await childrenIn(app.store, key, scope),
        };
      },
    );

    app.get(
      '/units/:unitKey/children',
      {
        config: { access: UNIT_IN_SCOPE },
        schema: {
          tags,
          summary: 'Children of a unit, optionally those in force on a date',
          params: UnitParams,
          querystring: ChildrenQuery,
          response: withErrors({ 200: ChildrenOut }),
        },
      },
      async (request) => {
        const { scope, unit } = requireUnit(request);
        const key = unit.key;
        const at = request.query.at;
        if (at !== undefined) app.hierarchy.childrenAt(key, at);
        return { unitKey: key, at: at ?? null, children: await childrenIn(app.store, key, scope, at) };
      },
    );

    app.get(
      '/units/:unitKey/lineage',
      {
        config: { access: UNIT_IN_SCOPE },
        schema: {
          tags,
          summary: 'Old units a unit was made from, or new units it went into',
          params: UnitParams,
          response: withErrors({ 200: LineageOut }),
        },
      },
      async (request) => {
        const { scope, unit } = requireUnit(request);
        const key = unit.key;
        const old = structureOf(key) === 'pre2025';
        return {
          unit: ref(key, scope),
          predecessors: old
            ? []
            : (await lineageLinks(app.store, key, 'new')).map((l) => link(l, 'old', scope)),
          successors: old
            ? (await lineageLinks(app.store, key, 'old')).map((l) => link(l, 'new', scope))
            : [],
          resolution: old ? resolution(key, REFORM_DATE, scope) : null,
        };
      },
    );

    app.get(
      '/units/:unitKey/resolve',
      {
        config: { access: UNIT_IN_SCOPE },
        schema: {
          tags,
          summary: 'Units in force on a date that carry the figures of this unit',
          params: UnitParams,
          querystring: ResolveQuery,
          response: withErrors({ 200: ResolveOut }),
        },
      },
      async (request) => {
        const { scope, unit } = requireUnit(request);
        const key = unit.key;
        const at = request.query.at ?? today(app.clock);
        return { unitKey: key, ...resolution(key, at, scope) };
      },
    );
  },
  { name: 'vwu-units', fastify: '5.x', dependencies: ['vwu-access', 'vwu-store'] },
);
