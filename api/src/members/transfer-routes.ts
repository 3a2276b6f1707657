/**
 * Transfer routes: propose (sending unit), list (either side), accept or reject (receiving unit), cancel
 * (sending unit). The receiving unit sees the member's name and the units, no other personal data, until
 * it accepts her.
 */
import { parseUnitKey } from '@vwu/contracts';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requireUnit } from '../access/plugin.js';
import { isInScope } from '../access/scope.js';
import { apiError } from '../errors.js';
import { withErrors } from '../http/schemas.js';
import { READ_IN_UNIT, WRITE_IN_UNIT } from './access.js';
import { placeOf } from './member-scope.js';
import { requireMember } from './member-store.js';
import { MemberParams, TransferParams, UnitOnlyParams } from './schemas.js';
import { decideTransfer, listTransfers, proposeTransfer, requireTransfer } from './transfer-store.js';
import {
  RejectBody,
  TransferCreate,
  TransferListOut,
  TransferListQuery,
  TransferOut,
} from './workflow-schemas.js';
import { writeContext } from './write-context.js';

/** Registers the transfer routes. */
export function transferRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['members'];
  const destination = (key: string) => {
    try {
      return placeOf(app.hierarchy, parseUnitKey(key));
    } catch {
      throw apiError('MEMBER_UNIT_INVALID');
    }
  };

  app.post(
    '/units/:unitKey/members/:memberId/transfers',
    {
      config: { access: WRITE_IN_UNIT },
      schema: {
        tags,
        summary: 'Propose moving a member to another branch or commune (the receiving unit accepts)',
        params: MemberParams,
        body: TransferCreate,
        response: withErrors({ 201: TransferOut }),
      },
    },
    async (request, reply) => {
      const { unit, scope } = requireUnit(request);
      const to = destination(request.body.toUnitKey);
      const ctx = writeContext(app, request);
      const transfer = await app.store.transaction(async (tx) => {
        const member = await requireMember(tx, request.params.memberId, unit, true);
        const own = isInScope(app.hierarchy, to.unitKey, scope.key);
        return proposeTransfer(tx, ctx, member, to, request.body.reason ?? null, own, app.hierarchy);
      });
      return reply.status(201).send(transfer);
    },
  );

  app.get(
    '/units/:unitKey/transfers',
    {
      config: { access: READ_IN_UNIT },
      schema: {
        tags,
        summary: 'Transfers into (incoming) or out of (outgoing) a unit',
        params: UnitOnlyParams,
        querystring: TransferListQuery,
        response: withErrors({ 200: TransferListOut }),
      },
    },
    async (request) => {
      const { unit } = requireUnit(request);
      const { direction, status } = request.query;
      return { items: await listTransfers(app.store, unit, direction ?? 'incoming', status, app.hierarchy) };
    },
  );

  for (const decision of ['accept', 'reject', 'cancel'] as const) {
    app.post(
      `/units/:unitKey/transfers/:transferId/${decision}`,
      {
        config: { access: WRITE_IN_UNIT },
        schema: {
          tags,
          summary: {
            accept: 'Receiving unit accepts: the member moves, her history keeps the change',
            reject: 'Receiving unit refuses, with a reason',
            cancel: 'Sending unit withdraws its proposal',
          }[decision],
          params: TransferParams,
          ...(decision === 'reject' ? { body: RejectBody } : {}),
          response: withErrors({ 200: TransferOut }),
        },
      },
      async (request) => {
        const { unit } = requireUnit(request);
        const ctx = writeContext(app, request);
        const reason = (request.body as { reason?: string } | undefined)?.reason ?? null;
        return app.store.transaction(async (tx) => {
          const side = decision === 'cancel' ? 'from' : 'to';
          const transfer = await requireTransfer(
            tx,
            request.params.transferId,
            side,
            unit,
            app.hierarchy,
            true,
          );
          return decideTransfer(
            tx,
            ctx,
            transfer,
            decision,
            reason,
            destination(transfer.toUnitKey),
            app.hierarchy,
          );
        });
      },
    );
  }
}
