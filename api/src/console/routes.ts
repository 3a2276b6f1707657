import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Type } from 'typebox';
import type { AccessRule } from '../access/rules.js';
import { bundleFiles, currentDeployments, type StoredFile } from '../deployments/queries.js';
import { apiError } from '../errors.js';
import { mergeImportMaps, rebaseImportMap, type ImportMap } from './import-map.js';
import { OVERRIDES_COOKIE, applyOverrides, renderPage } from './page.js';
import { CONSOLE_ROUTES } from './rewrite.js';
import { sendBuffer, sendPath } from './send.js';
import { shellLoader } from './shell-build.js';

/** The page, the shell's code and the modules' code are public: what a user may see is decided by the API. */
const PUBLIC: AccessRule = { public: true };
const BUNDLE_CACHE_SIZE = 256;

const BundleParams = Type.Object({
  bundleHash: Type.String({ pattern: '^[0-9a-f]{64}$', examples: ['0'.repeat(64)] }),
});
const ShellParams = Type.Object({
  build: Type.String({ pattern: '^[0-9a-f]{16}$', examples: ['0'.repeat(16)] }),
});

/** The file path matched by a route's trailing `*` (TypeBox cannot name a '*' property in a schema). */
function rest(request: FastifyRequest): string {
  return (request.params as Record<string, string | undefined>)['*'] ?? '';
}
const ImportMapOut = Type.Object({
  imports: Type.Record(Type.String(), Type.String()),
  integrity: Type.Optional(Type.Record(Type.String(), Type.String())),
  scopes: Type.Optional(Type.Record(Type.String(), Type.Record(Type.String(), Type.String()))),
});

/**
 * Serves the console (see api/README.md "The console"): `GET /importmap.json` (the shell's shared packages
 * and root config merged with each module's published version, with SRI), the page at every other path
 * (inline import map allowed by its hash in the CSP), the shell's build under `/shell/<build>/` and the
 * modules' content-addressed bundles under `/bundles/<sha256>/`, both cached as immutable.
 */
export const consolePlugin = fp(
  async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    const settings = fastify.config.console;
    const shell = shellLoader(settings.shellDist);
    const bundles = new Map<string, Record<string, StoredFile>>();
    const hide = { hide: true };

    async function importMap(): Promise<ImportMap> {
      const current = await currentDeployments(fastify.store);
      const modules = [...current.values()].map((d) =>
        rebaseImportMap(d.bundle.importMap, `/bundles/${d.bundle.bundleHash}/`),
      );
      return mergeImportMaps(shell()?.importMap ?? { imports: {} }, ...modules);
    }

    async function filesOf(hash: string): Promise<Record<string, StoredFile> | undefined> {
      const cached = bundles.get(hash);
      if (cached !== undefined) return cached;
      const files = await bundleFiles(fastify.store, hash);
      if (files === undefined) return undefined;
      if (bundles.size >= BUNDLE_CACHE_SIZE) bundles.delete(bundles.keys().next().value as string);
      bundles.set(hash, files);
      return files;
    }

    async function page(request: FastifyRequest, reply: FastifyReply) {
      const path = request.url.split('?')[0] ?? '';
      if (/\.[A-Za-z0-9]{1,8}$/.test(path.split('/').pop() ?? '')) throw apiError('NOT_FOUND');
      const build = shell();
      if (build === undefined) throw apiError('CONSOLE_NOT_BUILT');
      let map = await importMap();
      if (settings.importMapOverrides) map = applyOverrides(map, request.cookies?.[OVERRIDES_COOKIE]);
      const rendered = renderPage(build.template, {
        importMap: map,
        stylesheet: build.stylesheet,
        devOrigins: settings.importMapOverrides,
      });
      reply.header('content-security-policy', rendered.csp);
      reply.header('cache-control', 'no-store');
      reply.type('text/html; charset=utf-8');
      return reply.send(rendered.html);
    }

    app.get(
      '/importmap.json',
      {
        config: { access: PUBLIC },
        schema: {
          tags: ['console'],
          summary:
            "The console's import map: shared packages, the shell, and each module's published version",
          security: [],
          response: { 200: ImportMapOut },
        },
      },
      async (_request, reply) => {
        reply.header('cache-control', 'no-store');
        return importMap();
      },
    );

    app.get(
      `${CONSOLE_ROUTES}/shell/:build/*`,
      { config: { access: PUBLIC }, schema: { ...hide, params: ShellParams } },
      async (request, reply) => {
        const build = shell();
        const file =
          build?.base === `/shell/${request.params.build}/` ? build.file(rest(request)) : undefined;
        if (file === undefined) throw apiError('NOT_FOUND');
        return sendBuffer(request, reply, rest(request), file);
      },
    );

    app.get(
      `${CONSOLE_ROUTES}/bundles/:bundleHash/*`,
      { config: { access: PUBLIC }, schema: { ...hide, params: BundleParams } },
      async (request, reply) => {
        const path = rest(request);
        const stored = (await filesOf(request.params.bundleHash))?.[path];
        const blobs = fastify.deployments.blobs;
        if (stored === undefined || !blobs.has(stored.sha256)) throw apiError('NOT_FOUND');
        return sendPath(
          request,
          reply,
          path,
          blobs.pathOf(stored.sha256),
          blobs.gzipPathOf(stored.sha256),
          `"${stored.sha256}"`,
        );
      },
    );

    app.get(`${CONSOLE_ROUTES}/`, { config: { access: PUBLIC }, schema: hide }, page);
    app.get(`${CONSOLE_ROUTES}/*`, { config: { access: PUBLIC }, schema: hide }, page);
  },
  {
    name: 'vwu-console',
    fastify: '5.x',
    dependencies: ['vwu-access', 'vwu-store', 'vwu-deployments', 'vwu-accounts'],
  },
);
