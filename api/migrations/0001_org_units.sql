-- Org units of both structures (pre2025 and 2025) and the lineage between them, filled from the
-- @vwu/contracts hierarchy by the unit loader. Keys are structure-qualified ('2025:00004'): old and new codes
-- share one number space, so a bare code is never stored as an identifier.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE org_unit (
  key         text PRIMARY KEY,
  structure   text NOT NULL CHECK (structure IN ('pre2025', '2025')),
  code        text NOT NULL,
  name        text NOT NULL,
  name_folded text NOT NULL,
  type        text NOT NULL,
  level       text NOT NULL CHECK (level IN ('central', 'province', 'district', 'commune', 'branch')),
  parent_key  text REFERENCES org_unit (key),
  path        text NOT NULL,
  depth       smallint NOT NULL CHECK (depth >= 0),
  valid_from  date,
  valid_to    date,
  demo        boolean NOT NULL DEFAULT false,
  UNIQUE (structure, code),
  CHECK (key = structure || ':' || code)
);

CREATE INDEX org_unit_parent ON org_unit (parent_key);
-- Subtree reads: path = $1 OR path LIKE $1 || '/%'.
CREATE INDEX org_unit_path ON org_unit (path text_pattern_ops);
-- Diacritic-insensitive search on folded names: substrings through trigrams, prefixes through the btree.
CREATE INDEX org_unit_name_trgm ON org_unit USING gin (name_folded gin_trgm_ops);
CREATE INDEX org_unit_name_prefix ON org_unit (name_folded text_pattern_ops);

-- An old unit (pre2025) that went, fully or partly, into a new one (2025). weight = share of the old unit's
-- figures carried to the new unit (the weights of one old unit sum to 1).
CREATE TABLE unit_lineage (
  old_key text NOT NULL REFERENCES org_unit (key),
  new_key text NOT NULL REFERENCES org_unit (key),
  type    text NOT NULL CHECK (type IN ('full', 'partial')),
  weight  double precision NOT NULL CHECK (weight > 0 AND weight <= 1),
  PRIMARY KEY (old_key, new_key)
);

CREATE INDEX unit_lineage_new ON unit_lineage (new_key);
