import cookie from '@fastify/cookie';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { parseUnitKey } from '@vwu/contracts';
import { Type } from 'typebox';
import { requireAccess } from '../access/plugin.js';
import { ALL_ROLES, type AccessRule } from '../access/rules.js';
import { recordAudit } from '../audit/audit.js';
import { apiError } from '../errors.js';
import { withErrors } from '../http/schemas.js';
import { LoginGuard } from './login-guard.js';
import { signIn } from './login.js';
import { hashPassword, verifyPassword } from './password.js';
import { passwordProblems } from './policy.js';
import { LoginBody, Me, PasswordChangeBody, RefreshBody, Session } from './schemas.js';
import {
  issueRefreshToken,
  revokeAllSessions,
  revokeSessionOf,
  rotateRefreshToken,
  type IssuedRefreshToken,
} from './sessions.js';
import { findUserById, updatePasswordHash, type UserRow } from './users.js';

/** Name of the httpOnly cookie that carries the refresh token. */
export const REFRESH_COOKIE = 'vwu_refresh';
/** The browser reaches the accounts routes under the API prefix: the cookie goes only there. */
const COOKIE_PATH = '/api/auth';

const PUBLIC: AccessRule = { public: true };
const SIGNED_IN: AccessRule = { roles: ALL_ROLES, unit: 'none' };

/** The user as `/auth/me` and sessions show it. */
function userInfo(app: FastifyInstance, user: UserRow) {
  const scope = app.hierarchy.find(parseUnitKey(user.scope_unit_key));
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    scope: { key: user.scope_unit_key, name: scope?.name ?? '', level: scope?.level ?? '' },
  };
}

function session(app: FastifyInstance, reply: FastifyReply, user: UserRow, refresh: IssuedRefreshToken) {
  const access = app.accessTokens.sign({
    userId: user.id,
    role: user.role,
    scope: parseUnitKey(user.scope_unit_key),
  });
  reply.setCookie(REFRESH_COOKIE, refresh.token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: app.config.cookieSecure,
    path: COOKIE_PATH,
    expires: refresh.expiresAt,
  });
  return {
    tokenType: 'Bearer' as const,
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt.toISOString(),
    refreshToken: refresh.token,
    refreshTokenExpiresAt: refresh.expiresAt.toISOString(),
    user: userInfo(app, user),
  };
}

function presentedToken(
  request: FastifyRequest,
  body: { refreshToken?: string | undefined },
): string | undefined {
  return body.refreshToken ?? request.cookies[REFRESH_COOKIE];
}

function endSession(reply: FastifyReply): never {
  reply.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
  throw apiError('SESSION_INVALID');
}

/**
 * Accounts: `POST /auth/login`, `/auth/refresh`, `/auth/logout`, `/auth/password` and `GET /auth/me`.
 * Access tokens are short-lived JWTs; refresh tokens are opaque, stored hashed, rotated on every use, set as
 * an httpOnly SameSite=Strict cookie and also returned in the body.
 */
