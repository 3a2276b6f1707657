// A mock of the API endpoints the shell uses (auth, units), with the real API's shapes and error list:
// lockout, token expiry, refresh-token rotation in an httpOnly cookie, subtree scope, accent-free search.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A unit as the mock knows it. */
export interface MockUnit {
  key: string;
  code: string;
  name: string;
  type: string;
  level: 'central' | 'province' | 'district' | 'commune' | 'branch';
  parentKey: string | null;
}

/** Where the mock finds units (a small fixture in tests, the real hierarchy in the preview). */
export interface UnitSource {
  get(key: string): MockUnit | undefined;
  children(key: string): MockUnit[];
  search(query: string, limit: number): MockUnit[];
}

/** An account of the mock. */
export interface MockAccount {
  username: string;
  password: string;
  displayName: string;
  role: string;
  scope: string;
}

/** Options of {@link createMockApi}. */
export interface MockApiOptions {
  units: UnitSource;
  accounts: MockAccount[];
  /** Failed sign-ins in a row that lock an account (default 3). */
  maxFailures?: number;
  clock?: () => number;
}

/** The mock: a request handler plus switches for tests. */
export interface MockApi {
  handle(request: IncomingMessage, response: ServerResponse, path: string): Promise<void>;
  /** Makes every access token issued so far answer TOKEN_EXPIRED. */
  expireAccessTokens(): void;
  /** Requests seen, as 'METHOD /path'. */
  calls: string[];
}

const ERRORS: Record<string, { status: number; en: string; vi: string }> = {
  UNAUTHENTICATED: { status: 401, en: 'Sign in to continue.', vi: 'Hãy đăng nhập để tiếp tục.' },
  TOKEN_EXPIRED: { status: 401, en: 'Your access token has expired.', vi: 'Mã truy cập đã hết hạn.' },
  INVALID_CREDENTIALS: {
    status: 401,
    en: 'The username or password is incorrect. Check both and try again.',
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng. Kiểm tra lại cả hai rồi thử lại.',
  },
  SESSION_INVALID: {
    status: 401,
    en: 'Your session has ended or is not valid. Sign in again.',
    vi: 'Phiên làm việc đã kết thúc hoặc không hợp lệ. Hãy đăng nhập lại.',
  },
  ACCOUNT_LOCKED: {
    status: 423,
    en: 'Too many failed sign-ins: this account is locked until {until} (UTC).',
    vi: 'Đăng nhập sai quá nhiều lần: tài khoản bị khóa đến {until} (UTC).',
  },
  OUT_OF_SCOPE: {
    status: 403,
    en: 'This unit is outside the units you are responsible for. Choose a unit within your scope.',
    vi: 'Đơn vị này nằm ngoài phạm vi bạn phụ trách. Hãy chọn một đơn vị trong phạm vi của bạn.',
  },
  UNIT_NOT_FOUND: {
    status: 404,
    en: 'No unit has this key.',
    vi: 'Không có đơn vị nào mang mã này.',
  },
  NOT_FOUND: { status: 404, en: 'There is no such address.', vi: 'Không có địa chỉ này.' },
};

/** Folds Vietnamese for accent-free search ('Tân Ninh' → 'tan ninh'). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .trim();
}

function json(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(body === undefined ? '' : JSON.stringify(body));
}

function fail(
  response: ServerResponse,
  code: string,
  params: Record<string, string> = {},
  details?: unknown,
  headers = {},
) {
  const spec = ERRORS[code] ?? ERRORS.NOT_FOUND!;
  const fill = (t: string) => t.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
  json(
    response,
    spec.status,
    { error: { code, message: fill(spec.en), message_vi: fill(spec.vi), requestId: 'mock', details } },
    headers,
  );
}

async function body(request: IncomingMessage): Promise<Record<string, unknown>> {
  let raw = '';
  for await (const chunk of request) raw += String(chunk);
  try {
    return raw === '' ? {} : (JSON.parse(raw) as Record<string, unknown>);
  } catch {
    return {};
  }
}

function cookie(request: IncomingMessage, name: string): string | undefined {
  const pair = (request.headers.cookie ?? '').split(';').map((c) => c.trim().split('='));
  return pair.find(([k]) => k === name)?.[1];
}

/**
 * The mock API.
 *
 * @example
 * const api = createMockApi({ units: fixtureUnits(), accounts: FIXTURE_ACCOUNTS });
 * const server = await startConsoleServer({ shellDist, api: api.handle });
 */
