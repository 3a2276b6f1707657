/**
 * Duplicate detection and merge routes: list likely duplicates, preview a merge, merge (audited).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requireUnit } from '../access/plugin.js';
import { withErrors } from '../http/schemas.js';
import { READ_IN_UNIT, WRITE_IN_UNIT } from './access.js';
import { applyMerge, findDuplicates, planMerge } from './duplicates.js';
import { summaryOf } from './member-rows.js';
import { UnitOnlyParams } from './schemas.js';
import { DuplicateListOut, DuplicateQuery, MergeBody, MergeOut } from './workflow-schemas.js';
import { writeContext } from './write-context.js';

/** Registers the duplicate and merge routes. */
export function duplicateRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['members'];

  app.get(
    '/units/:unitKey/members/duplicates',
    {
      config: { access: READ_IN_UNIT },
      schema: {
        tags,
        summary: 'Likely duplicates: same name (accents ignored) and birth date, or same phone',
        params: UnitOnlyParams,
        querystring: DuplicateQuery,
        response: withErrors({ 200: DuplicateListOut }),
      },
    },
    async (request) => {
      const { unit } = requireUnit(request);
      const groups = await findDuplicates(app.store, unit, request.query.limit ?? 50);
      return {
        groups: groups.map((g) => ({
          reason: g.reason,
          members: g.rows.map((r) => summaryOf(r, app.hierarchy)),
        })),
      };
    },
  );

  app.post(
    '/units/:unitKey/members/merge-preview',
    {
      config: { access: WRITE_IN_UNIT },
      schema: {
        tags,
        summary: 'What merging two records would keep and move (nothing is written)',
        params: UnitOnlyParams,
        body: MergeBody,
        response: withErrors({ 200: MergeOut }),
      },
    },
    async (request) => {
      const { unit } = requireUnit(request);
      const plan = await planMerge(app.store, unit, request.body, false);
      return { result: summaryOf(plan.result, app.hierarchy), moved: plan.moved, applied: false };
    },
  );

  app.post(
    '/units/:unitKey/members/merge',
    {
      config: { access: WRITE_IN_UNIT },
      schema: {
        tags,
        summary: 'Merge a duplicate record into the kept one (history, trainings and cards move; audited)',
        params: UnitOnlyParams,
        body: MergeBody,
        response: withErrors({ 200: MergeOut }),
      },
    },
    async (request) => {
      const { unit } = requireUnit(request);
      const ctx = writeContext(app, request);
      return app.store.transaction(async (tx) => {
        const plan = await planMerge(tx, unit, request.body, true);
        const kept = await applyMerge(tx, ctx, plan);
        return { result: summaryOf(kept, app.hierarchy), moved: plan.moved, applied: true };
      });
    },
  );
}
