export { generateEvents } from './demo/events.js';
export { generateMembers, registrySize } from './demo/people/registry.js';
export { runDemo } from './demo/run.js';
export { SCALES, parseScale } from './demo/scale.js';
export { buildWorld } from './demo/world.js';
export type { EventProgress, EventRange } from './demo/events.js';
export type { DemoMember, MemberRole, TrainingRecord } from './demo/people/registry.js';
export type { DemoFileSummary, DemoManifest, DemoRunHooks, DemoRunOptions } from './demo/run.js';
export type { DemoScale, ScaleProfile } from './demo/scale.js';
export type { DemoWorld } from './demo/world.js';

// Arrow batches of the one wide event schema, and reading them back.
export { buildEventBatch, occurredAtMs } from './parquet/arrow-batch.js';
export { EVENT_COLUMNS, rowToRecord, tableRows } from './parquet/event-rows.js';
export { ATTRIBUTE_COLUMNS, ATTRIBUTE_NAMES, EVENT_SCHEMA, SORT_COLUMNS, attributesOf } from './parquet/schema.js';
export { UnitResolver } from './parquet/unit-resolver.js';
export type { SinkRecord } from './parquet/arrow-batch.js';
export type { Cell, EventRow } from './parquet/event-rows.js';
export type { AttributeKind, AttributeName, EnvelopeColumn, EventColumn } from './parquet/schema.js';
export type { ResolvedUnit } from './parquet/unit-resolver.js';

// Sources: the one consumer interface, the embedded durable log, and Kafka.
export { EmbeddedLog } from './source/embedded-log.js';
export { createEmbeddedSource } from './source/embedded-source.js';
export { LockHeldError } from './source/files.js';
export { readGroupOffsets } from './source/group-offsets.js';
export { EventLogError, listSegments, segmentPath } from './source/log-layout.js';
export { PartitionReader } from './source/log-reader.js';
export { murmur2, partitionForKey } from './source/partitioner.js';
export type { AppendInput, AppendResult, EmbeddedLogOptions, FsyncPolicy } from './source/embedded-log.js';
export type { EmbeddedSourceConfig } from './source/embedded-source.js';
export type { LogRecord } from './source/log-record.js';
export type {
  BatchHandler,
  CommitRejection,
  CommitResult,
  EventSource,
  PartitionLag,
  PartitionOffset,
  RejectedCommit,
  RevokeReason,
  SourceBatch,
  SourceHooks,
  SourceKind,
  SourceMessage,
  SourceState,
} from './source/types.js';
// END sources
