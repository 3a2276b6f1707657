-- Micro-frontend deployments: every uploaded bundle (immutable: one content per module and version), which
-- version of each module the import map currently serves, and every publication (publish or roll back).
-- The files themselves are content-addressed blobs on disk (DEPLOY_DIR/blobs/<sha256>); `files` maps each
-- path of the bundle to its blob.
CREATE TABLE mfe_bundle (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  app         text NOT NULL CHECK (app ~ '^[a-z][a-z0-9-]{1,39}$'),
  version     text NOT NULL,
  bundle_hash text NOT NULL CHECK (bundle_hash ~ '^[0-9a-f]{64}$'),
  entry       text NOT NULL,
  import_map  jsonb NOT NULL,
  files       jsonb NOT NULL,
  file_count  integer NOT NULL CHECK (file_count > 0),
  total_bytes bigint NOT NULL CHECK (total_bytes >= 0),
  uploaded_by integer REFERENCES app_user (id),
  uploaded_at timestamptz NOT NULL,
  UNIQUE (app, version)
);
CREATE INDEX mfe_bundle_hash_idx ON mfe_bundle (bundle_hash);

CREATE TABLE mfe_deployment (
  app          text PRIMARY KEY,
  bundle_id    bigint NOT NULL REFERENCES mfe_bundle (id),
  published_by integer REFERENCES app_user (id),
  published_at timestamptz NOT NULL
);

CREATE TABLE mfe_publication (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  app          text NOT NULL,
  bundle_id    bigint NOT NULL REFERENCES mfe_bundle (id),
  kind         text NOT NULL CHECK (kind IN ('publish', 'rollback')),
  published_by integer REFERENCES app_user (id),
  published_at timestamptz NOT NULL
);
CREATE INDEX mfe_publication_app_idx ON mfe_publication (app, id);
