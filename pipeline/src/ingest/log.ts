/**
 * Structured logging and time for the pipeline's long-running parts. Both are passed in (never imported as
 * globals) so tests can pin the clock and read the log lines.
 */

/** How serious a log line is. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Fields of a structured log line; `Error` values are written as `{ name, message, stack }`. */
export type LogFields = Readonly<Record<string, unknown>>;

/** Where the pipeline writes what it does. */
export interface Logger {
  /** Writes one line: a message a person can read plus fields a machine can filter on. */
  log(level: LogLevel, message: string, fields?: LogFields): void;
  /** A logger that adds `bindings` to every line (e.g. `{ component: 'kafka-source' }`). */
  child(bindings: LogFields): Logger;
}

/** A source of wall-clock time in milliseconds since the epoch. */
export interface Clock {
  now(): number;
}

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() };

const LEVELS: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Options of {@link createJsonLogger}. */
export interface JsonLoggerOptions {
  /** Receives each line, newline included; default: standard error. */
  write?: (line: string) => void;
  /** Lines below this level are dropped; default `'info'`. */
  level?: LogLevel;
  clock?: Clock;
  /** Fields on every line. */
  bindings?: LogFields;
}

/** An error as it crosses a boundary: plain data, never the object itself. */
export function serializeError(error: unknown): { name: string; message: string; stack?: string } {
  if (error instanceof Error) {
    return error.stack === undefined
      ? { name: error.name, message: error.message }
      : { name: error.name, message: error.message, stack: error.stack };
  }
  return { name: 'NonError', message: String(error) };
}

function plainFields(fields: LogFields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] =
      value instanceof Error ? serializeError(value) : typeof value === 'bigint' ? value.toString() : value;
  }
  return out;
}

/**
 * A logger that writes one JSON object per line: `{ time, level, msg, ...bindings, ...fields }`.
 *
 * @example
 * const logger = createJsonLogger({ level: 'debug' }).child({ component: 'ingest' });
 * logger.log('info', 'batch processed', { partition: 0, messages: 500 });
 */
export function createJsonLogger(options: JsonLoggerOptions = {}): Logger {
  const write = options.write ?? ((line: string) => void process.stderr.write(line));
  const threshold = LEVELS[options.level ?? 'info'];
  const clock = options.clock ?? systemClock;
  const make = (bindings: LogFields): Logger => ({
    log(level, message, fields = {}) {
      if (LEVELS[level] < threshold) return;
      const line = {
        time: new Date(clock.now()).toISOString(),
        level,
        msg: message,
        ...plainFields(bindings),
        ...plainFields(fields),
      };
      write(`${JSON.stringify(line)}\n`);
    },
    child: (more) => make({ ...bindings, ...more }),
  });
  return make(options.bindings ?? {});
}

/** A logger that drops everything (tests and benchmarks). */
export const silentLogger: Logger = { log: () => undefined, child: () => silentLogger };
