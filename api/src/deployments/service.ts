// Uploading, publishing and rolling back module bundles. An upload is verified completely before anything
// is written; its files go to the content-addressed blob store, then its row and audit entry are committed
// in one transaction (on failure the blobs it created are removed again: nothing half-written). Publishing
// moves the module's import-map entry in one transaction, which locks the module's row.
import type { DeployConfig } from '../console/config.js';
import { recordAudit } from '../audit/audit.js';
import { apiError } from '../errors.js';
import type { Store } from '../store/store.js';
import { ArchiveError, readTarGz } from './archive.js';
import type { BlobStore } from './blobs.js';
import {
  bundleById,
  findBundle,
  insertBundle,
  previousBundleId,
  publishBundle,
  type BundleRow,
  type StoredFile,
} from './queries.js';
import { BundleError, verifyBundle } from './verify.js';

/** What the deployment operations need. */
export interface DeploymentDeps {
  store: Store;
  blobs: BlobStore;
  clock: () => number;
  limits: DeployConfig;
}

/** Who asks, for the audit log. */
export interface Actor {
  userId: number;
  requestId: string;
}

let uploads: Promise<unknown> = Promise.resolve();

/** Runs uploads one at a time in this process (two uploads never race on the same new blob). */
function serialised<T>(fn: () => Promise<T>): Promise<T> {
  const run = uploads.then(fn, fn);
  uploads = run.catch(() => undefined);
  return run;
}

function unpack(archive: Buffer, limits: DeployConfig) {
  try {
    return readTarGz(archive, limits);
  } catch (error) {
    if (!(error instanceof ArchiveError)) throw error;
    if (error.kind === 'too-large')
      throw apiError('DEPLOY_ARCHIVE_TOO_LARGE', { limit: error.limit ?? 0, what: error.message });
    throw apiError('DEPLOY_ARCHIVE_MALFORMED', { problem: error.message });
  }
}

/**
 * Verifies and stores a bundle of module `app`. Uploading the same version again with the same content is
 * harmless (`created: false`); with other content it is refused (versions are immutable).
 *
 * @throws ApiError DEPLOY_ARCHIVE_MALFORMED, DEPLOY_ARCHIVE_TOO_LARGE, DEPLOY_BUNDLE_INVALID, DEPLOY_VERSION_EXISTS.
 */
export async function uploadBundle(
  deps: DeploymentDeps,
  app: string,
  archive: Buffer,
  actor: Actor,
): Promise<{ bundle: BundleRow; created: boolean }> {
  const files = unpack(archive, deps.limits);
  let bundle;
  try {
    bundle = await verifyBundle(app, files);
  } catch (error) {
    if (error instanceof BundleError) throw apiError('DEPLOY_BUNDLE_INVALID', { problem: error.message });
    throw error;
  }
  return serialised(async () => {
    const existing = await findBundle(deps.store, app, bundle.version);
    if (existing !== undefined) {
      if (existing.bundleHash === bundle.bundleHash) return { bundle: existing, created: false };
      throw apiError('DEPLOY_VERSION_EXISTS', { app, version: bundle.version });
    }
    const created: string[] = [];
    try {
      const stored: Record<string, StoredFile> = {};
      for (const file of bundle.files) {
        if (await deps.blobs.put(file.path, file.data, file.sha256)) created.push(file.sha256);
        stored[file.path] = { sha256: file.sha256, size: file.size };
      }
      const at = new Date(deps.clock());
      const row = await deps.store.transaction(async (tx) => {
        const inserted = await insertBundle(tx, {
          app,
          version: bundle.version,
          bundleHash: bundle.bundleHash,
          entry: bundle.entry,
          importMap: bundle.importMap,
          files: stored,
          totalBytes: bundle.totalBytes,
          uploadedBy: actor.userId,
          uploadedAt: at,
        });
        await recordAudit(tx, {
          at,
          actorUserId: actor.userId,
          action: 'deployment.upload',
          entity: 'mfe_bundle',
          entityId: String(inserted.id),
          after: {
            app,
            version: bundle.version,
            bundleHash: bundle.bundleHash,
            files: bundle.files.length,
            bytes: bundle.totalBytes,
          },
          requestId: actor.requestId,
        });
        return inserted;
      });
      return { bundle: row, created: true };
    } catch (error) {
      await deps.blobs.remove(created);
      throw error;
    }
  });
}

/**
 * Makes `version` the one the import map serves for `app` (a publish, or a roll back to an earlier one).
 *
 * @throws ApiError DEPLOY_VERSION_NOT_FOUND.
 */
export async function publishVersion(
  deps: DeploymentDeps,
  app: string,
  version: string,
  kind: 'publish' | 'rollback',
  actor: Actor,
): Promise<{ bundle: BundleRow; previous: BundleRow | undefined }> {
  const at = new Date(deps.clock());
  return deps.store.transaction(async (tx) => {
    const bundle = await findBundle(tx, app, version);
    if (bundle === undefined) throw apiError('DEPLOY_VERSION_NOT_FOUND', { app, version });
    const previousId = await publishBundle(tx, { app, bundleId: bundle.id, kind, by: actor.userId, at });
    const previous = previousId === undefined ? undefined : await bundleById(tx, previousId);
    await recordAudit(tx, {
      at,
      actorUserId: actor.userId,
      action: `deployment.${kind}`,
      entity: 'mfe_deployment',
      entityId: app,
      before: previous === undefined ? null : { version: previous.version, bundleHash: previous.bundleHash },
      after: { version: bundle.version, bundleHash: bundle.bundleHash },
      requestId: actor.requestId,
    });
    return { bundle, previous };
  });
}

/**
 * Rolls `app` back to `version`, or without one to the version it served before the current one.
 *
 * @throws ApiError DEPLOY_NOTHING_TO_ROLL_BACK, DEPLOY_VERSION_NOT_FOUND.
 */
export async function rollBack(
  deps: DeploymentDeps,
  app: string,
  version: string | undefined,
  actor: Actor,
): Promise<{ bundle: BundleRow; previous: BundleRow | undefined }> {
  let target = version;
  if (target === undefined) {
    const id = await previousBundleId(deps.store, app);
    const previous = id === undefined ? undefined : await bundleById(deps.store, id);
    if (previous === undefined) throw apiError('DEPLOY_NOTHING_TO_ROLL_BACK', { app });
    target = previous.version;
  }
  return publishVersion(deps, app, target, 'rollback', actor);
}
