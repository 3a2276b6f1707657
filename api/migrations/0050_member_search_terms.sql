-- Member search at national scale (issue 4 §5, issue 7): the first page of a name or phone search inside a
-- unit's subtree comes from indexes that already hold the scope, so it costs what the scope holds, not what
-- the country holds. See api/src/members/member-search.ts for how a search uses them.
--
-- Names: each word of `name_search` is a lexeme four times: alone (central scope) and prefixed with the
-- member's province, commune and unit. The first word (mostly the family name) is marked `^`, the others `|`:
-- `2025:80^nguyen`, `2025:80|thi`, `2025:80|hoa`. A prefix query `'2025:80|hoa':*` finds the members of
-- province 80 with a later word starting with "hoa" from that province's posting lists only, and several
-- words AND together inside the GIN index. Knowing the first word apart lets a search read the members whose
-- name starts with its first word in name order from the btree (they are contiguous there) and ask this
-- index only for the others. The trigram index it replaces answered every search from nationwide posting
-- lists ("thi" is in half of all names).
-- Lexemes `<scope><mark><word>` of the words of `words` (separated by single spaces; none when empty).
CREATE FUNCTION member_search_lexemes(scope text, mark text, words text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE WHEN words = '' THEN '{}'::text[]
    ELSE string_to_array(scope || mark || replace(words, ' ', ' ' || scope || mark), ' ') END;

CREATE FUNCTION member_search_terms(province text, commune text, unit text, name text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN array_to_tsvector(
    ARRAY['^' || split_part(name, ' ', 1), province || '^' || split_part(name, ' ', 1),
          commune || '^' || split_part(name, ' ', 1), unit || '^' || split_part(name, ' ', 1)]
    || member_search_lexemes('', '|', substr(name, length(split_part(name, ' ', 1)) + 2))
    || member_search_lexemes(province, '|', substr(name, length(split_part(name, ' ', 1)) + 2))
    || member_search_lexemes(commune, '|', substr(name, length(split_part(name, ' ', 1)) + 2))
    || member_search_lexemes(unit, '|', substr(name, length(split_part(name, ' ', 1)) + 2)));

CREATE INDEX member_search_terms ON member
  USING gin (member_search_terms(province_key, commune_key, unit_key, name_search));
DROP INDEX member_name_trgm;

-- Phones: the start or the end of the number, with the scope columns in the key so that a scope is checked
-- inside the index before any row is read.
CREATE INDEX member_phone_prefix ON member (phone text_pattern_ops, province_key, commune_key, unit_key)
  WHERE phone IS NOT NULL;
CREATE INDEX member_phone_suffix ON member (reverse(phone) text_pattern_ops, province_key, commune_key, unit_key)
  WHERE phone IS NOT NULL;
DROP INDEX member_phone_trgm;

-- The planner's picture of names is a sample: a larger one estimates word frequencies better.
ALTER TABLE member ALTER COLUMN name_search SET STATISTICS 1000;
