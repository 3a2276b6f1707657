-- Every meaningful write: who (user id, never a name), when, what, before and after. Rows hold ids and state
-- fields only, never passwords, hashes, tokens or personal data. Append-only: a trigger refuses UPDATE and
-- DELETE, so a bug (or an intruder with the API's rights) cannot rewrite history.
CREATE TABLE audit_log (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at            timestamptz NOT NULL,
  actor_user_id integer REFERENCES app_user (id),
  action        text NOT NULL,
  entity        text NOT NULL,
  entity_id     text,
  before        jsonb,
  after         jsonb,
  request_id    text
);

CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP;
END;
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
