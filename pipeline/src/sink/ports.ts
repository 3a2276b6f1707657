/**
 * What the file side of the pipeline takes from its host: a clock and a logger, passed in so tests pin time
 * and read what was logged.
 */

/** Wall-clock time in epoch milliseconds. */
export interface Clock {
  now(): number;
}

/** Structured log lines: a message and a few fields. */
export interface Logger {
  info(message: string, fields?: Readonly<Record<string, unknown>>): void;
  warn(message: string, fields?: Readonly<Record<string, unknown>>): void;
  error(message: string, fields?: Readonly<Record<string, unknown>>): void;
}

/** The system clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A logger that drops everything, for benchmarks and tests that do not read logs. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
