import type { UnitLevel } from '@vwu/contracts';
import type { Queryable } from '../store/store.js';
import type { KpiMeasure, KpiPeriod, TargetRow } from './rules.js';

/** A KPI definition as stored. */
export interface KpiDefinition {
  id: string;
  title: { vi: string; en: string };
  measure: KpiMeasure;
  numerator: string;
  denominator: string | null;
  levels: UnitLevel[];
  period: KpiPeriod;
  provinceEditable: boolean;
  source: string;
}

interface DefinitionRow {
  id: string;
  title_vi: string;
  title_en: string;
  measure: KpiMeasure;
  numerator: string;
  denominator: string | null;
  levels: UnitLevel[];
  period: KpiPeriod;
  province_editable: boolean;
  source: string;
}

interface TargetDbRow {
  kpi_id: string;
  unit_key: string;
  level: UnitLevel;
  year: number | null;
  value: string | number;
}

const DEFINITION_COLUMNS =
  'id, title_vi, title_en, measure, numerator, denominator, levels, period, province_editable, source';

function toDefinition(r: DefinitionRow): KpiDefinition {
  return {
    id: r.id,
    title: { vi: r.title_vi, en: r.title_en },
    measure: r.measure,
    numerator: r.numerator,
    denominator: r.denominator,
    levels: r.levels,
    period: r.period,
    provinceEditable: r.province_editable,
    source: r.source,
  };
}

function toTarget(r: TargetDbRow): TargetRow {
  return { kpiId: r.kpi_id, unitKey: r.unit_key, level: r.level, year: r.year, value: Number(r.value) };
}

/** Every definition, in display order. */
export async function listDefinitions(q: Queryable): Promise<KpiDefinition[]> {
  const { rows } = await q.query<DefinitionRow>(
    `SELECT ${DEFINITION_COLUMNS} FROM kpi_definition ORDER BY sort_order, id`,
  );
  return rows.map(toDefinition);
}

/** One definition, locked for update when `forUpdate` (inside a transaction). */
export async function findDefinition(
  q: Queryable,
  id: string,
  forUpdate = false,
): Promise<KpiDefinition | undefined> {
  const { rows } = await q.query<DefinitionRow>(
    `SELECT ${DEFINITION_COLUMNS} FROM kpi_definition WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] === undefined ? undefined : toDefinition(rows[0]);
}

/** Changes a definition's editable fields; returns it as it is afterwards. */
export async function updateDefinition(
  q: Queryable,
  id: string,
  change: {
    provinceEditable?: boolean | undefined;
    titleVi?: string | undefined;
    titleEn?: string | undefined;
  },
): Promise<KpiDefinition | undefined> {
  const { rows } = await q.query<DefinitionRow>(
    `UPDATE kpi_definition SET
       province_editable = coalesce($2, province_editable),
       title_vi = coalesce($3, title_vi),
       title_en = coalesce($4, title_en)
     WHERE id = $1 RETURNING ${DEFINITION_COLUMNS}`,
    [id, change.provinceEditable ?? null, change.titleVi ?? null, change.titleEn ?? null],
  );
  return rows[0] === undefined ? undefined : toDefinition(rows[0]);
}

/** The stored rows of some units (the national key and a province), every year. */
export async function targetRows(q: Queryable, unitKeys: readonly string[]): Promise<TargetRow[]> {
  const { rows } = await q.query<TargetDbRow>(
    `SELECT kpi_id, unit_key, level, year, value FROM kpi_target WHERE unit_key = ANY($1::text[])
     ORDER BY kpi_id, unit_key, level, year NULLS FIRST`,
    [unitKeys],
  );
  return rows.map(toTarget);
}

/** The row of one definition × unit × level × year, if any. */
export async function findTarget(
  q: Queryable,
  key: { kpiId: string; unitKey: string; level: string; year: number | null },
): Promise<TargetRow | undefined> {
  const { rows } = await q.query<TargetDbRow>(
    `SELECT kpi_id, unit_key, level, year, value FROM kpi_target
     WHERE kpi_id = $1 AND unit_key = $2 AND level = $3 AND coalesce(year, 0) = coalesce($4::integer, 0)`,
    [key.kpiId, key.unitKey, key.level, key.year],
  );
  return rows[0] === undefined ? undefined : toTarget(rows[0]);
}

/** Sets a value (insert or replace). */
export async function upsertTarget(q: Queryable, row: TargetRow, userId: number, at: Date): Promise<void> {
  await q.query(
    `INSERT INTO kpi_target (kpi_id, unit_key, level, year, value, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (kpi_id, unit_key, level, (coalesce(year, 0)))
     DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
    [row.kpiId, row.unitKey, row.level, row.year, row.value, userId, at],
  );
}

/** Removes a value; whether there was one. */
export async function deleteTarget(
  q: Queryable,
  key: { kpiId: string; unitKey: string; level: string; year: number | null },
): Promise<boolean> {
  const { rowCount } = await q.query(
    `DELETE FROM kpi_target
     WHERE kpi_id = $1 AND unit_key = $2 AND level = $3 AND coalesce(year, 0) = coalesce($4::integer, 0)`,
    [key.kpiId, key.unitKey, key.level, key.year],
  );
  return rowCount > 0;
}
