-- Local accounts: one role and one scope unit per user (the user sees the scope's subtree), password hashes
-- from a memory-hard KDF (scrypt, parameters inside the hash), lockout state, and refresh tokens stored only
-- as hashes, grouped in families so that reuse of a rotated token can revoke the whole session.
CREATE TABLE app_user (
  id                  integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username            text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
  display_name        text NOT NULL,
  password_hash       text NOT NULL,
  role                text NOT NULL CHECK (role IN ('central_analyst', 'province_leader', 'commune_officer',
                        'contest_organiser', 'judge', 'module_deployer', 'administrator')),
  scope_unit_key      text NOT NULL REFERENCES org_unit (key),
  failed_logins       integer NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
  locked_until        timestamptz,
  password_changed_at timestamptz NOT NULL,
  created_at          timestamptz NOT NULL
);

CREATE TABLE refresh_token (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  token_hash     text NOT NULL UNIQUE,
  user_id        integer NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  family_id      uuid NOT NULL,
  issued_at      timestamptz NOT NULL,
  expires_at     timestamptz NOT NULL,
  revoked_at     timestamptz,
  revoked_reason text CHECK (revoked_reason IN ('rotated', 'logout', 'reuse', 'password_change')),
  CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
);

CREATE INDEX refresh_token_family ON refresh_token (family_id);
CREATE INDEX refresh_token_user ON refresh_token (user_id);
