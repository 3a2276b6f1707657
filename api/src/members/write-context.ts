/**
 * Who writes, when, and under which request: what every member write records in its history and in the
 * audit log.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireAccess } from '../access/plugin.js';
import { recordAudit } from '../audit/audit.js';
import type { Queryable } from '../store/store.js';

/** The actor and time of one write. */
export interface WriteContext {
  actor: number;
  at: Date;
  /** Today's date in Vietnam (UTC+7), for date checks. */
  today: string;
  requestId: string;
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** Today's calendar date in Vietnam by the app's clock. */
export function vietnamToday(nowMs: number): string {
  return new Date(nowMs + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The write context of a request that passed the access check. */
export function writeContext(app: FastifyInstance, request: FastifyRequest): WriteContext {
  const now = app.clock();
  return {
    actor: requireAccess(request).principal.userId,
    at: new Date(now),
    today: vietnamToday(now),
    requestId: request.id,
  };
}

/**
 * Appends an audit entry for a member-registry write, in the write's transaction.
 *
 * @example await audit(tx, ctx, 'member.update', 'member', id, before, after)
 */
export async function audit(
  tx: Queryable,
  ctx: WriteContext,
  action: string,
  entity: string,
  entityId: string | number,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): Promise<void> {
  await recordAudit(tx, {
    at: ctx.at,
    actorUserId: ctx.actor,
    action,
    entity,
    entityId: String(entityId),
    before,
    after,
    requestId: ctx.requestId,
  });
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new pseudonymous member key, shaped like the demo keys: 'm' and 13 Crockford base32 characters. */
export function newMemberKey(random: (size: number) => Buffer = randomBytes): string {
  const bytes = random(13);
  let key = 'm';
  for (const byte of bytes) key += CROCKFORD[byte & 31];
  return key;
}