export function createMockApi(options: MockApiOptions): MockApi {
  const clock = options.clock ?? Date.now;
  const maxFailures = options.maxFailures ?? 3;
  const access = new Map<string, { username: string; expired: boolean }>();
  const refresh = new Map<string, string>();
  const failures = new Map<string, number>();
  const lockedUntil = new Map<string, number>();
  const calls: string[] = [];

  const ancestors = (key: string): MockUnit[] => {
    const out: MockUnit[] = [];
    for (let unit = options.units.get(key); unit?.parentKey;) {
      unit = options.units.get(unit.parentKey);
      if (unit !== undefined) out.unshift(unit);
    }
    return out;
  };
  const within = (key: string, scope: string) => key === scope || ancestors(key).some((a) => a.key === scope);
  const view = (u: MockUnit) => ({
    key: u.key,
    structure: u.key.startsWith('pre2025:') ? 'pre2025' : '2025',
    code: u.code,
    name: u.name,
    type: u.type,
    level: u.level,
    parentKey: u.parentKey,
    depth: ancestors(u.key).length,
    validFrom: '2025-07-01',
    validTo: null,
    demo: u.level === 'branch',
  });

  function session(response: ServerResponse, account: MockAccount): void {
    const token = randomBytes(16).toString('hex');
    const refreshToken = randomBytes(32).toString('base64url');
    access.set(token, { username: account.username, expired: false });
    refresh.set(refreshToken, account.username);
    const scope = options.units.get(account.scope);
    json(
      response,
      200,
      {
        tokenType: 'Bearer',
        accessToken: token,
        accessTokenExpiresAt: new Date(clock() + 900_000).toISOString(),
        refreshToken,
        refreshTokenExpiresAt: new Date(clock() + 14 * 86_400_000).toISOString(),
        user: {
          id: options.accounts.indexOf(account) + 1,
          username: account.username,
          displayName: account.displayName,
          role: account.role,
          scope: { key: account.scope, name: scope?.name ?? '', level: scope?.level ?? '' },
        },
      },
      { 'set-cookie': `vwu_refresh=${refreshToken}; HttpOnly; SameSite=Strict; Path=/api/auth` },
    );
  }

  function principal(request: IncomingMessage, response: ServerResponse): MockAccount | undefined {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const held = token === undefined ? undefined : access.get(token);
    if (held === undefined) return void fail(response, 'UNAUTHENTICATED');
    if (held.expired) return void fail(response, 'TOKEN_EXPIRED');
    return options.accounts.find((a) => a.username === held.username);
  }

  async function handle(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    const url = new URL(path, 'http://api.invalid');
    const route = `${request.method} ${url.pathname}`;
    calls.push(route);
    if (route === 'POST /auth/login') {
      const { username, password } = await body(request);
      const name = String(username ?? '').toLowerCase();
      const until = lockedUntil.get(name) ?? 0;
      const locked = (at: number) => {
        const iso = new Date(at).toISOString();
        fail(response, 'ACCOUNT_LOCKED', { until: iso.slice(0, 16).replace('T', ' ') }, { lockedUntil: iso });
      };
      if (until > clock()) return locked(until);
      const account = options.accounts.find((a) => a.username === name && a.password === password);
      if (account === undefined) {
        const count = (failures.get(name) ?? 0) + 1;
        failures.set(name, count);
        if (count >= maxFailures) {
          lockedUntil.set(name, clock() + 15 * 60_000);
          return locked(clock() + 15 * 60_000);
        }
        return fail(response, 'INVALID_CREDENTIALS');
      }
      failures.delete(name);
      return session(response, account);
    }
    if (route === 'POST /auth/refresh' || route === 'POST /auth/logout') {
      const token = cookie(request, 'vwu_refresh');
      const username = token === undefined ? undefined : refresh.get(token);
      if (token !== undefined) refresh.delete(token);
      const clear = { 'set-cookie': 'vwu_refresh=; Max-Age=0; Path=/api/auth' };
      if (route === 'POST /auth/logout') return json(response, 204, undefined, clear);
      const account = options.accounts.find((a) => a.username === username);
      return account === undefined
        ? fail(response, 'SESSION_INVALID', {}, undefined, clear)
        : session(response, account);
    }
    const account = principal(request, response);
    if (account === undefined) return;
    if (route === 'GET /auth/me') return json(response, 200, { user: { username: account.username } });
    if (route === 'GET /units/search') {
      const scope = url.searchParams.get('within') ?? account.scope;
      if (!within(scope, account.scope)) return fail(response, 'OUT_OF_SCOPE');
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const results = options.units
        .search(url.searchParams.get('q') ?? '', 500)
        .filter((u) => within(u.key, scope))
        .slice(0, limit);
      return json(response, 200, {
        query: fold(url.searchParams.get('q') ?? ''),
        results: results.map(view),
      });
    }
    const match = /^GET \/units\/([^/]+)$/.exec(route);
    if (match?.[1] !== undefined) {
      const key = decodeURIComponent(match[1]);
      const unit = options.units.get(key);
      if (unit === undefined) return fail(response, 'UNIT_NOT_FOUND');
      if (!within(key, account.scope)) return fail(response, 'OUT_OF_SCOPE');
      return json(response, 200, {
        unit: view(unit),
        ancestors: ancestors(key).map((a) => ({
          key: a.key,
          name: a.name,
          level: a.level,
          inScope: within(a.key, account.scope),
        })),
        children: options.units.children(key).map(view),
      });
    }
    return fail(response, 'NOT_FOUND');
  }

  return {
    handle,
    calls,
    expireAccessTokens() {
      for (const held of access.values()) held.expired = true;
    },
  };
}
