/**
 * Smart member cards: issue (re-issue revokes the previous card), revoke, and the public verification that
 * answers valid, revoked or unknown, and nothing about the person.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requireUnit } from '../access/plugin.js';
import { apiError } from '../errors.js';
import { withErrors } from '../http/schemas.js';
import type { Queryable } from '../store/store.js';
import { WRITE_IN_UNIT } from './access.js';
import { loadCardKeys, newCardToken, readCardToken, type CardKey } from './card-token.js';
import { isoInstant } from './member-rows.js';
import { requireMember } from './member-store.js';
import { MemberParams } from './schemas.js';
import { CardIssued, CardRevoke, CardVerifyOut, CardVerifyQuery } from './workflow-schemas.js';
import { audit, writeContext, type WriteContext } from './write-context.js';

/** Verifications per minute from one client address. */
const VERIFY_RATE = 120;

async function revokeActive(
  tx: Queryable,
  ctx: WriteContext,
  memberId: number,
  reason: string,
): Promise<string | undefined> {
  const { rows } = await tx.query<{ card_id: string }>(
    'UPDATE member_card SET revoked_at = $1, revoked_reason = $2 WHERE member_id = $3 AND revoked_at IS NULL RETURNING card_id',
    [ctx.at, reason, memberId],
  );
  return rows[0]?.card_id;
}

/** Registers the card routes. */
export function cardRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['members'];
  let keys: Promise<CardKey[]> | undefined;
  const cardKeys = () =>
    (keys ??= loadCardKeys(app.store, new Date(app.clock())).catch((error: unknown) => {
      keys = undefined;
      throw error;
    }));

  app.post(
    '/units/:unitKey/members/:memberId/card',
    {
      config: { access: WRITE_IN_UNIT },
      schema: {
        tags,
        summary: 'Issue the smart card (a re-issue revokes the previous card); the token is shown once',
        params: MemberParams,
        response: withErrors({ 201: CardIssued }),
      },
    },
    async (request, reply) => {
      const { unit } = requireUnit(request);
      const ctx = writeContext(app, request);
      const key = (await cardKeys()).at(-1) as CardKey;
      const issued = await app.store.transaction(async (tx) => {
        const member = await requireMember(tx, request.params.memberId, unit, true);
        if (member.status !== 'active') throw apiError('MEMBER_NOT_ACTIVE');
        const previous = await revokeActive(tx, ctx, member.id, 'reissued');
        const { cardId, token } = newCardToken(key);
        await tx.query(
          'INSERT INTO member_card (card_id, member_id, issued_at, issued_by) VALUES ($1, $2, $3, $4)',
          [cardId, member.id, ctx.at, ctx.actor],
        );
        await tx.query("UPDATE member SET card_status = 'active', updated_at = $1 WHERE id = $2", [
          ctx.at,
          member.id,
        ]);
        await audit(
          tx,
          ctx,
          'member_card.issue',
          'member',
          member.id,
          previous === undefined ? null : { cardId: previous },
          {
            cardId,
            memberKey: member.member_key,
          },
        );
        return { cardId, token, qrPayload: token, issuedAt: ctx.at.toISOString() };
      });
      return reply.status(201).send(issued);
    },
  );

  app.post(
    '/units/:unitKey/members/:memberId/card/revoke',
    {
      config: { access: WRITE_IN_UNIT },
      schema: {
        tags,
        summary: 'Revoke the active smart card (lost, stolen, or she left)',
        params: MemberParams,
        body: CardRevoke,
        response: withErrors({ 204: { type: 'null' } }),
      },
    },
    async (request, reply) => {
      const { unit } = requireUnit(request);
      const ctx = writeContext(app, request);
      await app.store.transaction(async (tx) => {
        const member = await requireMember(tx, request.params.memberId, unit, true);
        const revoked = await revokeActive(tx, ctx, member.id, request.body.reason ?? 'revoked');
        if (revoked === undefined) throw apiError('CARD_NOT_ACTIVE');
        await tx.query("UPDATE member SET card_status = 'revoked', updated_at = $1 WHERE id = $2", [
          ctx.at,
          member.id,
        ]);
        await audit(
          tx,
          ctx,
          'member_card.revoke',
          'member',
          member.id,
          { cardId: revoked },
          { cardId: revoked, revoked: true },
        );
      });
      return reply.status(204).send();
    },
  );

  app.get(
    '/cards/verify',
    {
      config: { access: { public: true }, rateLimit: { max: VERIFY_RATE, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Verify a smart member card token: valid, revoked or unknown (no personal data)',
        querystring: CardVerifyQuery,
        response: withErrors({ 200: CardVerifyOut }),
      },
    },
    async (request) => {
      const checkedAt = new Date(app.clock()).toISOString();
      const all = await cardKeys();
      const cardId = readCardToken(request.query.token, (kid) => all.find((k) => k.kid === kid));
      if (cardId === undefined) return { status: 'unknown' as const, checkedAt };
      const { rows } = await app.store.query<{ issued_at: Date; revoked_at: Date | null; status: string }>(
        'SELECT c.issued_at, c.revoked_at, m.status FROM member_card c JOIN member m ON m.id = c.member_id WHERE c.card_id = $1',
        [cardId],
      );
      const card = rows[0];
      if (card === undefined) return { status: 'unknown' as const, checkedAt };
      const valid = card.revoked_at === null && card.status === 'active';
      return {
        status: valid ? ('valid' as const) : ('revoked' as const),
        checkedAt,
        issuedAt: isoInstant(card.issued_at),
      };
    },
  );
}
