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
export {
  ATTRIBUTE_COLUMNS,
  ATTRIBUTE_NAMES,
  EVENT_SCHEMA,
  SORT_COLUMNS,
  attributesOf,
} from './parquet/schema.js';
export { UnitResolver } from './parquet/unit-resolver.js';
export type { SinkRecord } from './parquet/arrow-batch.js';
export type { Cell, EventRow } from './parquet/event-rows.js';
export type { AttributeKind, AttributeName, EnvelopeColumn, EventColumn } from './parquet/schema.js';
export type { ResolvedUnit } from './parquet/unit-resolver.js';
export { ROW_GROUP_ROWS, parquetWasmEncoder } from './parquet/encoders.js';
export { directEncoder } from './parquet/direct-encoder.js';
export { compareUtf8 } from './parquet/direct-pages.js';
export { countRowsDuckDB, parquetToArrow, readRowsDuckDB, readRowsWasm } from './parquet/readers.js';
export type { ParquetEncoder } from './parquet/encoders.js';
export type { EventFileEncoder } from './parquet/direct-encoder.js';

// The file side: partitioned, offset-named Parquet files landed atomically, the manifest, recovery.
export { TEMP_MARKER, landFile, removeTempFiles, sha256File } from './sink/atomic-file.js';
export { durableStateOf } from './sink/durable-state.js';
export { groupIntoFiles } from './sink/land-files.js';
export {
  EVENTS_DIR,
  compactedFileName,
  parseRawFileName,
  partitionDir,
  rawFileName,
  vietnamMonth,
} from './sink/layout.js';
export { PartitionWriter, SINK_DEFAULTS } from './sink/partition-writer.js';
export { recoverSink } from './sink/recovery.js';
export { SinkPipeline } from './sink/pipeline.js';
export { COMPACTION_DEFAULTS, compact, compactionPlan, mergeFiles } from './sink/compact.js';
export {
  MANIFEST_FILE,
  ManifestFormatError,
  emptyManifest,
  isCompacted,
  sourceRanges,
  parseManifest,
  readManifest,
} from './manifest/manifest.js';
export { ManifestConflictError, ManifestStore } from './manifest/store.js';
export type { BeforeRename, LandOptions, LandedFile, RandomSuffix } from './sink/atomic-file.js';
export type { DurableState } from './sink/durable-state.js';
export type { LandBuffersOptions, PendingFile } from './sink/land-files.js';
export type { FileOffsets, PartitionKey } from './sink/layout.js';
export type {
  AppendOutcome,
  FlushResult,
  IngestedBatch,
  PartitionWriterOptions,
  SinkLimits,
} from './sink/partition-writer.js';
export type { RecoveryReport } from './sink/recovery.js';
export type { RejectedRecord, SinkPipelineOptions } from './sink/pipeline.js';
export type { CompactionOptions, CompactionReport } from './sink/compact.js';
export type {
  CompactedSource,
  Manifest,
  ManifestFile,
  ManifestRollup,
  RawSource,
  MultiRawSource,
  RetiredFile,
} from './manifest/manifest.js';
export type { ManifestChange } from './manifest/store.js';

// Rollups: unit × month (and day) totals of every KPI numerator and denominator, recorded and current views.
export { ANCESTORS_TABLE, ancestorRows, loadAncestors } from './rollup/ancestors.js';
export { METRICS } from './rollup/metrics.js';
export {
  CASE_CLOSE_MONTHS,
  ROLLUPS_DIR,
  addMonths,
  rollupKinds,
  touchedMonths,
  updateRollups,
} from './rollup/rollup.js';
export type { AncestorRow } from './rollup/ancestors.js';
export type { MetricAggregate, MetricDefinition } from './rollup/metrics.js';
export type { RollupGrain, RollupOptions, RollupView } from './rollup/rollup.js';

