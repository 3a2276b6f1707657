import { open, realpath, type FileHandle } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { parseUnitKey, type Unit } from '@vwu/contracts';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { requireAccess } from '../access/plugin.js';
import { isRole, type AccessRule } from '../access/rules.js';
import { apiError } from '../errors.js';
import { ErrorResponse, withErrors } from '../http/schemas.js';
import { ManifestSource, type LoadedManifest } from './manifest-source.js';
import { parseRange } from './ranges.js';
import { FileQuery, ScopedManifest } from './schemas.js';
import { FileUrlSigner, type FileGrant } from './signing.js';
import { RollupSlices, SLICES_PREFIX } from './slices.js';
import { ANALYTICS_ROLES, entryVisible, eventFileVisible, rollupVisible } from './visibility.js';

/** The manifest: analysts, province leaders and commune officers, each cut to their own scope. */
const READERS: AccessRule = { roles: ANALYTICS_ROLES, unit: 'none' };
/** Files carry their own credential (the signed URL): the DuckDB worker cannot attach the session token. */
const SIGNED_URL: AccessRule = { public: true };

/** IANA media type of Parquet files. */
const PARQUET_TYPE = 'application/vnd.apache.parquet';
/** A manifest path the route will even look up: under events/ or rollups/, plain segments, a .parquet name. */
const LISTABLE_PATH = /^(events|rollups|slices)(\/[A-Za-z0-9_=.-]+)+\.parquet$/;

interface FileRoute {
  Params: { '*': string };
  Querystring: { u: number; exp: number; sig: string };
}

interface Grantee {
  role: string;
  scope_unit_key: string;
}

