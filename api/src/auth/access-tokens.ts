import { parseUnitKey, UnitsError } from '@vwu/contracts';
import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { apiError } from '../errors.js';
import { isRole, type Principal } from '../access/rules.js';

/** Claims of an access token: who, in which role, over which unit's subtree, until when. */
interface AccessClaims {
  sub: string;
  role: string;
  scope: string;
  kind: 'access';
  iat: number;
  exp: number;
}

/** A signed access token and when it stops being accepted. */
export interface IssuedAccessToken {
  token: string;
  expiresAt: Date;
}

/** Signs and checks the short-lived access tokens (JWT HS256) against the app's clock. */
export interface AccessTokens {
  /** Signs a token for a principal, valid for `ACCESS_TOKEN_TTL_S` from now. */
  sign(principal: Principal): IssuedAccessToken;
  /**
   * The principal of a token.
   *
   * @throws ApiError TOKEN_EXPIRED when expired, UNAUTHENTICATED when forged, malformed or not an access token.
   */
  verify(token: string): Principal;
}

declare module 'fastify' {
  interface FastifyInstance {
    accessTokens: AccessTokens;
  }
}

function principalOf(claims: Partial<AccessClaims>): Principal {
  const userId = Number(claims.sub);
  if (claims.kind !== 'access' || !Number.isSafeInteger(userId) || !isRole(claims.role)) {
    throw apiError('UNAUTHENTICATED');
  }
  try {
    return { userId, role: claims.role, scope: parseUnitKey(String(claims.scope)) };
  } catch (error) {
    if (error instanceof UnitsError) throw apiError('UNAUTHENTICATED');
    throw error;
  }
}

/** Registers @fastify/jwt with the configured secret and decorates the app with {@link AccessTokens}. */
export const accessTokensPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(fastifyJwt, {
      secret: app.config.jwtSecret,
      sign: { algorithm: 'HS256' },
      verify: { algorithms: ['HS256'] },
    });
    const ttlS = app.config.accessTokenTtlS;
    app.decorate('accessTokens', {
      sign(principal: Principal): IssuedAccessToken {
        const iat = Math.floor(app.clock() / 1000);
        const claims: AccessClaims = {
          sub: String(principal.userId),
          role: principal.role,
          scope: principal.scope,
          kind: 'access',
          iat,
          exp: iat + ttlS,
        };
        return { token: app.jwt.sign(claims), expiresAt: new Date((iat + ttlS) * 1000) };
      },
      verify(token: string): Principal {
        let claims: Partial<AccessClaims>;
        try {
          claims = app.jwt.verify<Partial<AccessClaims>>(token, { clockTimestamp: app.clock() });
        } catch (error) {
          const code = (error as { code?: unknown }).code;
          throw apiError(code === 'FAST_JWT_EXPIRED' ? 'TOKEN_EXPIRED' : 'UNAUTHENTICATED');
        }
        return principalOf(claims);
      },
    } satisfies AccessTokens);
  },
  { name: 'vwu-access-tokens', fastify: '5.x', dependencies: ['vwu-context'] },
);
