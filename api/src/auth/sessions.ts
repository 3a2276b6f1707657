import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/audit.js';
import type { Queryable, Store } from '../store/store.js';

/**
 * Refresh tokens: opaque random strings handed to the client once and stored only as SHA-256 hashes. Each
 * use rotates the token within its family (one sign-in = one family); presenting a token that was already
 * rotated means it was copied, so the whole family is revoked.
 */

/** Why a token stopped being valid. */
export type RevokeReason = 'rotated' | 'logout' | 'reuse' | 'password_change';

/** A token given to the client. */
export interface IssuedRefreshToken {
  token: string;
  familyId: string;
  expiresAt: Date;
}

/** Outcome of presenting a refresh token. */
export type RotateResult =
  | { kind: 'rotated'; userId: number; next: IssuedRefreshToken }
  | { kind: 'reused'; userId: number; familyId: string }
  | { kind: 'invalid' };

/** 32 random bytes, base64url: 43 characters. */
export const REFRESH_TOKEN_PATTERN = '^[A-Za-z0-9_-]{43}$';

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Issues a refresh token for `userId`, in `familyId` (a new family when omitted).
 *
 * @example const { token } = await issueRefreshToken(tx, user.id, now, 1_209_600);
 */
export async function issueRefreshToken(
  q: Queryable,
  userId: number,
  now: Date,
  ttlS: number,
  familyId: string = randomUUID(),
): Promise<IssuedRefreshToken> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlS * 1000);
  await q.query(
    `INSERT INTO refresh_token (token_hash, user_id, family_id, issued_at, expires_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [hashToken(token), userId, familyId, now, expiresAt],
  );
  return { token, familyId, expiresAt };
}

interface TokenRow {
  id: number;
  user_id: number;
  family_id: string;
  expires_at: Date;
  revoked_at: Date | null;
}

async function revokeFamily(q: Queryable, familyId: string, now: Date, reason: RevokeReason): Promise<void> {
  await q.query(
    `UPDATE refresh_token SET revoked_at = $2, revoked_reason = $3 WHERE family_id = $1 AND revoked_at IS NULL`,
    [familyId, now, reason],
  );
}

/**
 * Exchanges a refresh token for the next one of its family, in one transaction with the row locked (two
 * concurrent uses of one token cannot both succeed). A revoked token revokes its whole family and reports
 * `reused`; an unknown or expired token reports `invalid`. Both are committed before the caller answers 401; a reuse is audited.
 */
export async function rotateRefreshToken(
  store: Store,
  token: string,
  now: Date,
  ttlS: number,
  requestId: string,
): Promise<RotateResult> {
  return store.transaction(async (tx) => {
    const { rows } = await tx.query<TokenRow>(
      `SELECT id, user_id, family_id, expires_at, revoked_at FROM refresh_token WHERE token_hash = $1 FOR UPDATE`,
      [hashToken(token)],
    );
    const row = rows[0];
    if (row === undefined || row.expires_at.getTime() <= now.getTime()) return { kind: 'invalid' };
    if (row.revoked_at !== null) {
      await revokeFamily(tx, row.family_id, now, 'reuse');
      await recordAudit(tx, {
        at: now,
        actorUserId: null,
        action: 'auth.refresh_reuse',
        entity: 'app_user',
        entityId: String(row.user_id),
        after: { session: row.family_id, revoked: true },
        requestId,
      });
      return { kind: 'reused', userId: row.user_id, familyId: row.family_id };
    }
    await tx.query(`UPDATE refresh_token SET revoked_at = $2, revoked_reason = 'rotated' WHERE id = $1`, [
      row.id,
      now,
    ]);
    const next = await issueRefreshToken(tx, row.user_id, now, ttlS, row.family_id);
    return { kind: 'rotated', userId: row.user_id, next };
  });
}

/**
 * Ends the session a refresh token belongs to (its whole family).
 *
 * @returns the user id, or `undefined` when the token is unknown.
 */
export async function revokeSessionOf(q: Queryable, token: string, now: Date): Promise<number | undefined> {
  const { rows } = await q.query<{ user_id: number; family_id: string }>(
    'SELECT user_id, family_id FROM refresh_token WHERE token_hash = $1',
    [hashToken(token)],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  await revokeFamily(q, row.family_id, now, 'logout');
  return row.user_id;
}

/** Ends every session of a user (after a password change). */
export async function revokeAllSessions(
  q: Queryable,
  userId: number,
  now: Date,
  reason: RevokeReason,
): Promise<void> {
  await q.query(
    'UPDATE refresh_token SET revoked_at = $2, revoked_reason = $3 WHERE user_id = $1 AND revoked_at IS NULL',
    [userId, now, reason],
  );
}