export const accountsPlugin = fp(
  async (fastify: FastifyInstance) => {
    await fastify.register(cookie);
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    const guard = new LoginGuard({
      perUserPerMinute: app.config.loginRateLimit.perUser,
      maxFailures: app.config.loginMaxFailures,
      lockoutS: app.config.lockoutS,
      clock: app.clock,
    });
    const refreshTtlS = app.config.refreshTokenTtlS;
    const tags = ['accounts'];

    app.post(
      '/auth/login',
      {
        config: { access: PUBLIC, rateLimit: { max: app.config.loginRateLimit.perIp, timeWindow: 60_000 } },
        schema: {
          tags,
          summary: 'Sign in with username and password',
          security: [],
          body: LoginBody,
          response: withErrors({ 200: Session }),
        },
      },
      async (request, reply) => {
        const { user, refresh } = await signIn(fastify, guard, request.body, request.id);
        return session(fastify, reply, user, refresh);
      },
    );

    app.post(
      '/auth/refresh',
      {
        config: { access: PUBLIC },
        schema: {
          tags,
          summary: 'Exchange the refresh token for new tokens',
          security: [],
          body: RefreshBody,
          response: withErrors({ 200: Session }),
        },
      },
      async (request, reply) => {
        const token = presentedToken(request, request.body);
        if (token === undefined) return endSession(reply);
        const now = new Date(app.clock());
        const result = await rotateRefreshToken(app.store, token, now, refreshTtlS, request.id);
        if (result.kind === 'reused') app.metrics.refreshReuse.inc();
        if (result.kind !== 'rotated') return endSession(reply);
        const user = await findUserById(app.store, result.userId);
        if (user === undefined) return endSession(reply);
        return session(fastify, reply, user, result.next);
      },
    );

    app.post(
      '/auth/logout',
      {
        config: { access: PUBLIC },
        schema: {
          tags,
          summary: 'End the session of the refresh token',
          security: [],
          body: RefreshBody,
          response: withErrors({ 204: Type.Null() }),
        },
      },
      async (request, reply) => {
        const token = presentedToken(request, request.body);
        if (token !== undefined) {
          const now = new Date(app.clock());
          await app.store.transaction(async (tx) => {
            const userId = await revokeSessionOf(tx, token, now);
            if (userId === undefined) return;
            const entry = {
              at: now,
              actorUserId: userId,
              action: 'auth.logout',
              entity: 'app_user',
              entityId: String(userId),
              requestId: request.id,
            };
            await recordAudit(tx, entry);
          });
        }
        reply.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/auth/password',
      {
        config: { access: SIGNED_IN },
        schema: {
          tags,
          summary: 'Change your password (ends your other sessions)',
          body: PasswordChangeBody,
          response: withErrors({ 200: Session }),
        },
      },
      async (request, reply) => {
        const { principal } = requireAccess(request);
        const wait = guard.attempt(`password-change:${principal.userId}`);
        if (wait !== undefined) throw apiError('RATE_LIMITED', { retryAfter: wait });
        const user = await findUserById(app.store, principal.userId);
        if (user === undefined) throw apiError('UNAUTHENTICATED');
        const { currentPassword, newPassword } = request.body;
        if (!(await verifyPassword(currentPassword, user.password_hash)))
          throw apiError('CURRENT_PASSWORD_WRONG');
        const problems = passwordProblems(newPassword, { username: user.username, current: currentPassword });
        if (problems.length > 0) throw apiError('PASSWORD_TOO_WEAK', {}, { problems });
        const hash = await hashPassword(newPassword);
        const now = new Date(app.clock());
        const refresh = await app.store.transaction(async (tx) => {
          await updatePasswordHash(tx, user.id, hash, now);
          await revokeAllSessions(tx, user.id, now, 'password_change');
          await recordAudit(tx, {
            at: now,
            actorUserId: user.id,
            action: 'auth.password_change',
            entity: 'app_user',
            entityId: String(user.id),
            before: { password_changed_at: user.password_changed_at.toISOString() },
            after: { password_changed_at: now.toISOString(), sessions_revoked: true },
            requestId: request.id,
          });
          return issueRefreshToken(tx, user.id, now, refreshTtlS);
        });
        return session(fastify, reply, { ...user, password_changed_at: now }, refresh);
      },
    );

    app.get(
      '/auth/me',
      {
        config: { access: SIGNED_IN },
        schema: { tags, summary: 'The signed-in user', response: withErrors({ 200: Me }) },
      },
      async (request) => {
        const { principal } = requireAccess(request);
        const user = await findUserById(app.store, principal.userId);
        if (user === undefined) throw apiError('UNAUTHENTICATED');
        return { user: userInfo(fastify, user) };
      },
    );
  },
  {
    name: 'vwu-accounts',
    fastify: '5.x',
    dependencies: ['vwu-access', 'vwu-store', 'vwu-metrics', 'vwu-security'],
  },
);
