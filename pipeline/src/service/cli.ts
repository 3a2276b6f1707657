#!/usr/bin/env node
/**
 * `vwu-pipeline` — the pipeline service and its operations. Configuration comes from environment variables
 * (see pipeline/README.md); structured JSON log lines go to standard error.
 *
 *   vwu-pipeline [run]                                   run until SIGTERM / SIGINT (graceful: land, commit, leave)
 *   vwu-pipeline load --file events.ndjson [--dir DIR]   append an NDJSON file to the embedded log, once
 *   vwu-pipeline replay --from 2025-03-01 --to 2025-04-01 --out DIR
 *                                                        rebuild one period from the log/topic into a fresh DIR
 *
 * Exit codes: 0 done; 1 the service failed; 2 bad arguments or configuration.
 */
import { parseArgs } from 'node:util';
import { ConfigError, serviceConfigFromEnv } from './config.js';
import { loadEventsIntoLog } from './load-events.js';
import { ReplayError, replayRange } from './replay.js';
import { startPipelineService } from './service.js';

const USAGE = `usage: vwu-pipeline [run]
       vwu-pipeline load --file events.ndjson [--dir EVENT_LOG_DIR] [--partitions 3]
       vwu-pipeline replay --from YYYY-MM-DD --to YYYY-MM-DD --out DIR`;

class UsageError extends Error {
  override readonly name = 'UsageError';
}

async function run(): Promise<number> {
  // Signals are handled from the first moment: one during start-up stops the service as soon as it runs.
  let signals = 0;
  const control: { stop?: () => Promise<void> } = {};
  const onSignal = (signal: NodeJS.Signals): void => {
    signals += 1;
    if (signals > 1) process.exit(130);
    process.stderr.write(`[pipeline] ${signal}: stopping (land open files, commit, leave the group)…\n`);
    void control.stop?.();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  const service = await startPipelineService(serviceConfigFromEnv());
  control.stop = () => service.stop();
  if (signals > 0) void service.stop();
  return (await service.stopped) === 'stopped' ? 0 : 1;
}

async function load(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      file: { type: 'string' },
      dir: { type: 'string' },
      partitions: { type: 'string', default: '3' },
    },
  });
  if (values.file === undefined) throw new UsageError('--file is required');
  const partitions = Number(values.partitions);
  if (!Number.isInteger(partitions) || partitions < 1)
    throw new UsageError(`--partitions must be a positive integer, got "${values.partitions}"`);
  const config = serviceConfigFromEnv(
    values.dir === undefined ? process.env : { ...process.env, EVENT_LOG_DIR: values.dir },
  );
  if (config.source.type !== 'embedded')
    throw new UsageError(
      'load writes the embedded log: unset KAFKA_BROKERS (to publish to Kafka use vwu-produce)',
    );
  const result = await loadEventsIntoLog({
    file: values.file,
    dir: config.source.dir,
    partitions,
    onProgress: (lines) => process.stderr.write(`[load] ${lines.toLocaleString('en')} lines\n`),
  });
  process.stdout.write(`${JSON.stringify({ ...result, dir: config.source.dir })}\n`);
  return 0;
}

async function replay(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } },
  });
  if (values.from === undefined || values.to === undefined || values.out === undefined)
    throw new UsageError('--from, --to and --out are required');
  const result = await replayRange({
    config: serviceConfigFromEnv(),
    from: values.from,
    to: values.to,
    outDir: values.out,
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command = 'run', ...rest] = argv;
  if (command === '--help' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command === 'run') return run();
  if (command === 'load') return load(rest);
  if (command === 'replay') return replay(rest);
  throw new UsageError(`unknown command "${command}"`);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const usage = error instanceof UsageError || error instanceof ConfigError || error instanceof ReplayError;
    process.stderr.write(`[pipeline] ${message}${error instanceof UsageError ? `\n${USAGE}` : ''}\n`);
    process.exit(usage ? 2 : 1);
  },
);
