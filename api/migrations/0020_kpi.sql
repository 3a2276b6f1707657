-- KPI definitions and targets, as data (issue 4 §5, issue 6 §1). A definition says what is measured: a
-- numerator and a denominator over the pipeline's rollup metrics (pipeline/src/rollup/metrics.ts), the
-- levels it applies to and its period. Target values are rows per definition × unit (the whole country
-- '2025:TW' or one province) × level × year (NULL: every year without a row of its own). Percent targets are
-- stored as 0–100, count targets as whole numbers. Who may change what is checked by the API (kpi/rules.ts).
CREATE TABLE kpi_definition (
  id                 text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9-]{1,47}$'),
  sort_order         integer NOT NULL,
  title_vi           text NOT NULL CHECK (length(title_vi) BETWEEN 1 AND 200),
  title_en           text NOT NULL CHECK (length(title_en) BETWEEN 1 AND 200),
  -- ratio: Σ numerator / Σ denominator over the unit's subtree in the period (a percentage);
  -- unit_share: share of the units at the target's level, inside the unit, whose numerator is ≥ 1 in each
  --   period (a percentage; e.g. communes with a propaganda post each month);
  -- total: Σ numerator (a count, e.g. members trained).
  measure            text NOT NULL CHECK (measure IN ('ratio', 'unit_share', 'total')),
  numerator          text NOT NULL CHECK (numerator ~ '^[a-z][a-z0-9_]*$'),
  denominator        text CHECK (denominator ~ '^[a-z][a-z0-9_]*$'),
  levels             text[] NOT NULL CHECK (cardinality(levels) > 0
                       AND levels <@ ARRAY['central', 'province', 'district', 'commune', 'branch']),
  period             text NOT NULL CHECK (period IN ('monthly', 'yearly', 'cumulative')),
  -- Whether province leaders may set their own province's values (never below a national percentage).
  province_editable  boolean NOT NULL DEFAULT true,
  source             text NOT NULL,
  CHECK ((measure = 'ratio') = (denominator IS NOT NULL))
);

CREATE TABLE kpi_target (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kpi_id      text NOT NULL REFERENCES kpi_definition (id),
  -- '2025:TW' for the national plan, or a 2025 province key (checked by the API: org units load after migrations).
  unit_key    text NOT NULL CHECK (unit_key ~ '^2025:(TW|\d{2})$'),
  level       text NOT NULL CHECK (level IN ('central', 'province', 'district', 'commune', 'branch')),
  year        integer CHECK (year BETWEEN 2000 AND 2100),
  value       numeric NOT NULL CHECK (value >= 0),
  updated_by  integer REFERENCES app_user (id),
  updated_at  timestamptz NOT NULL
);

CREATE UNIQUE INDEX kpi_target_key ON kpi_target (kpi_id, unit_key, level, (coalesce(year, 0)));
CREATE INDEX kpi_target_unit ON kpi_target (unit_key);
