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
  /** Sent as JSON; a `FormData` or `Blob` is sent as it is (file uploads). */
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
  /**
   * GET a file (export, error report): its bytes and the name the server gave it. Failures are ApiErrors.
   * @example const { blob, fileName } = await api.download('/units/2025:80/members/export', { query: { format: 'csv' } })
   */
  download(path: string, options?: Omit<RequestOptions, 'body'>): Promise<DownloadedFile>;
}

/** A file answered by the API. */
export interface DownloadedFile {
  blob: Blob;
  /** From Content-Disposition, when the server names the file. */
  fileName: string | null;
}

function isRawBody(body: unknown): body is FormData | Blob {
  return (
    (typeof FormData !== 'undefined' && body instanceof FormData) ||
    (typeof Blob !== 'undefined' && body instanceof Blob)
  );
}

function fileNameOf(response: Response): string | null {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (encoded?.[1] !== undefined) return decodeURIComponent(encoded[1]);
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? null;
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
    const raw = isRawBody(options.body);
    if (options.body !== undefined && !raw) headers['content-type'] = 'application/json';
    if (token !== null) headers.authorization = `Bearer ${token}`;
    try {
      return await deps.fetch(url(deps.baseUrl, path, options.query), {
        method,
        headers,
        body:
          options.body === undefined ? null : raw ? (options.body as BodyInit) : JSON.stringify(options.body),
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

  async function file(response: Response): Promise<DownloadedFile> {
    if (!response.ok) return answer<never>(response);
    try {
      return { blob: await response.blob(), fileName: fileNameOf(response) };
    } catch (error) {
      if (isAbort(error)) throw error;
      throw clientError('NETWORK_ERROR', deps.language());
    }
  }

  async function exchange<T>(
    method: HttpMethod,
    path: string,
    options: RequestOptions,
    read: (response: Response) => Promise<T>,
  ): Promise<T> {
    const auth = options.auth !== false;
    const used = auth ? deps.tokens.token() : null;
    const response = await send(method, path, options, used);
    if (!auth || response.status !== 401) return read(response);
    const error = await answer<never>(response).catch((e: unknown) => e);
    if (!(error instanceof ApiError) || error.code !== 'TOKEN_EXPIRED') throw error;
    // Another request may have refreshed the token while this one was in flight: then just use the new one.
    const fresh = deps.tokens.token() !== used || (await deps.tokens.refresh());
    if (!fresh) throw error;
    return read(await send(method, path, options, deps.tokens.token()));
  }

  const request = <T>(method: HttpMethod, path: string, options: RequestOptions = {}) =>
    exchange(method, path, options, (response) => answer<T>(response));

  return {
    request,
    get: (path, options) => request('GET', path, options),
    post: (path, body, options) => request('POST', path, { ...options, body }),
    download: (path, options = {}) => exchange('GET', path, options, file),
  };
}
