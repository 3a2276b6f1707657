import type { ApiClient } from './api-client.js';
import { ApiError, clientError } from './errors.js';
import { createObservable, type ReadonlyObservable } from './observable.js';
import type { TokenStore } from './tokens.js';
import type { Language, SessionState, User } from './types.js';
import { parseSession } from './wire.js';

/** The session: who is signed in, with sign-in, sign-out and restore on page load. */
export interface Session extends ReadonlyObservable<SessionState> {
  /** The signed-in user, or `null`. */
  user(): User | null;
  /**
   * Signs in. @throws ApiError INVALID_CREDENTIALS, ACCOUNT_LOCKED (details.lockedUntil), RATE_LIMITED…
   * @example await session.login('leader.tayninh', password)
   */
  login(username: string, password: string): Promise<User>;
  /**
   * Ends the session here and on the server. @throws ApiError when the server could not be told (the session
   * has ended in this browser anyway; the server's ends with its refresh token's lifetime).
   */
  logout(): Promise<void>;
  /** On page load: resumes the session from the refresh cookie, or ends in 'signed-out'. */
  restore(): Promise<SessionState>;
}

/** What {@link createSession} needs. */
export interface SessionDeps {
  api: ApiClient;
  tokens: TokenStore;
  language: () => Language;
}

/**
 * The session of the console. Holds the access token in the token store and registers itself as its
 * refresher: a failed refresh (expired or revoked refresh token) signs the user out with reason 'expired'.
 */
export function createSession(deps: SessionDeps): Session {
  const state = createObservable<SessionState>({ status: 'restoring' });

  function accept(answer: unknown): User {
    const parsed = parseSession(answer);
    if (parsed === undefined) throw clientError('BAD_RESPONSE', deps.language(), 200);
    deps.tokens.set(parsed.accessToken);
    const current = state.get();
    // Keep the same state object when the same user refreshes, so listeners only hear real changes.
    if (current.status !== 'signed-in' || JSON.stringify(current.user) !== JSON.stringify(parsed.user)) {
      state.set({ status: 'signed-in', user: parsed.user });
    }
    return parsed.user;
  }

  function end(reason: 'logout' | 'expired' | 'unreachable' | 'none'): void {
    deps.tokens.set(null);
    state.set({ status: 'signed-out', reason });
  }

  async function refresh(): Promise<boolean> {
    try {
      accept(await deps.api.post('/auth/refresh', {}, { auth: false }));
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 0) throw error;
      end('expired');
      return false;
    }
  }
  deps.tokens.setRefresher(refresh);

  return {
    get: state.get,
    subscribe: state.subscribe,
    user() {
      const current = state.get();
      return current.status === 'signed-in' ? current.user : null;
    },
    async login(username, password) {
      return accept(await deps.api.post('/auth/login', { username, password }, { auth: false }));
    },
    async logout() {
      try {
        await deps.api.post('/auth/logout', {}, { auth: false });
      } finally {
        end('logout');
      }
    },
    async restore() {
      try {
        accept(await deps.api.post('/auth/refresh', {}, { auth: false }));
      } catch (error) {
        end(error instanceof ApiError && error.status === 0 ? 'unreachable' : 'none');
      }
      return state.get();
    },
  };
}
