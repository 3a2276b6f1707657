-- Contests (issue 8): staged, multi-level contests with juries, or public votes (seed 000). The definition
-- (title, rules, eligibility, stages with dates, rubric, awards) is one JSON document validated by the API
-- (api/src/contests/definition-schema.ts and domain/validate.ts); everything that changes while the contest
-- runs has its own rows, so that each write is one row and is audited.
CREATE TABLE contest (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner_unit  text NOT NULL REFERENCES org_unit (key),
  definition  jsonb NOT NULL,
  created_by  integer NOT NULL REFERENCES app_user (id),
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  version     integer NOT NULL DEFAULT 1
);
CREATE INDEX contest_owner ON contest (owner_unit);

-- A stage closed by an organiser (after its deadline): scores frozen, promotion done.
CREATE TABLE contest_stage_close (
  contest_id  bigint NOT NULL REFERENCES contest (id),
  stage_index integer NOT NULL CHECK (stage_index >= 0),
  closed_at   timestamptz NOT NULL,
  closed_by   integer NOT NULL REFERENCES app_user (id),
  PRIMARY KEY (contest_id, stage_index)
);

-- An entry, submitted by a unit at the lowest level. `stage_reached` is the last stage it takes part in
-- (promotion raises it); `forwarded` marks the entries the last stage sends on (e.g. to central).
CREATE TABLE contest_entry (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  contest_id     bigint NOT NULL REFERENCES contest (id),
  unit_key       text NOT NULL REFERENCES org_unit (key),
  title          text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description    text NOT NULL,
  audience       text NOT NULL CHECK (audience IN ('cadre', 'member', 'honorary_member')),
  author_kind    text NOT NULL CHECK (author_kind IN ('individual', 'collective')),
  authors        jsonb NOT NULL,
  links          jsonb NOT NULL DEFAULT '[]',
  submitted_by   integer NOT NULL REFERENCES app_user (id),
  submitted_at   timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  withdrawn      boolean NOT NULL DEFAULT false,
  stage_reached  integer NOT NULL DEFAULT 0,
  forwarded      boolean NOT NULL DEFAULT false
);
CREATE INDEX contest_entry_contest ON contest_entry (contest_id, stage_reached);

-- Files of an entry, kept by the API (type and size checked on upload).
CREATE TABLE contest_attachment (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entry_id      bigint NOT NULL REFERENCES contest_entry (id),
  file_name     text NOT NULL,
  content_type  text NOT NULL,
  size_bytes    integer NOT NULL,
  sha256        text NOT NULL,
  data          bytea NOT NULL,
  uploaded_by   integer NOT NULL REFERENCES app_user (id),
  uploaded_at   timestamptz NOT NULL
);
CREATE INDEX contest_attachment_entry ON contest_attachment (entry_id);

-- A judge on the jury of one unit at one stage. `home_unit` is the unit she comes from (conflict of interest).
CREATE TABLE contest_judge (
  contest_id   bigint NOT NULL REFERENCES contest (id),
  stage_index  integer NOT NULL,
  jury_unit    text NOT NULL REFERENCES org_unit (key),
  user_id      integer NOT NULL REFERENCES app_user (id),
  home_unit    text NOT NULL REFERENCES org_unit (key),
  assigned_at  timestamptz NOT NULL,
  PRIMARY KEY (contest_id, stage_index, user_id)
);

-- One judge's score of one criterion of one entry at one stage.
CREATE TABLE contest_score (
  entry_id       bigint NOT NULL REFERENCES contest_entry (id),
  stage_index    integer NOT NULL,
  judge_id       integer NOT NULL REFERENCES app_user (id),
  criterion_key  text NOT NULL,
  value          numeric(8, 2) NOT NULL CHECK (value >= 0),
  comment        text NOT NULL DEFAULT '',
  updated_at     timestamptz NOT NULL,
  PRIMARY KEY (entry_id, stage_index, judge_id, criterion_key)
);

-- Awards given when the last stage closes.
CREATE TABLE contest_award (
  contest_id  bigint NOT NULL REFERENCES contest (id),
  entry_id    bigint NOT NULL REFERENCES contest_entry (id) PRIMARY KEY,
  tier        text NOT NULL,
  position    integer NOT NULL
);

-- Public votes: one per member per contest (the member proves who she is with her member key and phone);
-- `source_hash` (a keyed hash of the address, never the address) limits votes per source.
CREATE TABLE contest_vote (
  contest_id   bigint NOT NULL REFERENCES contest (id),
  entry_id     bigint NOT NULL REFERENCES contest_entry (id),
  member_key   text NOT NULL,
  source_hash  text NOT NULL,
  cast_at      timestamptz NOT NULL,
  PRIMARY KEY (contest_id, member_key)
);
CREATE INDEX contest_vote_source ON contest_vote (contest_id, source_hash, cast_at);
