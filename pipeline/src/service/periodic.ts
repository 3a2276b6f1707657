/**
 * A background task run at a fixed interval, never overlapping itself: the next run is scheduled when the
 * previous one ends. A failed run is logged and the schedule goes on (compaction and rollups are retried on
 * the next tick; nothing they do is half-visible to readers).
 */
import { serializeError, type Logger } from '../ingest/log.js';

/** Lifecycle of a periodic task. */
export type PeriodicState = 'idle' | 'running' | 'stopped';

/** A running periodic task. */
export interface PeriodicTask {
  state(): PeriodicState;
  /** Runs the task now (after the run in progress, if any) and resolves when it ends. */
  runNow(): Promise<void>;
  /** Cancels the schedule and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Starts `run` every `intervalMs` (0: never on its own; {@link PeriodicTask.runNow} still works).
 *
 * @example
 * const compaction = startPeriodic('compaction', 60_000, () => compact(options), logger);
 * await compaction.stop();
 */
export function startPeriodic(
  name: string,
  intervalMs: number,
  run: () => Promise<unknown>,
  logger: Logger,
): PeriodicTask {
  let state: PeriodicState = 'idle';
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  const once = (): Promise<void> => {
    const next = current.then(async () => {
      if (state === 'stopped') return;
      state = 'running';
      try {
        await run();
      } catch (error) {
        logger.log('error', `${name} failed; retried on the next tick`, {
          task: name,
          error: serializeError(error),
        });
      } finally {
        if (state === 'running') state = 'idle';
      }
    });
    current = next;
    return next;
  };
  const schedule = (): void => {
    if (intervalMs <= 0 || state === 'stopped') return;
    timer = setTimeout(() => void once().then(schedule), intervalMs);
    timer.unref();
  };
  schedule();
  return {
    state: () => state,
    runNow: once,
    async stop() {
      if (timer !== undefined) clearTimeout(timer);
      const inProgress = current;
      state = 'stopped';
      await inProgress;
    },
  };
}
