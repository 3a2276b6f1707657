import type { Queryable } from '../store/store.js';

/** One meaningful write: who (a user id, never a name), what, on which entity, before and after. */
export interface AuditEntry {
  at: Date;
  actorUserId: number | null;
  /** Dotted verb, e.g. 'auth.password_change', 'auth.lockout'. */
  action: string;
  /** Table or resource, e.g. 'app_user'. */
  entity: string;
  entityId: string | null;
  /** State before, without passwords, hashes, tokens or personal data. */
  before?: Record<string, unknown> | null;
  /** State after, same rule. */
  after?: Record<string, unknown> | null;
  requestId: string | null;
}

/**
 * Appends an entry to `audit_log`. Call it with the transaction that makes the write, so that the entry and
 * the change are committed together or not at all.
 *
 * @example await recordAudit(tx, { at: now, actorUserId: user.id, action: 'auth.password_change', … });
 */
export async function recordAudit(q: Queryable, entry: AuditEntry): Promise<void> {
  await q.query(
    `INSERT INTO audit_log (at, actor_user_id, action, entity, entity_id, before, after, request_id)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8)`,
    [
      entry.at,
      entry.actorUserId,
      entry.action,
      entry.entity,
      entry.entityId,
      entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
      entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
      entry.requestId,
    ],
  );
}
