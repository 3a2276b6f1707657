/** Holds the access token in memory and refreshes it single-flight. */
export interface TokenStore {
  /** The current access token, or `null` when signed out. */
  token(): string | null;
  /** Replaces the token (`null` when the session ends). */
  set(token: string | null): void;
  /**
   * Gets a new access token with the refresher. Concurrent callers share one refresh: one request to the
   * server however many requests saw their token expire. Resolves `true` when a new token is in place.
   */
  refresh(): Promise<boolean>;
  /** Sets the function that performs a refresh (the session's). */
  setRefresher(refresher: () => Promise<boolean>): void;
}

/**
 * A {@link TokenStore}. The token lives only in memory; the refresh token is the API's httpOnly cookie, so
 * nothing secret is written to storage that scripts can read.
 *
 * @example
 * const tokens = createTokenStore();
 * tokens.setRefresher(async () => { tokens.set(await exchange()); return true; });
 * await Promise.all([tokens.refresh(), tokens.refresh()]); // one exchange
 */
export function createTokenStore(): TokenStore {
  let current: string | null = null;
  let refresher: () => Promise<boolean> = async () => false;
  let inflight: Promise<boolean> | null = null;
  return {
    token: () => current,
    set(token) {
      current = token;
    },
    refresh() {
      inflight ??= refresher().finally(() => {
        inflight = null;
      });
      return inflight;
    },
    setRefresher(next) {
      refresher = next;
    },
  };
}
