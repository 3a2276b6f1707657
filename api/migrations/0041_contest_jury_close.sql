-- One jury group of a stage closed on its own (issue 8): after the stage's deadline the organisers of that
-- jury's unit (e.g. a province) announce its ranking and forward its best without waiting for the other
-- groups; its scores can no longer be corrected. Closing the whole stage later promotes the same entries.
CREATE TABLE contest_jury_close (
  contest_id   bigint NOT NULL REFERENCES contest (id),
  stage_index  integer NOT NULL CHECK (stage_index >= 0),
  jury_unit    text NOT NULL REFERENCES org_unit (key),
  closed_at    timestamptz NOT NULL,
  closed_by    integer NOT NULL REFERENCES app_user (id),
  PRIMARY KEY (contest_id, stage_index, jury_unit)
);
