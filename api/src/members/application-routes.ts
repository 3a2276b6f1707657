/**
 * Membership application routes: record, list, approve into a branch, reject with a reason.
 */
import { parseUnitKey } from '@vwu/contracts';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requireUnit } from '../access/plugin.js';
import { apiError } from '../errors.js';
import { withErrors } from '../http/schemas.js';
import { READ_IN_UNIT, WRITE_IN_UNIT } from './access.js';
import {
  approveApplication,
  createApplication,
  listApplications,
  rejectApplication,
} from './application-store.js';
import { problem } from './field-problems.js';
import { checkMemberFields } from './member-fields.js';
import { placeOf, placeWithin } from './member-scope.js';
import { ApplicationParams, UnitOnlyParams } from './schemas.js';
import {
  ApplicationApprove,
  ApplicationCreate,
  ApplicationListOut,
  ApplicationListQuery,
  ApplicationOut,
  RejectBody,
} from './workflow-schemas.js';
import { writeContext } from './write-context.js';

/** Registers the application routes. */
export function applicationRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['members'];

  app.post(
    '/units/:unitKey/applications',
    {
      config: { access: WRITE_IN_UNIT },
      schema: {
        tags,
        summary: 'Record a membership application to this commune or branch',
        params: UnitOnlyParams,
        body: ApplicationCreate,
        response: withErrors({ 201: ApplicationOut }),
      },
    },
    async (request, reply) => {
      const { unit } = requireUnit(request);
      const place = placeOf(app.hierarchy, unit.key);
      const ctx = writeContext(app, request);
      const { source, note, ...details } = request.body;
      const checked = checkMemberFields(details, ctx.today);
      const missing = (['fullName', 'dateOfBirth'] as const).filter((f) => details[f].trim() === '');
      const problems = [
        ...missing.map((f) => problem(f, 'required')),
        ...(checked.ok ? [] : checked.problems),
      ];
      if (!checked.ok || problems.length > 0) throw apiError('MEMBER_INVALID', {}, problems);
      const created = await app.store.transaction((tx) =>
        createApplication(tx, ctx, place, { fields: checked.fields, source, note: note ?? null }),
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/units/:unitKey/applications',
    {
      config: { access: READ_IN_UNIT },
      schema: {
        tags,
        summary: 'Membership applications within a unit',
        params: UnitOnlyParams,
        querystring: ApplicationListQuery,
        response: withErrors({ 200: ApplicationListOut }),
      },
    },
    async (request) => {
      const { unit } = requireUnit(request);
      return { items: await listApplications(app.store, unit, request.query.status) };
    },
  );

  app.post(
    '/units/:unitKey/applications/:applicationId/approve',
    {
      config: { access: WRITE_IN_UNIT },
      schema: {
        tags,
        summary: 'Approve an application into a branch: registers the member',
        params: ApplicationParams,
        body: ApplicationApprove,
        response: withErrors({ 200: ApplicationOut }),
      },
    },
    async (request) => {
      const { unit } = requireUnit(request);
      const ctx = writeContext(app, request);
      let place;
      try {
        place = placeOf(app.hierarchy, parseUnitKey(request.body.branchKey));
      } catch {
        throw apiError('BRANCH_NOT_IN_UNIT');
      }
      if (!placeWithin(place, unit)) throw apiError('BRANCH_NOT_IN_UNIT');
      return app.store.transaction((tx) =>
        approveApplication(tx, ctx, request.params.applicationId, unit, place, (a) => {
          const checked = checkMemberFields(
            {
              fullName: a.fullName,
              dateOfBirth: a.dateOfBirth,
              gender: a.gender,
              ethnicity: request.body.ethnicity ?? a.ethnicity ?? undefined,
              phone: a.phone,
              address: a.address,
              joinedOn: request.body.joinedOn ?? ctx.today,
            },
            ctx.today,
            { required: true },
          );
          if (!checked.ok) throw apiError('MEMBER_INVALID', {}, checked.problems);
          return checked.fields;
        }),
      );
    },
  );

  app.post(
    '/units/:unitKey/applications/:applicationId/reject',
    {
      config: { access: WRITE_IN_UNIT },
      schema: {
        tags,
        summary: 'Reject an application with a reason',
        params: ApplicationParams,
        body: RejectBody,
        response: withErrors({ 200: ApplicationOut }),
      },
    },
    async (request) => {
      const { unit } = requireUnit(request);
      const ctx = writeContext(app, request);
      return app.store.transaction((tx) =>
        rejectApplication(tx, ctx, request.params.applicationId, unit, request.body.reason.trim()),
      );
    },
  );
}
