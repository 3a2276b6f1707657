import type { ConsoleConfig } from './config.js';

/** Prefix under which the browser (and every client) reaches the JSON API. */
export const API_PREFIX = '/api';
/** Internal prefix of the console's routes: every path outside `/api` when the console is served. */
export const CONSOLE_ROUTES = '/_console';
/** Paths that stay at the root even when the console is served (probes, scrapers, docs, the import map). */
const ROOT_PATHS = ['/health', '/metrics', '/docs', '/importmap.json'];

function hasPrefix(url: string, prefix: string): boolean {
  return url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`);
}

/**
 * Fastify's `rewriteUrl`: `/api/…` reaches the API's routes (registered at the root); when the console is
 * served, every other path except `/health`, `/metrics`, `/docs` and `/importmap.json` reaches the console's routes under
 * {@link CONSOLE_ROUTES}, so that the console's `/members` page and the API's `/api/members` never meet.
 * Without the console the API also answers at the root (tests, API-only deployments).
 *
 * @example consoleRewrite({ serve: true, … })('/api/units/search?q=a') // '/units/search?q=a'
 */
export function consoleRewrite(config: Pick<ConsoleConfig, 'serve'>): (url: string) => string {
  return (url) => {
    if (hasPrefix(url, API_PREFIX)) {
      const rest = url.slice(API_PREFIX.length);
      return rest.startsWith('/') ? rest : `/${rest}`;
    }
    if (!config.serve || ROOT_PATHS.some((path) => hasPrefix(url, path))) return url;
    return `${CONSOLE_ROUTES}${url}`;
  };
}
