// Loading a contest for a request: found and visible to the caller, with what the caller may do there.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireAccess } from '../access/plugin.js';
import type { Principal } from '../access/rules.js';
import { recordAudit } from '../audit/audit.js';
import { apiError } from '../errors.js';
import type { Queryable } from '../store/store.js';
import { abilities, unitName, type Abilities } from './contest-model.js';
import { loadContest, type ContestRecord } from './contest-store.js';
import { listJudges, type JudgeRecord } from './jury-store.js';

/** A contest as one request sees it. */
export interface ContestInRequest {
  contest: ContestRecord;
  judges: JudgeRecord[];
  can: Abilities;
  principal: Principal;
}

/**
 * The contest of `id` with the caller's abilities.
 *
 * @throws ApiError CONTEST_NOT_FOUND when it does not exist or the caller may not see it.
 */
export async function contestFor(
  app: FastifyInstance,
  request: FastifyRequest,
  id: number,
  q: Queryable = app.store,
  forUpdate = false,
): Promise<ContestInRequest> {
  const { principal } = requireAccess(request);
  const contest = await loadContest(q, id, forUpdate);
  if (contest === undefined) throw apiError('CONTEST_NOT_FOUND');
  const judges = await listJudges(q, id);
  const can = abilities(app.hierarchy, contest, principal, judges);
  if (!can.see) throw apiError('CONTEST_NOT_FOUND');
  return { contest, judges, can, principal };
}

/**
 * Refuses a caller who may not manage the contest.
 *
 * @throws ApiError CONTEST_NOT_ORGANISER
 */
export function requireManage(app: FastifyInstance, found: ContestInRequest): void {
  if (!found.can.manage)
    throw apiError('CONTEST_NOT_ORGANISER', { unit: unitName(app.hierarchy, found.contest.ownerUnit).name });
}

/** Appends an audit entry of a contest write (same transaction as the write). */
export async function audit(
  q: Queryable,
  request: FastifyRequest,
  entry: {
    action: string;
    entity: string;
    entityId: number | string;
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
  },
): Promise<void> {
  await recordAudit(q, {
    at: new Date(request.server.clock()),
    actorUserId: request.access?.principal.userId ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: request.id,
  });
}
