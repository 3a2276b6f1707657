import { REFORM_DATE, structureOf, type Hierarchy, type Unit } from '@vwu/contracts';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Type } from 'typebox';
import { requireAccess, requireUnit } from '../access/plugin.js';
import { ALL_ROLES, type AccessRule } from '../access/rules.js';
import { recordAudit } from '../audit/audit.js';
import { apiError } from '../errors.js';
import { withErrors } from '../http/schemas.js';
import {
  deleteTarget,
  findDefinition,
  findTarget,
  listDefinitions,
  targetRows,
  updateDefinition,
  upsertTarget,
  type KpiDefinition,
} from './queries.js';
import { NATIONAL_UNIT, checkTargetChange, effectiveTargets, isPercent } from './rules.js';
import {
  DefinitionParams,
  DefinitionPatch,
  KpiDefinitionOut,
  TargetPut,
  TargetPutOut,
  TargetsOut,
  TargetsQuery,
} from './schemas.js';

/** Anyone signed in reads definitions (they hold no unit data). */
const SIGNED_IN: AccessRule = { roles: ALL_ROLES, unit: 'none' };
/** Only central analysts change definitions. */
const CENTRAL_ANALYSTS: AccessRule = { roles: ['central_analyst'], unit: 'none' };
/** Targets of a unit in the caller's scope (default: the scope itself). */
const TARGETS_IN_SCOPE: AccessRule = {
  roles: ALL_ROLES,
  unit: { from: 'query', field: 'unit', whenAbsent: 'scope' },
};
/** Central analysts set any value; province leaders their own province's (the unit must lie in their scope). */
const TARGET_EDITORS: AccessRule = {
  roles: ['central_analyst', 'province_leader'],
  unit: { from: 'body', field: 'unitKey' },
};

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

function withKind(d: KpiDefinition) {
  return { ...d, valueKind: isPercent(d.measure) ? ('percent' as const) : ('count' as const) };
}

/** The 2025 province whose plan applies to a unit (old units through the lineage), or `null` for central. */
export function planProvince(hierarchy: Hierarchy, unit: Unit): string | null {
  let current: Unit | undefined = unit;
  if (structureOf(unit.key) === 'pre2025') {
    const first = hierarchy.resolve(unit.key, REFORM_DATE)[0];
    current = first === undefined ? undefined : hierarchy.find(first.unit);
  }
  if (current === undefined) return null;
  const chain = [current, ...hierarchy.ancestors(current.key)];
  return chain.find((u) => u.level === 'province')?.key ?? null;
}

/**
 * KPI definitions and targets as data: `GET /kpi/definitions`, `PATCH /kpi/definitions/:kpiId` (central
 * analysts), `GET /kpi/targets` (values in force for a unit and year, and the stored rows behind them) and
 * `PUT /kpi/targets` (set or remove one value; rules in rules.ts). Every change is audited with before and
 * after in the same transaction.
 */
export const kpiPlugin = fp(
  async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['kpi'];

    app.get(
      '/kpi/definitions',
      {
        config: { access: SIGNED_IN },
        schema: {
          tags,
          summary: 'Every KPI definition (numerator, denominator, levels, period)',
          response: withErrors({ 200: Type.Object({ definitions: Type.Array(KpiDefinitionOut) }) }),
        },
      },
      async () => ({ definitions: (await listDefinitions(app.store)).map(withKind) }),
    );

    app.patch(
      '/kpi/definitions/:kpiId',
      {
        config: { access: CENTRAL_ANALYSTS },
        schema: {
          tags,
          summary: 'Change a definition: titles, whether provinces may set their own values',
          params: DefinitionParams,
          body: DefinitionPatch,
          response: withErrors({ 200: KpiDefinitionOut }),
        },
      },
      async (request) => {
        const { principal } = requireAccess(request);
        const { kpiId } = request.params;
        return app.store.transaction(async (tx) => {
          const before = await findDefinition(tx, kpiId, true);
          if (before === undefined) throw apiError('KPI_NOT_FOUND', { kpiId });
          const after = await updateDefinition(tx, kpiId, request.body);
          if (after === undefined) throw apiError('KPI_NOT_FOUND', { kpiId });
          await recordAudit(tx, {
            at: new Date(app.clock()),
            actorUserId: principal.userId,
            action: 'kpi.definition_update',
            entity: 'kpi_definition',
            entityId: kpiId,
            before: { ...before },
            after: { ...after },
            requestId: request.id,
          });
          return withKind(after);
        });
      },
    );

    app.get(
      '/kpi/targets',
      {
        config: { access: TARGETS_IN_SCOPE },
        schema: {
          tags,
          summary: "Target values in force for a unit (its province's plan over the national one)",
          querystring: TargetsQuery,
          response: withErrors({ 200: TargetsOut }),
        },
      },
      async (request) => {
        const { unit } = requireUnit(request);
        const year = request.query.year ?? new Date(app.clock() + VIETNAM_OFFSET_MS).getUTCFullYear();
        const province = planProvince(app.hierarchy, unit);
        const rows = await targetRows(
          app.store,
          province === null ? [NATIONAL_UNIT] : [NATIONAL_UNIT, province],
        );
        return {
          unit: { key: unit.key, level: unit.level },
          province,
          year,
          effective: effectiveTargets(rows, province, year),
          rows,
        };
      },
    );

    app.put(
      '/kpi/targets',
      {
        config: { access: TARGET_EDITORS },
        schema: {
          tags,
          summary: 'Set (or, with value null, remove) one target value of the country or a province',
          body: TargetPut,
          response: withErrors({ 200: TargetPutOut }),
        },
      },
      async (request) => {
        const { principal, unit } = requireUnit(request);
        const change = { ...request.body, unitKey: unit.key };
        return app.store.transaction(async (tx) => {
          const definition = await findDefinition(tx, change.kpiId, true);
          if (definition === undefined) throw apiError('KPI_NOT_FOUND', { kpiId: change.kpiId });
          const year = change.year ?? new Date(app.clock() + VIETNAM_OFFSET_MS).getUTCFullYear();
          const national = effectiveTargets(await targetRows(tx, [NATIONAL_UNIT]), null, year).find(
            (t) => t.kpiId === change.kpiId && t.level === change.level,
          );
          checkTargetChange(definition, change, unit.level, principal.role, national?.value);
          const key = {
            kpiId: change.kpiId,
            unitKey: change.unitKey,
            level: change.level,
            year: change.year,
          };
          const before = (await findTarget(tx, key)) ?? null;
          const now = new Date(app.clock());
          if (change.value === null) await deleteTarget(tx, key);
          else await upsertTarget(tx, { ...key, value: change.value }, principal.userId, now);
          const after = change.value === null ? null : { ...key, value: change.value };
          await recordAudit(tx, {
            at: now,
            actorUserId: principal.userId,
            action: change.value === null ? 'kpi.target_remove' : 'kpi.target_set',
            entity: 'kpi_target',
            entityId: `${key.kpiId}/${key.unitKey}/${key.level}/${key.year ?? '*'}`,
            before: before === null ? null : { ...before },
            after,
            requestId: request.id,
          });
          return { before, after };
        });
      },
    );
  },
  { name: 'vwu-kpi', fastify: '5.x', dependencies: ['vwu-access', 'vwu-store'] },
);
