// The API's public entry: the app factory, its configuration, the store, the access rules and the error list.
export { buildApp } from './app.js';
export { ConfigError, ENV_VARS, REPO_ROOT, parseConfig } from './config.js';
export { ApiError, ERRORS, apiError, errorBody } from './errors.js';
export { ALL_ROLES, ROLES, isRole, ruleProblem } from './access/rules.js';
export { isInScope, scopeCondition } from './access/scope.js';
export { requireAccess, requireUnit } from './access/plugin.js';
export { REFRESH_COOKIE } from './auth/routes.js';
export { SCRYPT_PARAMS, hashPassword, needsRehash, verifyPassword } from './auth/password.js';
export { PASSWORD_LENGTH, passwordProblems } from './auth/policy.js';
export { LoginGuard } from './auth/login-guard.js';
export { recordAudit } from './audit/audit.js';
export { DEMO_ACCOUNTS, DEMO_PASSWORD, createDemoAccounts } from './demo/accounts.js';
export { CSP_DIRECTIVES } from './http/security.js';
export { DOCS_PREFIX } from './http/docs.js';
export { toApiError } from './http/error-handler.js';
export { Counter, Histogram, MetricsRegistry } from './ops/metrics.js';
export {
  MIGRATIONS_DIR,
  MigrationError,
  migrate,
  readMigrations,
  schemaVersion,
} from './store/migrations.js';
export { openStore } from './store/open.js';
export { openPgliteStore } from './store/pglite.js';
export { openPostgresStore } from './store/postgres.js';
export { SqlParams } from './store/sql-params.js';
export { readOrCreateSecret } from './secret-file.js';
export { ensureUnits, loadUnits, unitsAround } from './units/loader.js';
export { ManifestSource } from './analytics/manifest-source.js';
export { parseRange } from './analytics/ranges.js';
export { FileUrlSigner } from './analytics/signing.js';
export { ANALYTICS_ROLES, eventFileVisible, rollupVisible } from './analytics/visibility.js';
export { NATIONAL_UNIT, checkTargetChange, effectiveTargets, isPercent } from './kpi/rules.js';
export { planProvince } from './kpi/routes.js';

export type { AppOptions } from './app.js';
export type { ApiConfig, EnvVar, LogLevel, ParseConfigOptions } from './config.js';
export type { Clock } from './context.js';
export type { ErrorBody, ErrorCode, ErrorParams, ErrorSpec } from './errors.js';
export type { AccessRule, Principal, Role, UnitSource } from './access/rules.js';
export type { RequestAccess, RouteEntry } from './access/plugin.js';
export type { ScryptParams } from './auth/password.js';
export type { PasswordProblem } from './auth/policy.js';
export type { LoginGuardOptions } from './auth/login-guard.js';
export type { AuditEntry } from './audit/audit.js';
export type { DemoAccount } from './demo/accounts.js';
export type { LogDestination, LogSettings } from './http/request-log.js';
export type { Migration, MigrationReport } from './store/migrations.js';
export type { PgliteStore, PgliteStoreOptions } from './store/pglite.js';
export type { PostgresStoreOptions } from './store/postgres.js';
export type { QueryResult, Queryable, Store, StoreConfig, StoreKind } from './store/store.js';
export type { LoadUnitsOptions, LoadUnitsReport } from './units/loader.js';
export type { AnalyticsConfig, IngestConfig } from './config.js';
export type { ListedEntry, LoadedManifest } from './analytics/manifest-source.js';
export type { RangeRequest } from './analytics/ranges.js';
export type { FileGrant, GrantCheck } from './analytics/signing.js';
export type { KpiDefinition } from './kpi/queries.js';
export type {
  EffectiveTarget,
  KpiMeasure,
  KpiPeriod,
  KpiRuleDefinition,
  TargetChange,
  TargetRow,
  TargetSource,
} from './kpi/rules.js';