/** A file a request may read: where it lies and its content hash. */
interface Readable {
  root: string;
  file: string;
  sha256: string;
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

/**
 * Analytics files. `GET /analytics/manifest.json` returns the pipeline's manifest cut to the caller's scope,
 * each entry with a signed `url`; `GET`/`HEAD /analytics/files/*` serves a listed file to the holder of a
 * valid signed URL whose user may still read it now, with byte ranges (206/416), ETag (the content hash),
 * conditional requests and immutable private caching. Only paths listed in the current manifest are ever
 * opened, so no path in a request can reach another file.
 */
export const analyticsPlugin = fp(
  async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    const source = new ManifestSource(app.config.analytics.dir);
    const signer = new FileUrlSigner(app.config.jwtSecret);
    const root = resolve(app.config.analytics.dir);
    const sliceRoot = resolve(app.config.analytics.sliceDir);
    const slices = new RollupSlices(root, sliceRoot, app.hierarchy, app.log);
    app.addHook('onClose', async () => slices.close());
    const tags = ['analytics'];

    const loadManifest = async (): Promise<LoadedManifest> => {
      try {
        return await source.load();
      } catch (error) {
        app.log.error({ err: { message: (error as Error).message } }, 'analytics manifest unreadable');
        throw apiError('ANALYTICS_UNAVAILABLE');
      }
    };

    app.get(
      '/analytics/manifest.json',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: 'The analytics manifest, cut to your scope, with signed file URLs',
          response: withErrors({ 200: ScopedManifest }),
        },
      },
      async (request, reply) => {
        const { principal, scope } = requireAccess(request);
        const { manifest } = await loadManifest();
        const grant: FileGrant = {
          userId: principal.userId,
          exp: signer.expiry(app.clock(), app.config.analytics.urlTtlS),
        };
        void reply.header('cache-control', 'private, no-cache');
        // National rollups for a national scope; elsewhere each one cut to the scope (slices.ts), once ready.
        const rollups = rollupVisible(scope)
          ? manifest.rollups
          : manifest.rollups.flatMap((r) => slices.get(r, scope) ?? []);
        return {
          version: manifest.version,
          generation: manifest.generation,
          generated_at: manifest.generated_at,
          scope: { key: scope.key, level: scope.level },
          urls_expire_at: new Date(grant.exp * 1000).toISOString(),
          files: manifest.files
            .filter((f) => eventFileVisible(app.hierarchy, f, scope))
            .map((f) => ({ ...f, url: signer.url(f.path, grant) })),
          retired: [],
          rollups: rollups.map((r) => ({
            path: r.path,
            grain: r.grain,
            view: r.view,
            month: r.month,
            rows: r.rows,
            bytes: r.bytes,
            sha256: r.sha256,
            url: signer.url(r.path, grant),
          })),
          rollups_pending: manifest.rollups.length - rollups.length,
        };
      },
    );

    /** The current scope of the URL's user, when they still hold a role that reads analytics. */
    const scopeOf = async (userId: number): Promise<Unit> => {
      const { rows } = await app.store.query<Grantee>(
        'SELECT role, scope_unit_key FROM app_user WHERE id = $1',
        [userId],
      );
      const user = rows[0];
      if (user === undefined || !isRole(user.role) || !ANALYTICS_ROLES.includes(user.role))
        throw apiError('ANALYTICS_LINK_INVALID');
      const scope = app.hierarchy.find(parseUnitKey(user.scope_unit_key));
      if (scope === undefined) throw apiError('ANALYTICS_LINK_INVALID');
      return scope;
    };

    /** The file behind a listed path, if `scope` may read it now. */
    const readableFile = ({ byPath }: LoadedManifest, path: string, scope: Unit): Readable | undefined => {
      if (path.startsWith(`${SLICES_PREFIX}/`)) {
        const slice = slices.find(path);
        if (slice === undefined || slice.scope !== scope.key || byPath.get(slice.from) === undefined)
          return undefined;
        return { root: sliceRoot, file: slice.file, sha256: slice.sha256 };
      }
      const entry = byPath.get(path);
      if (entry === undefined || !entryVisible(app.hierarchy, entry, scope)) return undefined;
      return {
        root,
        file: resolve(root, path),
        sha256: entry.kind === 'event' ? entry.file.sha256 : entry.rollup.sha256,
      };
    };

    const serveFile = async (
      request: FastifyRequest<FileRoute>,
      reply: FastifyReply,
    ): Promise<FastifyReply> => {
      const path = request.params['*'];
      const { u, exp, sig } = request.query;
      const check = signer.check(path, { userId: u, exp }, sig, app.clock());
      if (check === 'invalid') throw apiError('ANALYTICS_LINK_INVALID');
      if (check === 'expired') throw apiError('ANALYTICS_LINK_EXPIRED');
      const scope = await scopeOf(u);
      const readable = LISTABLE_PATH.test(path) ? readableFile(await loadManifest(), path, scope) : undefined;
      if (readable === undefined) throw apiError('ANALYTICS_FILE_NOT_LISTED');
      let handle: FileHandle | undefined;
      try {
        if (!(await realpath(readable.file)).startsWith(`${await realpath(readable.root)}${sep}`))
          throw apiError('ANALYTICS_FILE_NOT_LISTED');
        handle = await open(readable.file, 'r');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw apiError('ANALYTICS_FILE_NOT_LISTED');
        throw error;
      }
      try {
        const size = (await handle.stat()).size;
        const etag = `"${readable.sha256}"`;
        void reply
          .header('etag', etag)
          .header('accept-ranges', 'bytes')
          .header(
            'cache-control',
            `private, max-age=${Math.max(0, exp - Math.floor(app.clock() / 1000))}, immutable`,
          );
        if (matchesEtag(request.headers['if-none-match'], etag)) return await reply.status(304).send();
        const ifRange = request.headers['if-range'];
        const range =
          ifRange !== undefined && ifRange !== etag
            ? { kind: 'whole' as const }
            : parseRange(request.headers.range, size);
        if (range.kind === 'unsatisfiable') {
          void reply.header('content-range', `bytes */${size}`);
          throw apiError('RANGE_NOT_SATISFIABLE', { size, last: Math.max(0, size - 1) });
        }
        const [start, end] = range.kind === 'part' ? [range.start, range.end] : [0, size - 1];
        void reply.type(PARQUET_TYPE).header('content-length', String(Math.max(0, end - start + 1)));
        if (range.kind === 'part')
          void reply.status(206).header('content-range', `bytes ${start}-${end}/${size}`);
        if (request.method === 'HEAD' || size === 0) return await reply.send();
        const stream = handle.createReadStream({ start, end, autoClose: true });
        handle = undefined;
        return reply.send(stream);
      } finally {
        await handle?.close();
      }
    };

    fastify.route<FileRoute>({
      method: ['GET', 'HEAD'],
      url: '/analytics/files/*',
      config: { access: SIGNED_URL },
      schema: {
        tags,
        summary: 'An analytics file (signed URL from the manifest); byte ranges, ETag, HEAD',
        security: [],
        querystring: FileQuery,
        response: { '4xx': ErrorResponse, '5xx': ErrorResponse },
      },
      handler: serveFile,
    });
  },
  { name: 'vwu-analytics', fastify: '5.x', dependencies: ['vwu-access', 'vwu-store'] },
);
