import type { Queryable } from '../store/store.js';

/** A stored file of a bundle: its blob hash and size. */
export interface StoredFile {
  sha256: string;
  size: number;
}

/** A stored bundle as the routes and the import map use it. */
export interface BundleRow {
  id: number;
  app: string;
  version: string;
  bundleHash: string;
  entry: string;
  importMap: { imports: Record<string, string>; integrity: Record<string, string> };
  fileCount: number;
  totalBytes: number;
  uploadedBy: number | null;
  uploadedAt: Date;
}

interface RawBundle {
  id: string | number;
  app: string;
  version: string;
  bundle_hash: string;
  entry: string;
  import_map: BundleRow['importMap'];
  file_count: number;
  total_bytes: string | number;
  uploaded_by: number | null;
  uploaded_at: Date | string;
}

const COLUMNS = `b.id, b.app, b.version, b.bundle_hash, b.entry, b.import_map, b.file_count, b.total_bytes,
  b.uploaded_by, b.uploaded_at`;

function toRow(raw: RawBundle): BundleRow {
  return {
    id: Number(raw.id),
    app: raw.app,
    version: raw.version,
    bundleHash: raw.bundle_hash,
    entry: raw.entry,
    importMap: raw.import_map,
    fileCount: raw.file_count,
    totalBytes: Number(raw.total_bytes),
    uploadedBy: raw.uploaded_by,
    uploadedAt: new Date(raw.uploaded_at),
  };
}

/** The bundle of a module's version, if stored. */
export async function findBundle(q: Queryable, app: string, version: string): Promise<BundleRow | undefined> {
  const { rows } = await q.query<RawBundle>(
    `SELECT ${COLUMNS} FROM mfe_bundle b WHERE b.app = $1 AND b.version = $2`,
    [app, version],
  );
  return rows[0] === undefined ? undefined : toRow(rows[0]);
}

/** The files of a bundle by its content hash (any module, any version), for serving them. */
export async function bundleFiles(
  q: Queryable,
  bundleHash: string,
): Promise<Record<string, StoredFile> | undefined> {
  const { rows } = await q.query<{ files: Record<string, StoredFile> }>(
    'SELECT files FROM mfe_bundle WHERE bundle_hash = $1 LIMIT 1',
    [bundleHash],
  );
  return rows[0]?.files;
}

/** What {@link insertBundle} stores. */
export interface NewBundle {
  app: string;
  version: string;
  bundleHash: string;
  entry: string;
  importMap: BundleRow['importMap'];
  files: Record<string, StoredFile>;
  totalBytes: number;
  uploadedBy: number;
  uploadedAt: Date;
}

/** Stores a bundle's row; the (app, version) pair is unique. */
export async function insertBundle(q: Queryable, bundle: NewBundle): Promise<BundleRow> {
  const { rows } = await q.query<RawBundle>(
    `INSERT INTO mfe_bundle AS b (app, version, bundle_hash, entry, import_map, files, file_count, total_bytes,
       uploaded_by, uploaded_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9, $10)
     RETURNING ${COLUMNS}`,
    [
      bundle.app,
      bundle.version,
      bundle.bundleHash,
      bundle.entry,
      JSON.stringify(bundle.importMap),
      JSON.stringify(bundle.files),
      Object.keys(bundle.files).length,
      bundle.totalBytes,
      bundle.uploadedBy,
      bundle.uploadedAt,
    ],
  );
  return toRow(rows[0] as RawBundle);
}

/** Every stored version of a module, newest upload first. */
export async function listBundles(q: Queryable, app: string): Promise<BundleRow[]> {
  const { rows } = await q.query<RawBundle>(
    `SELECT ${COLUMNS} FROM mfe_bundle b WHERE b.app = $1 ORDER BY b.id DESC`,
    [app],
  );
  return rows.map(toRow);
}

/** A module's current deployment. */
export interface CurrentDeployment {
  bundle: BundleRow;
  publishedAt: Date;
  publishedBy: number | null;
}

/** The version each module currently serves, by module name. */
export async function currentDeployments(q: Queryable): Promise<Map<string, CurrentDeployment>> {
  const { rows } = await q.query<RawBundle & { published_at: Date | string; published_by: number | null }>(
    `SELECT ${COLUMNS}, d.published_at, d.published_by
       FROM mfe_deployment d JOIN mfe_bundle b ON b.id = d.bundle_id ORDER BY d.app`,
  );
  return new Map(
    rows.map((raw) => [
      raw.app,
      { bundle: toRow(raw), publishedAt: new Date(raw.published_at), publishedBy: raw.published_by },
    ]),
  );
}

/**
 * Points a module at a bundle inside the caller's transaction, locking the module's row first so that two
 * publications of the same module are serialised; returns the bundle it served before.
 */
export async function publishBundle(
  tx: Queryable,
  publication: { app: string; bundleId: number; kind: 'publish' | 'rollback'; by: number; at: Date },
): Promise<number | undefined> {
  const { rows } = await tx.query<{ bundle_id: string | number }>(
    'SELECT bundle_id FROM mfe_deployment WHERE app = $1 FOR UPDATE',
    [publication.app],
  );
  const previous = rows[0] === undefined ? undefined : Number(rows[0].bundle_id);
  await tx.query(
    `INSERT INTO mfe_deployment (app, bundle_id, published_by, published_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (app) DO UPDATE SET bundle_id = EXCLUDED.bundle_id, published_by = EXCLUDED.published_by,
       published_at = EXCLUDED.published_at`,
    [publication.app, publication.bundleId, publication.by, publication.at],
  );
  await tx.query(
    `INSERT INTO mfe_publication (app, bundle_id, kind, published_by, published_at) VALUES ($1, $2, $3, $4, $5)`,
    [publication.app, publication.bundleId, publication.kind, publication.by, publication.at],
  );
  return previous;
}

/** The bundle a module served before its current one (its previous publication), if any. */
export async function previousBundleId(q: Queryable, app: string): Promise<number | undefined> {
  const { rows } = await q.query<{ bundle_id: string | number }>(
    `SELECT p.bundle_id FROM mfe_publication p
      WHERE p.app = $1 AND p.bundle_id <> (SELECT bundle_id FROM mfe_deployment WHERE app = $1)
      ORDER BY p.id DESC LIMIT 1`,
    [app],
  );
  return rows[0] === undefined ? undefined : Number(rows[0].bundle_id);
}

/** A bundle by id. */
export async function bundleById(q: Queryable, id: number): Promise<BundleRow | undefined> {
  const { rows } = await q.query<RawBundle>(`SELECT ${COLUMNS} FROM mfe_bundle b WHERE b.id = $1`, [id]);
  return rows[0] === undefined ? undefined : toRow(rows[0]);
}
