// The console page: the shell's template with the current import map inline (before any module script), the
// shell's stylesheet and root config; and its Content-Security-Policy, which allows that one inline script by
// its hash and nothing from another host.
import { createHash } from 'node:crypto';
import { CSP_DIRECTIVES } from '../http/security.js';
import { API_PREFIX } from './rewrite.js';
import type { ImportMap } from './import-map.js';

/** The placeholder of the shell's `index.html` where the head goes. */
export const HEAD_PLACEHOLDER = '<!--vwu:head-->';
/** Import-map name of the shell's root config, the page's one module script. */
export const ROOT_CONFIG = '@vwu/root-config';
/** Cookie in which a developer lists import-map overrides (only read when IMPORT_MAP_OVERRIDES is on). */
export const OVERRIDES_COOKIE = 'vwu-import-map-overrides';

/** Origins a developer's override may point at: this origin, or a dev server on this machine. */
const LOCAL_DEV_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*'];

function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** A rendered page with its CSP header. */
export interface RenderedPage {
  html: string;
  csp: string;
}

function cspHeader(importMapHash: string, devOrigins: boolean): string {
  const directives: Record<string, string[]> = { ...CSP_DIRECTIVES };
  const extra = devOrigins ? LOCAL_DEV_ORIGINS : [];
  directives.scriptSrc = [...(CSP_DIRECTIVES.scriptSrc ?? []), `'${importMapHash}'`, ...extra];
  directives.connectSrc = [
    ...(CSP_DIRECTIVES.connectSrc ?? []),
    ...extra,
    ...(devOrigins ? ['ws://localhost:*'] : []),
  ];
  directives.styleSrc = [...(CSP_DIRECTIVES.styleSrc ?? []), ...extra];
  return Object.entries(directives)
    .map(([name, values]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(' ')}`)
    .join('; ');
}

/**
 * Renders the page.
 *
 * @throws Error when the template has no placeholder or the map no root config (a broken shell build).
 * @example const { html, csp } = renderPage(shell.template, { importMap, stylesheet });
 */
export function renderPage(
  template: string,
  options: { importMap: ImportMap; stylesheet: string; devOrigins?: boolean },
): RenderedPage {
  if (!template.includes(HEAD_PLACEHOLDER)) throw new Error(`The shell template has no ${HEAD_PLACEHOLDER}`);
  const entry = options.importMap.imports[ROOT_CONFIG];
  if (entry === undefined) throw new Error(`The import map has no ${ROOT_CONFIG}`);
  const mapJson = scriptJson(options.importMap);
  const integrity = options.importMap.integrity?.[entry];
  const head = [
    `<meta name="vwu-api-base" content="${API_PREFIX}">`,
    `<script type="importmap">${mapJson}</script>`,
    `<link rel="stylesheet" href="${attr(options.stylesheet)}">`,
    `<script type="module" src="${attr(entry)}"${integrity ? ` integrity="${attr(integrity)}" crossorigin="anonymous"` : ''}></script>`,
  ];
  const hash = `sha256-${createHash('sha256').update(mapJson).digest('base64')}`;
  return {
    html: template.replace(HEAD_PLACEHOLDER, head.join('\n    ')),
    csp: cspHeader(hash, options.devOrigins === true),
  };
}

function allowedOverride(url: string): boolean {
  if (url.startsWith('/') && !url.startsWith('//')) return true;
  return /^http:\/\/(?:localhost|127\.0\.0\.1):\d{1,5}\//.test(url);
}

/**
 * A developer's overrides applied to the map: names already in the map (or any `@vwu/…` module) pointed at
 * same-origin paths or a dev server on localhost; their SRI is dropped (the override is not a deployed
 * build). Unusable entries are ignored.
 *
 * @example applyOverrides(map, '{"@vwu/mfe-members":"http://localhost:5173/src/main.ts"}')
 */
export function applyOverrides(map: ImportMap, cookie: string | undefined): ImportMap {
  if (cookie === undefined || cookie === '') return map;
  let raw: unknown;
  try {
    raw = JSON.parse(cookie);
  } catch {
    return map;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return map;
  const imports = { ...map.imports };
  const integrity = { ...map.integrity };
  for (const [name, url] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof url !== 'string' || !allowedOverride(url)) continue;
    if (!(name in imports) && !/^@vwu\/[a-z][a-z0-9-]{1,39}$/.test(name)) continue;
    const old = imports[name];
    if (old !== undefined) delete integrity[old];
    imports[name] = url;
  }
  return { ...map, imports, integrity };
}
