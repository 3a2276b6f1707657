// The dashboard's targets: definitions, scope of a unit and period, the one query, results, lights.
export { computeDashboard } from './compute.js';
export { KPIS, dashboardTypes, kpiById } from './definitions.js';
export { EXTRA_COLUMNS, dashboardQuery, ranks } from './queries.js';
export { TREND_MONTHS, dashboardScope, hasEventDashboard, partitionNeed } from './scope.js';
export { NEAR_MARGIN, TargetsError, assess, parseTargets, targetOf } from './targets.js';

export type { ChildUnit, ComputeContext, Figure, KpiResult, RankedUnit, TrendPoint } from './compute.js';
export type { KpiDefinition, KpiId, KpiMeasure } from './definitions.js';
export type { BoundQuery, DashboardRow } from './queries.js';
export type { DashboardScope, UnitColumn } from './scope.js';
export type { Light, TargetTable } from './targets.js';
