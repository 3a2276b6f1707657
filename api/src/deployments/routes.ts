import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { requireAccess } from '../access/plugin.js';
import type { AccessRule } from '../access/rules.js';
import { apiError } from '../errors.js';
import { withErrors } from '../http/schemas.js';
import { BlobStore } from './blobs.js';
import { currentDeployments, listBundles, type BundleRow } from './queries.js';
import {
  AppParams,
  DeploymentsOut,
  PublishBody,
  PublishOut,
  RollbackBody,
  UploadOut,
  VersionsOut,
} from './schemas.js';
import { publishVersion, rollBack, uploadBundle, type Actor, type DeploymentDeps } from './service.js';
import { isAppName } from './verify.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The deployments' blob store (the console serves module files from it). */
    deployments: { blobs: BlobStore };
  }
}

/** Only module deployers upload, publish and roll back (the import-map-deployer role). */
const DEPLOYER: AccessRule = { roles: ['module_deployer'], unit: 'none' };
/** Content types an archive may be sent with. */
const ARCHIVE_TYPES = ['application/gzip', 'application/x-gzip', 'application/x-tar+gzip'];

function bundleOut(bundle: BundleRow, currentId: number | undefined) {
  return {
    app: bundle.app,
    version: bundle.version,
    bundleHash: bundle.bundleHash,
    entry: `/bundles/${bundle.bundleHash}/${bundle.entry}`,
    fileCount: bundle.fileCount,
    totalBytes: bundle.totalBytes,
    uploadedAt: bundle.uploadedAt.toISOString(),
    current: bundle.id === currentId,
  };
}

function checkedApp(app: string): string {
  if (!isAppName(app)) throw apiError('DEPLOY_APP_INVALID');
  return app;
}

function actorOf(request: FastifyRequest): Actor {
  return { userId: requireAccess(request).principal.userId, requestId: request.id };
}

/**
 * Micro-frontend deployments (module deployers only, every write audited): upload an immutable versioned
 * bundle (`POST /deployments/:app/versions`, a tar.gz of the module's dist/), list versions, publish one to
 * the import map and roll back. The console serves the import map and the bundles' files.
 */
export const deploymentsPlugin = fp(
  async (fastify: FastifyInstance) => {
    const blobs = new BlobStore(fastify.config.deploy.dir);
    fastify.decorate('deployments', { blobs });
    const deps: DeploymentDeps = {
      store: fastify.store,
      blobs,
      clock: fastify.clock,
      limits: fastify.config.deploy,
    };
    const tags = ['deployments'];

    await fastify.register(async (scope) => {
      const app = scope.withTypeProvider<TypeBoxTypeProvider>();
      const limit = fastify.config.deploy.maxArchiveBytes;
      // The archive is read here, bounded, into one buffer; everything else about it happens in the handler.
      app.addContentTypeParser(
        ARCHIVE_TYPES,
        async (request: FastifyRequest, payload: NodeJS.ReadableStream) => {
          const declared = Number(request.headers['content-length'] ?? 0);
          if (declared > limit) throw apiError('DEPLOY_ARCHIVE_TOO_LARGE', { limit, what: 'archive' });
          const chunks: Buffer[] = [];
          let size = 0;
          for await (const chunk of payload) {
            size += (chunk as Buffer).length;
            if (size > limit) throw apiError('DEPLOY_ARCHIVE_TOO_LARGE', { limit, what: 'archive' });
            chunks.push(chunk as Buffer);
          }
          return Buffer.concat(chunks);
        },
      );

      app.post(
        '/deployments/:app/versions',
        {
          bodyLimit: limit,
          config: { access: DEPLOYER },
          schema: {
            tags,
            summary:
              "Upload a module's bundle (tar.gz of its dist/ with deploy.json); it is verified and stored",
            params: AppParams,
            response: withErrors({ 200: UploadOut, 201: UploadOut }),
          },
        },
        async (request, reply) => {
          const appName = checkedApp(request.params.app);
          if (!Buffer.isBuffer(request.body) || request.body.length === 0)
            throw apiError('DEPLOY_ARCHIVE_TYPE');
          const { bundle, created } = await uploadBundle(deps, appName, request.body, actorOf(request));
          const current = (await currentDeployments(fastify.store)).get(appName)?.bundle.id;
          return reply.status(created ? 201 : 200).send({ bundle: bundleOut(bundle, current), created });
        },
      );
    });

    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/deployments',
      {
        config: { access: DEPLOYER },
        schema: {
          tags,
          summary: 'The version each module serves now',
          response: withErrors({ 200: DeploymentsOut }),
        },
      },
      async () => {
        const current = await currentDeployments(fastify.store);
        return {
          modules: [...current.values()].map((d) => ({
            app: d.bundle.app,
            version: d.bundle.version,
            entry: `/bundles/${d.bundle.bundleHash}/${d.bundle.entry}`,
            publishedAt: d.publishedAt.toISOString(),
          })),
        };
      },
    );

    app.get(
      '/deployments/:app/versions',
      {
        config: { access: DEPLOYER },
        schema: {
          tags,
          summary: 'Every stored version of a module, newest first',
          params: AppParams,
          response: withErrors({ 200: VersionsOut }),
        },
      },
      async (request) => {
        const appName = checkedApp(request.params.app);
        const current = (await currentDeployments(fastify.store)).get(appName);
        const versions = await listBundles(fastify.store, appName);
        return {
          app: appName,
          currentVersion: current?.bundle.version ?? null,
          versions: versions.map((b) => bundleOut(b, current?.bundle.id)),
        };
      },
    );

    app.post(
      '/deployments/:app/publish',
      {
        config: { access: DEPLOYER },
        schema: {
          tags,
          summary: 'Serve a stored version of a module from the import map (atomic; audited)',
          params: AppParams,
          body: PublishBody,
          response: withErrors({ 200: PublishOut }),
        },
      },
      async (request) => {
        const appName = checkedApp(request.params.app);
        const { bundle, previous } = await publishVersion(
          deps,
          appName,
          request.body.version,
          'publish',
          actorOf(request),
        );
        return publishOut(bundle, previous);
      },
    );

    app.post(
      '/deployments/:app/rollback',
      {
        config: { access: DEPLOYER },
        schema: {
          tags,
          summary: 'Go back to an earlier version (by default the one served before the current one)',
          params: AppParams,
          body: RollbackBody,
          response: withErrors({ 200: PublishOut }),
        },
      },
      async (request) => {
        const appName = checkedApp(request.params.app);
        const { bundle, previous } = await rollBack(deps, appName, request.body.version, actorOf(request));
        return publishOut(bundle, previous);
      },
    );
  },
  { name: 'vwu-deployments', fastify: '5.x', dependencies: ['vwu-access', 'vwu-store'] },
);

function publishOut(bundle: BundleRow, previous: BundleRow | undefined) {
  return {
    app: bundle.app,
    version: bundle.version,
    entry: `/bundles/${bundle.bundleHash}/${bundle.entry}`,
    previousVersion: previous?.version ?? null,
  };
}
