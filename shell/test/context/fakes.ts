// Test doubles of the browser pieces the context uses: URL and history, storage, fetch.
import { vi } from 'vitest';
import {
  createConsoleContext,
  type ConsoleContext,
  type ConsoleContextDeps,
} from '../../src/context/index.js';

/** A JSON answer. */
export function json(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/** An API error answer. */
export function apiError(
  status: number,
  code: string,
  message = `${code} (en)`,
  messageVi = `${code} (vi)`,
  details?: unknown,
) {
  return json(status, { error: { code, message, message_vi: messageVi, requestId: 'req-1', details } });
}

/** A session answer of `/auth/login` or `/auth/refresh`. */
export function sessionAnswer(
  token: string,
  scope = { key: '2025:80', name: 'Tỉnh Tây Ninh', level: 'province' },
) {
  return json(200, {
    tokenType: 'Bearer',
    accessToken: token,
    accessTokenExpiresAt: '2025-11-21T08:00:00.000Z',
    refreshToken: 'r'.repeat(43),
    refreshTokenExpiresAt: '2025-12-05T08:00:00.000Z',
    user: {
      id: 7,
      username: 'leader.tayninh',
      displayName: 'Lãnh đạo Hội LHPN tỉnh Tây Ninh',
      role: 'province_leader',
      scope,
    },
  });
}

/** A request as the fake fetch saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  authorization: string | null;
  body: unknown;
}

/** A fake browser: URL, storage and a fetch answered by `handler`. */
export function fakeBrowser(
  href = 'https://console.test/members',
  handler?: (req: SeenRequest) => Response | Promise<Response>,
) {
  let current = href;
  const store = new Map<string, string>();
  const seen: SeenRequest[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const request: SeenRequest = {
      method: init?.method ?? 'GET',
      url: String(input),
      authorization: headers.get('authorization'),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    seen.push(request);
    if (handler === undefined)
      return json(404, { error: { code: 'NOT_FOUND', message: 'no', message_vi: 'không' } });
    return handler(request);
  });
  const deps: ConsoleContextDeps = {
    fetch: fetch as unknown as typeof globalThis.fetch,
    apiBase: '/api',
    clock: () => Date.parse('2025-10-15T03:00:00Z'),
    url: {
      href: () => current,
      replace: (url) => {
        current = new URL(url, current).href;
      },
      storage: { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) },
    },
  };
  return {
    deps,
    fetch,
    seen,
    store,
    href: () => current,
    navigate: (url: string) => {
      current = new URL(url, current).href;
    },
    context: (): ConsoleContext => createConsoleContext(deps),
  };
}
