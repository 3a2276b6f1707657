import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../audit/audit.js';
import { apiError } from '../errors.js';
import type { LoginGuard } from './login-guard.js';
import { hashPassword, needsRehash, verifyPassword } from './password.js';
import { issueRefreshToken, type IssuedRefreshToken } from './sessions.js';
import {
  findUserByUsername,
  normaliseUsername,
  recordLoginFailure,
  recordLoginSuccess,
  updatePasswordHash,
  type UserRow,
} from './users.js';

/** A successful sign-in: the account and its new refresh token (new session family). */
export interface SignedIn {
  user: UserRow;
  refresh: IssuedRefreshToken;
}

let dummyHash: Promise<string> | undefined;

/** A hash to verify against when the name has no account, so that both cases cost the same time. */
function timingDummy(): Promise<string> {
  dummyHash ??= hashPassword('vwu timing equaliser, never a real password');
  return dummyHash;
}

function locked(until: Date): never {
  const iso = until.toISOString();
  throw apiError('ACCOUNT_LOCKED', { until: iso.slice(0, 16).replace('T', ' ') }, { lockedUntil: iso });
}

async function unknownName(
  app: FastifyInstance,
  guard: LoginGuard,
  username: string,
  password: string,
): Promise<never> {
  const lockedUntil = guard.phantomLockedUntil(username);
  if (lockedUntil !== null) locked(lockedUntil);
  await verifyPassword(password, await timingDummy());
  app.metrics.loginFailures.inc();
  const until = guard.phantomFailure(username);
  if (until !== null) {
    app.metrics.lockouts.inc();
    locked(until);
  }
  throw apiError('INVALID_CREDENTIALS');
}

async function wrongPassword(
  app: FastifyInstance,
  user: UserRow,
  now: Date,
  requestId: string,
): Promise<never> {
  app.metrics.loginFailures.inc();
  const { loginMaxFailures, lockoutS } = app.config;
  const until = await app.store.transaction(async (tx) => {
    const lockedUntil = await recordLoginFailure(tx, user.id, now, loginMaxFailures, lockoutS);
    if (lockedUntil !== null) {
      await recordAudit(tx, {
        at: now,
        actorUserId: null,
        action: 'auth.lockout',
        entity: 'app_user',
        entityId: String(user.id),
        before: { locked_until: null },
        after: { locked_until: lockedUntil.toISOString(), failures: loginMaxFailures },
        requestId,
      });
    }
    return lockedUntil;
  });
  if (until !== null) {
    app.metrics.lockouts.inc();
    locked(until);
  }
  throw apiError('INVALID_CREDENTIALS');
}

/**
 * Checks a username and password. The same INVALID_CREDENTIALS answers an unknown name and a wrong
 * password (and both cost one scrypt); LOGIN_MAX_FAILURES failures in a row lock the name for LOCKOUT_S
 * (ACCOUNT_LOCKED with the unlock time, audited for real accounts); a locked name is refused without
 * checking the password. On success: failures reset, hash upgraded if its cost is below today's, a new
 * refresh token, an audit entry.
 *
 * @throws ApiError RATE_LIMITED, ACCOUNT_LOCKED or INVALID_CREDENTIALS.
 */
export async function signIn(
  app: FastifyInstance,
  guard: LoginGuard,
  input: { username: string; password: string },
  requestId: string,
): Promise<SignedIn> {
  const username = normaliseUsername(input.username);
  const wait = guard.attempt(username);
  if (wait !== undefined) throw apiError('RATE_LIMITED', { retryAfter: wait });
  const now = new Date(app.clock());
  const user = await findUserByUsername(app.store, username);
  if (user === undefined) return unknownName(app, guard, username, input.password);
  if (user.locked_until !== null && user.locked_until.getTime() > now.getTime()) locked(user.locked_until);
  if (!(await verifyPassword(input.password, user.password_hash)))
    return wrongPassword(app, user, now, requestId);
  const upgraded = needsRehash(user.password_hash) ? await hashPassword(input.password) : undefined;
  const refresh = await app.store.transaction(async (tx) => {
    await recordLoginSuccess(tx, user.id);
    if (upgraded !== undefined) await updatePasswordHash(tx, user.id, upgraded, user.password_changed_at);
    const issued = await issueRefreshToken(tx, user.id, now, app.config.refreshTokenTtlS);
    await recordAudit(tx, {
      at: now,
      actorUserId: user.id,
      action: 'auth.login',
      entity: 'app_user',
      entityId: String(user.id),
      after: { session: issued.familyId },
      requestId,
    });
    return issued;
  });
  return { user, refresh };
}
