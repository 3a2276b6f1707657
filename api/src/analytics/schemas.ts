import { Type } from 'typebox';

const Url = Type.String({
  description:
    'Signed URL of the file relative to <apiBase>/analytics/: files/<path>?u=<user>&exp=<unix>&sig=<hmac>',
});

/** One event file as the manifest route shows it: the pipeline's entry plus its signed `url`. */
export const ManifestFileOut = Type.Object(
  {
    path: Type.String(),
    url: Url,
    type: Type.String(),
    province: Type.String({ description: "Current province key, e.g. '2025:80'" }),
    month: Type.String({ description: "Vietnam calendar month 'YYYY-MM'" }),
    rows: Type.Integer(),
    bytes: Type.Integer(),
    min_time: Type.String(),
    max_time: Type.String(),
    sha256: Type.String(),
    source: Type.Unknown({ description: 'Kafka offsets the file holds (pipeline bookkeeping)' }),
  },
  { title: 'AnalyticsFile' },
);

/** One rollup file with its signed `url`. */
export const ManifestRollupOut = Type.Object(
  {
    path: Type.String(),
    url: Url,
    grain: Type.Union([Type.Literal('month'), Type.Literal('day')]),
    view: Type.Union([Type.Literal('current'), Type.Literal('recorded')]),
    month: Type.String(),
    rows: Type.Integer(),
    bytes: Type.Integer(),
    sha256: Type.String(),
  },
  { title: 'AnalyticsRollup' },
);

/** `GET /analytics/manifest.json`: the pipeline's manifest (version 1) cut to the caller's scope. */
export const ScopedManifest = Type.Object(
  {
    version: Type.Literal(1),
    generation: Type.Integer(),
    generated_at: Type.String(),
    scope: Type.Object({ key: Type.String(), level: Type.String() }),
    urls_expire_at: Type.String({ description: 'When the signed URLs stop working (ISO instant)' }),
    files: Type.Array(ManifestFileOut),
    retired: Type.Array(Type.Unknown(), { maxItems: 0, description: 'Always empty for readers' }),
    rollups: Type.Array(ManifestRollupOut, {
      description:
        'Central scope: the national rollups; other scopes: the same cut to their subtree (slices/…)',
    }),
    rollups_pending: Type.Integer({
      description: 'Rollups still being cut for this scope (ask again shortly)',
    }),
  },
  { title: 'AnalyticsManifest' },
);

/** The signature part of a file URL. */
export const FileQuery = Type.Object(
  {
    u: Type.Integer({ minimum: 1, description: 'User the URL was issued to' }),
    exp: Type.Integer({ minimum: 0, description: 'Expiry, seconds since the epoch' }),
    sig: Type.String({ minLength: 1, maxLength: 64, description: 'HMAC-SHA256, base64url' }),
  },
  { additionalProperties: false },
);