// Sources: the one consumer interface, the embedded durable log, Kafka, and the choice between them.
export { EmbeddedLog } from './source/embedded-log.js';
export { createEmbeddedSource } from './source/embedded-source.js';
export { LockHeldError } from './source/files.js';
export { readGroupOffsets } from './source/group-offsets.js';
export { createKafkaClient, isRebalanceError, parseBrokers } from './source/kafka-client.js';
export { createKafkaSource } from './source/kafka-source.js';
export { EventLogError, listSegments, segmentPath } from './source/log-layout.js';
export { PartitionReader } from './source/log-reader.js';
export { murmur2, partitionForKey } from './source/partitioner.js';
export {
  DEFAULT_EVENT_LOG_DIR,
  DEFAULT_GROUP_ID,
  DEFAULT_TOPIC,
  createDeadLetters,
  createSource,
  sourceSettingsFromEnv,
} from './source/select.js';
export type { AppendInput, AppendResult, EmbeddedLogOptions, FsyncPolicy } from './source/embedded-log.js';
export type { EmbeddedSourceConfig } from './source/embedded-source.js';
export type { KafkaClientConfig } from './source/kafka-client.js';
export type { KafkaSourceConfig } from './source/kafka-config.js';
export type { LogRecord } from './source/log-record.js';
export type { SourceDependencies, SourceSettings } from './source/select.js';
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

// Producing: validated, keyed by unit; the NDJSON file publisher behind `vwu-produce`; dev topics.
export { produceFile } from './produce/produce-file.js';
export { ndjsonLines } from './produce/ndjson-lines.js';
export { createProducer } from './produce/producer.js';
export { ensureTopics, eventTopics } from './produce/topics.js';
export type { NumberedLine } from './produce/ndjson-lines.js';
export type { ProduceFileOptions, ProduceProgress, RejectedLine } from './produce/produce-file.js';
export type { EventProducer, ProducerConfig, RejectedEvent, SendResult } from './produce/producer.js';
export type { TopicOptions } from './produce/topics.js';

// Ingest: validation, dead letters, dedup window, metrics, structured logs.
export {
  createFileDeadLetters,
  createKafkaDeadLetters,
  deadLetterTopic,
  toDeadLetter,
  unplacedLetter,
} from './ingest/dead-letter.js';
export { DedupStore } from './ingest/dedup.js';
export { Ingest } from './ingest/ingest.js';
export { createJsonLogger, serializeError, silentLogger, systemClock } from './ingest/log.js';
export { IngestMetrics, startMetricsReporter, totalLag } from './ingest/metrics.js';
export { checkMessage } from './ingest/validate.js';
export { benchBareConsumer } from './bench/bare-consumer.js';
export type { BareConsumerOptions, BareConsumerResult } from './bench/bare-consumer.js';
export type {
  DeadLetter,
  DeadLetterSink,
  KafkaDeadLetterOptions,
  UnplacedRecord,
} from './ingest/dead-letter.js';
export type { DedupOptions, DedupPartitionStats, DedupVerdict } from './ingest/dedup.js';
export type { AcceptedEvent, IngestConfig, IngestResult } from './ingest/ingest.js';
export type { Clock, JsonLoggerOptions, LogFields, LogLevel, Logger } from './ingest/log.js';
export type {
  BatchCounts,
  IngestCounters,
  MetricsReporterOptions,
  MetricsSnapshot,
} from './ingest/metrics.js';
export type { MessageVerdict } from './ingest/validate.js';

// The service: configuration from the environment, the long-running pipeline, metrics, load and replay.
export {
  ConfigError,
  DEFAULT_ANALYTICS_DIR,
  DEFAULT_STATE_DIR,
  dedupDirOf,
  serviceConfigFromEnv,
} from './service/config.js';
export { startPipelineService } from './service/service.js';
export { RATE_WINDOW_MS, prometheusText } from './service/metrics.js';
export { serveMetrics } from './service/http.js';
export { startPeriodic } from './service/periodic.js';
export { RollupTracker } from './service/rollup-tracker.js';
export { loadEventsIntoLog } from './service/load-events.js';
export { ReplayError, replayRange } from './service/replay.js';
export type { ServiceConfig } from './service/config.js';
export type { PipelineService, ServiceDependencies } from './service/service.js';
export type { ServiceSnapshot, ServiceState, SinkCounters } from './service/metrics.js';
export type { MetricsServer } from './service/http.js';
export type { PeriodicState, PeriodicTask } from './service/periodic.js';
export type { LoadEventsOptions, LoadEventsResult } from './service/load-events.js';
export type { ReplayOptions, ReplayResult } from './service/replay.js';
export { requireRealBroker } from './bench/real-broker.js';
