// The dev server's page for one micro-frontend: the real console (the shell's built page, its import map),
// with this micro-frontend mapped to its source on the dev server and the shared packages' dev builds.
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { Plugin } from 'vite';
import { renderConsolePage } from './console-page.js';
import type { DeployManifest } from './deploy-manifest.js';
import { mergeImportMaps, rebaseImportMap } from './import-map.js';
import { DEV_FILES, sharedPackages } from './shared-packages.js';

/** Options of {@link devPage}. */
export interface DevPageOptions {
  /** Import-map name of the micro-frontend, e.g. '@vwu/mfe-members'. */
  name: string;
  /** Its entry source, served by the dev server, e.g. '/src/entry.ts'. */
  entry: string;
  /** The shell workspace; its `dist/` must be built (`npm run build -w @vwu/shell`). */
  shellRoot: string;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};
const SHELL_BASE = '/@vwu-shell/';
const SHARED_BASE = '/@vwu-shared/';

/**
 * Serves, next to Vite's own routes: the console page at every other HTML navigation, the shell's `dist/`
 * under `/@vwu-shell/`, and the shared packages' development builds under `/@vwu-shared/`. The import map is
 * the shell's, with the shared packages swapped for their dev builds and `name` pointing at `entry`.
 */
export function devPage(options: DevPageOptions): Plugin {
  const dist = join(options.shellRoot, 'dist');
  const dev = sharedPackages(options.shellRoot, DEV_FILES);
  return {
    name: 'vwu:dev-page',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://dev.invalid');
        const send = (type: string, body: string | Buffer) => {
          res.setHeader('content-type', type);
          res.setHeader('cache-control', 'no-store');
          res.end(body);
        };
        if (url.pathname.startsWith(SHARED_BASE)) {
          const shared = dev.find((p) => url.pathname === `${SHARED_BASE}${p.name}.js`);
          return shared ? send('text/javascript', readFileSync(shared.source)) : next();
        }
        if (url.pathname.startsWith(SHELL_BASE)) {
          const file = normalize(join(dist, url.pathname.slice(SHELL_BASE.length)));
          if (!file.startsWith(dist) || !existsSync(file)) return next();
          return send(TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
        }
        const wantsPage = req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
        if (!wantsPage || url.pathname.startsWith('/@') || url.pathname.startsWith('/src/')) return next();
        if (!existsSync(join(dist, 'deploy.json'))) {
          return send('text/plain; charset=utf-8', 'Build the shell first: npm run build -w @vwu/shell');
        }
        const shell = JSON.parse(readFileSync(join(dist, 'deploy.json'), 'utf8')) as DeployManifest;
        const base = rebaseImportMap(shell.importMap, SHELL_BASE);
        const devShared = Object.fromEntries(dev.map((p) => [p.name, `${SHARED_BASE}${p.name}.js`]));
        const importMap = mergeImportMaps(base, { imports: { ...devShared, [options.name]: options.entry } });
        // Dev builds and the dev entry change on every edit: no SRI for them.
        importMap.integrity = Object.fromEntries(
          Object.entries(importMap.integrity ?? {}).filter(([u]) => !Object.values(devShared).includes(u)),
        );
        const template = readFileSync(join(dist, 'index.html'), 'utf8');
        const stylesheet = `${SHELL_BASE}${(shell.stylesheet ?? '').replace(/^\.\//, '')}`;
        const { html } = renderConsolePage(template, { importMap, stylesheet });
        return send(
          'text/html; charset=utf-8',
          html.replace('</head>', '<script type="module" src="/@vite/client"></script>\n</head>'),
        );
      });
    },
  };
}
