// The analyst workbench: catalogue, view spec, query builder, URL codec, pivot, exports.
export { COLUMNS, DIMENSIONS, MEASURES, dimensionOf, measureOf } from './catalogue.js';
export { exportName, pivotCsv, pivotGrid, pivotXlsx, XLSX_HEADING_ROWS } from './export.js';
export { columnLabel, figure, keyLabel, typeLabel, valueLabel } from './labels.js';
export { MAX_COLUMNS, toPivot } from './pivot.js';
export { CHART_MAX_ROWS, CHART_MAX_SERIES, chartCut, pivotOption } from './pivot-option.js';
export { IdentifierError, buildPivotQuery, ident, scopeColumn } from './query-builder.js';
export { defaultSpec, specProblem, viewTypes } from './spec.js';
export { formatCell } from './sql-format.js';
export { MAX_SQL_IN_URL, PREFIX, decodeSpec, encodeSpec } from './url-codec.js';

export type { AttributeColumn, Dimension, Measure, MeasureKind, ValueKind } from './catalogue.js';
export type { ExportHeading } from './export.js';
export type { Pivot, PivotColumn, PivotKey } from './pivot.js';
export type { ChartCut } from './pivot-option.js';
export type { PivotQuery, QueryContext } from './query-builder.js';
export type { ChartKind, SpecProblem, ViewSpec, WorkbenchTab } from './spec.js';
export type { DecodedSpec } from './url-codec.js';
