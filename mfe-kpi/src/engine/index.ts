// The analytics engine: DuckDB-WASM and parquet-wasm in a module worker, driven from the main thread.
export { AnalyticsEngine } from './client.js';
export { ManifestError, parseManifest } from './manifest.js';
export { monthsBetween, selectPartitions, toLoadFiles, totalBytes } from './partitions.js';
export { EngineError, deserializeError, isEngineEvent, isEngineRequest, serializeError } from './protocol.js';
export { spawnAnalyticsWorker } from './spawn-worker.js';
export { EVENT_ATTRIBUTES, EVENT_TYPE_NAMES, columnsOf, isEventType, tableOf } from './tables.js';

export type { LoadOptions, WorkerLike } from './client.js';
export type { AnalyticsManifest, ManifestFile, ManifestRollup } from './manifest.js';
export type { PartitionNeed } from './partitions.js';
export type {
  Answers,
  Cell,
  DuckDBBundleName,
  EngineEvent,
  EngineInfo,
  EngineRequest,
  LoadFile,
  LoadProgress,
  LoadSummary,
  QueryParam,
  QueryResult,
  ResultColumn,
  SerializedError,
} from './protocol.js';
export type { EventType } from './tables.js';
