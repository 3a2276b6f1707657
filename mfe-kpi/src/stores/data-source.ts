/**
 * Where the analytics data comes from: `manifest.json` through the console's API client (authenticated,
 * scoped to the user's subtree by the API), and the files next to it. The files' base URL is the API's
 * `/analytics/` unless the page says otherwise with `<meta name="vwu-analytics-base" content="…">`.
 */
import { api } from '@vwu/context';
import { parseManifest, type AnalyticsManifest } from '../engine/manifest.js';

/** Path of the manifest under the API. */
export const MANIFEST_PATH = '/analytics/manifest.json';

/** The API's base as the shell's client uses it (`<meta name="vwu-api-base">`, else '/api'). */
function apiBase(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="vwu-api-base"]');
  return (meta?.content || '/api').replace(/\/$/, '');
}

/**
 * The base URL of the data files (relative to the page).
 *
 * @example dataBaseUrl() // '/api/analytics/'
 */
export function dataBaseUrl(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="vwu-analytics-base"]');
  return meta?.content || `${apiBase()}/analytics/`;
}

/**
 * Fetches and checks the manifest.
 *
 * @throws ApiError from the client, ManifestError for a manifest this module cannot read.
 */
export async function fetchManifest(signal: AbortSignal): Promise<AnalyticsManifest> {
  return parseManifest(await api.get<unknown>(MANIFEST_PATH, { signal }));
}
