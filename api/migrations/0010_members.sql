-- The member registry (issue 4 §5, issue 7). Personal data lives here only; analytics sees `member_key`, a
-- pseudonymous key that never changes. A member is registered on a 2025 branch or commune (`unit_key`);
-- `commune_key` and `province_key` are copied from the unit tree so that a scope is one equality test.
-- `name_search` is the name folded for search (no diacritics, tone placement and i/y spelling variants
-- unified): see api/src/members/search-text.ts.
CREATE TABLE member (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  member_key    text NOT NULL UNIQUE,
  full_name     text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 120),
  name_search   text NOT NULL,
  date_of_birth date NOT NULL,
  gender        text NOT NULL DEFAULT 'female' CHECK (gender IN ('female', 'male')),
  ethnicity     text NOT NULL,
  religion      text,
  phone         text CHECK (phone ~ '^[0-9]{9,11}$'),
  address       text,
  education     text,
  unit_key      text NOT NULL REFERENCES org_unit (key),
  commune_key   text NOT NULL REFERENCES org_unit (key),
  province_key  text NOT NULL REFERENCES org_unit (key),
  joined_on     date NOT NULL,
  left_on       date,
  card_status   text NOT NULL DEFAULT 'none' CHECK (card_status IN ('none', 'active', 'revoked')),
  roles         text[] NOT NULL DEFAULT '{member}',
  honorary      boolean NOT NULL DEFAULT false,
  trained       boolean NOT NULL DEFAULT false,
  status        text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left', 'merged')),
  merged_into   bigint REFERENCES member (id),
  demo          boolean NOT NULL DEFAULT false,
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  CHECK ((status = 'merged') = (merged_into IS NOT NULL))
);

-- Scoped lists sorted by name (keyset paging on (name_search, id)) at each level of a scope.
CREATE INDEX member_province_name ON member (province_key, name_search, id);
CREATE INDEX member_commune_name ON member (commune_key, name_search, id);
CREATE INDEX member_unit_name ON member (unit_key, name_search, id);
CREATE INDEX member_name ON member (name_search, id);
-- Search: any part of the folded name, any part of the phone (trigrams; pg_trgm ships with PGlite too).
CREATE INDEX member_name_trgm ON member USING gin (name_search gin_trgm_ops);
CREATE INDEX member_phone_trgm ON member USING gin (phone gin_trgm_ops);
-- Duplicate detection: same name and birth date, or same phone.
CREATE INDEX member_phone ON member (phone) WHERE phone IS NOT NULL;

-- Every unit change of a member: registration, transfer, merge, leaving.
CREATE TABLE member_history (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  member_id     bigint NOT NULL REFERENCES member (id),
  at            timestamptz NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('registered', 'transferred', 'merged', 'left', 'rejoined')),
  from_unit_key text REFERENCES org_unit (key),
  to_unit_key   text REFERENCES org_unit (key),
  note          text,
  actor_user_id integer REFERENCES app_user (id)
);

CREATE INDEX member_history_member ON member_history (member_id, at);

-- A transfer to another unit waits for the receiving unit; one pending transfer per member.
CREATE TABLE member_transfer (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  member_id       bigint NOT NULL REFERENCES member (id),
  from_unit_key   text NOT NULL REFERENCES org_unit (key),
  to_unit_key     text NOT NULL REFERENCES org_unit (key),
  to_commune_key  text NOT NULL REFERENCES org_unit (key),
  to_province_key text NOT NULL REFERENCES org_unit (key),
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected', 'cancelled')),
  reason          text,
  decision_reason text,
  requested_by    integer REFERENCES app_user (id),
  requested_at    timestamptz NOT NULL,
  decided_by      integer REFERENCES app_user (id),
  decided_at      timestamptz
);

CREATE UNIQUE INDEX member_transfer_one_pending ON member_transfer (member_id) WHERE status = 'pending';
CREATE INDEX member_transfer_to ON member_transfer (to_commune_key, status);
CREATE INDEX member_transfer_from ON member_transfer (from_unit_key, status);

-- Membership applications (online groups, non-members' wishes, walk-ins) to a commune or branch.
CREATE TABLE member_application (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_key        text NOT NULL REFERENCES org_unit (key),
  commune_key     text NOT NULL REFERENCES org_unit (key),
  province_key    text NOT NULL REFERENCES org_unit (key),
  full_name       text NOT NULL,
  date_of_birth   date NOT NULL,
  gender          text NOT NULL DEFAULT 'female' CHECK (gender IN ('female', 'male')),
  ethnicity       text,
  phone           text CHECK (phone ~ '^[0-9]{9,11}$'),
  address         text,
  source          text NOT NULL CHECK (source IN ('online_group', 'non_member', 'walk_in')),
  note            text,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  decision_reason text,
  member_id       bigint REFERENCES member (id),
  submitted_by    integer REFERENCES app_user (id),
  submitted_at    timestamptz NOT NULL,
  decided_by      integer REFERENCES app_user (id),
  decided_at      timestamptz,
  CHECK ((status = 'approved') = (member_id IS NOT NULL))
);

CREATE INDEX member_application_commune ON member_application (commune_key, status, submitted_at);

-- Smart member cards: the signed token is handed out once; only its random id is stored. One active card
-- per member; a re-issue revokes the previous one.
CREATE TABLE member_card (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  card_id        text NOT NULL UNIQUE,
  member_id      bigint NOT NULL REFERENCES member (id),
  issued_at      timestamptz NOT NULL,
  issued_by      integer REFERENCES app_user (id),
  revoked_at     timestamptz,
  revoked_reason text
);

CREATE UNIQUE INDEX member_card_one_active ON member_card (member_id) WHERE revoked_at IS NULL;

-- Cadre training records (feed the training targets).
CREATE TABLE member_training (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  member_id  bigint NOT NULL REFERENCES member (id),
  topic      text NOT NULL CHECK (topic IN ('digital_skills', 'e_commerce', 'online_public_services', 'it_for_cadres', 'other')),
  title      text,
  trained_on date NOT NULL,
  hours      real CHECK (hours >= 0),
  provider   text,
  created_at timestamptz NOT NULL,
  created_by integer REFERENCES app_user (id)
);

CREATE INDEX member_training_member ON member_training (member_id, trained_on);

-- Uploaded import files (kept for the commit step and the error file), and the fingerprints of rows already
-- imported, so that importing the same rows again creates no duplicates.
CREATE TABLE member_import (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_key    text NOT NULL REFERENCES org_unit (key),
  file_name   text NOT NULL,
  file_kind   text NOT NULL CHECK (file_kind IN ('xlsx', 'csv')),
  content     bytea NOT NULL,
  sha256      text NOT NULL,
  row_count   integer NOT NULL,
  uploaded_by integer REFERENCES app_user (id),
  uploaded_at timestamptz NOT NULL,
  committed_at timestamptz,
  result      jsonb,
  bad_rows    jsonb
);

CREATE TABLE member_import_row (
  fingerprint text PRIMARY KEY,
  member_id   bigint NOT NULL REFERENCES member (id),
  import_id   bigint NOT NULL REFERENCES member_import (id)
);
