/**
 * The registry itself: the scoped list with search, one member, adding and editing.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requireUnit } from '../access/plugin.js';
import { apiError } from '../errors.js';
import { withErrors } from '../http/schemas.js';
import { READ_IN_UNIT, WRITE_IN_UNIT } from './access.js';
import { checkMemberFields } from './member-fields.js';
import { listMembers } from './member-page.js';
import { summaryOf } from './member-rows.js';
import { placeOf } from './member-scope.js';
import { createMember, memberDetail, requireMember, updateMember } from './member-store.js';
import {
  MemberCreate,
  MemberDetail,
  MemberListOut,
  MemberListQuery,
  MemberParams,
  MemberUpdate,
  UnitOnlyParams,
} from './schemas.js';
import { vietnamToday, writeContext } from './write-context.js';

/** Registers the list, detail, create and edit routes. */
export function registryRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['members'];

  app.get(
    '/units/:unitKey/members',
    {
      config: { access: READ_IN_UNIT },
      schema: {
        tags,
        summary: 'Members within a unit: filters, search (accents optional), sort, cursor paging',
        params: UnitOnlyParams,
        querystring: MemberListQuery,
        response: withErrors({ 200: MemberListOut }),
      },
    },
    async (request) => {
      const { unit } = requireUnit(request);
      const page = await listMembers(app.store, unit, request.query, vietnamToday(app.clock()));
      return {
        items: page.rows.map((row) => summaryOf(row, app.hierarchy)),
        nextCursor: page.nextCursor,
        query: page.query,
        ...(page.total === undefined ? {} : { total: page.total, totalCapped: page.totalCapped === true }),
      };
    },
  );

  app.post(
    '/units/:unitKey/members',
    {
      config: { access: WRITE_IN_UNIT },
      schema: {
        tags,
        summary: 'Register a member on this branch or commune',
        params: UnitOnlyParams,
        body: MemberCreate,
        response: withErrors({ 201: MemberDetail }),
      },
    },
    async (request, reply) => {
      const { unit } = requireUnit(request);
      const place = placeOf(app.hierarchy, unit.key);
      const ctx = writeContext(app, request);
      const checked = checkMemberFields(request.body, ctx.today, { required: true });
      if (!checked.ok) throw apiError('MEMBER_INVALID', {}, checked.problems);
      const row = await app.store.transaction((tx) => createMember(tx, ctx, place, checked.fields));
      return reply.status(201).send(await memberDetail(app.store, row, app.hierarchy));
    },
  );

  app.get(
    '/units/:unitKey/members/:memberId',
    {
      config: { access: READ_IN_UNIT },
      schema: {
        tags,
        summary: 'One member with her history, card and training records',
        params: MemberParams,
        response: withErrors({ 200: MemberDetail }),
      },
    },
    async (request) => {
      const { unit } = requireUnit(request);
      const row = await requireMember(app.store, request.params.memberId, unit);
      return memberDetail(app.store, row, app.hierarchy);
    },
  );

  app.patch(
    '/units/:unitKey/members/:memberId',
    {
      config: { access: WRITE_IN_UNIT },
      schema: {
        tags,
        summary: 'Edit a member (send the version you read; a transfer changes her unit)',
        params: MemberParams,
        body: MemberUpdate,
        response: withErrors({ 200: MemberDetail }),
      },
    },
    async (request) => {
      const { unit } = requireUnit(request);
      const ctx = writeContext(app, request);
      const { version, ...changes } = request.body;
      const row = await app.store.transaction(async (tx) => {
        const current = await requireMember(tx, request.params.memberId, unit, true);
        const checked = checkMemberFields(changes, ctx.today, {
          current: { dateOfBirth: current.date_of_birth, joinedOn: current.joined_on },
        });
        if (!checked.ok) throw apiError('MEMBER_INVALID', {}, checked.problems);
        return updateMember(tx, ctx, current, checked.fields, version);
      });
      return memberDetail(app.store, row, app.hierarchy);
    },
  );
}
