import { ApiError, clientError, errorFromBody } from './errors.js';
import type { TokenStore } from './tokens.js';
import type { Language } from './types.js';

/** HTTP methods the console uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Query values; `undefined` ones are left out. */
export type Query = Readonly<Record<string, string | number | boolean | undefined>>;

/** Options of one request. */
export interface RequestOptions {
  query?: Query;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /** `false` for calls made without a session (sign-in, refresh). Default `true`. */
  auth?: boolean;
}

/** The console's client of the API. Every failure is an {@link ApiError}, except an abort. */
export interface ApiClient {
  /** Sends a request; resolves with the JSON answer (`undefined` for 204). */
  request<T>(method: HttpMethod, path: string, options?: RequestOptions): Promise<T>;
  /** GET `path`. @example await api.get<UnitDetail>(`/units/${encodeURIComponent(key)}`) */
  get<T>(path: string, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  /** POST `body` as JSON to `path`. */
  post<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>;
}

/** What {@link createApiClient} needs. */
export interface ApiClientDeps {
  /** Prefix of every path, e.g. '/api'. */
  baseUrl: string;
  fetch: typeof fetch;
  tokens: TokenStore;
  language: () => Language;
}

function url(baseUrl: string, path: string, query: Query | undefined): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {}))
    if (value !== undefined) search.set(name, String(value));
  const qs = search.toString();
  return `${baseUrl.replace(/\/$/, '')}${path}${qs === '' ? '' : `?${qs}`}`;
}

async function readJson(response: Response): Promise<unknown> {
  const raw = await response.text();
  if (raw === '') return undefined;
  return JSON.parse(raw) as unknown;
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * The API client: attaches the access token, and on a 401 TOKEN_EXPIRED refreshes it once (shared by
 * concurrent requests) and repeats the request; errors become {@link ApiError} in the interface language.
 *
 * @example
 * const api = createApiClient({ baseUrl: '/api', fetch, tokens, language: () => 'vi' });
 * const { results } = await api.get<UnitSearch>('/units/search', { query: { q: 'tan ninh' } });
 */
export function createApiClient(deps: ApiClientDeps): ApiClient {
  async function send(method: HttpMethod, path: string, options: RequestOptions, token: string | null) {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'accept-language': deps.language(),
    };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (token !== null) headers.authorization = `Bearer ${token}`;
    try {
      return await deps.fetch(url(deps.baseUrl, path, options.query), {
        method,
        headers,
        body: options.body === undefined ? null : JSON.stringify(options.body),
        credentials: 'same-origin',
        signal: options.signal ?? null,
      });
    } catch (error) {
      if (isAbort(error)) throw error;
      throw clientError('NETWORK_ERROR', deps.language());
    }
  }

  async function answer<T>(response: Response): Promise<T> {
    let body: unknown;
    try {
      body = await readJson(response);
    } catch (error) {
      if (isAbort(error)) throw error;
      throw clientError('BAD_RESPONSE', deps.language(), response.status);
    }
    if (!response.ok) throw errorFromBody(response.status, body, deps.language());
    return body as T;
  }

  async function request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
    const auth = options.auth !== false;
    const used = auth ? deps.tokens.token() : null;
    const response = await send(method, path, options, used);
    if (!auth || response.status !== 401) return answer<T>(response);
    const error = await answer<never>(response).catch((e: unknown) => e);
    if (!(error instanceof ApiError) || error.code !== 'TOKEN_EXPIRED') throw error;
    // Another request may have refreshed the token while this one was in flight: then just use the new one.
    const fresh = deps.tokens.token() !== used || (await deps.tokens.refresh());
    if (!fresh) throw error;
    return answer<T>(await send(method, path, options, deps.tokens.token()));
  }

  return {
    request,
    get: (path, options) => request('GET', path, options),
    post: (path, body, options) => request('POST', path, { ...options, body }),
  };
}
