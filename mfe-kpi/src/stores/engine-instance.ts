/**
 * The one analytics engine of the page. It outlives a remount of the module (DuckDB's start and the
 * resident data are worth keeping while the user moves between screens) and stops at sign-out: a sign-out
 * terminates the worker (its memory holds the user's data), and an explicit one also empties the file
 * cache (a shared computer must not keep one user's files for the next).
 */
import { session } from '@vwu/context';
import { AnalyticsEngine } from '../engine/client.js';
import { clearFileCache } from '../engine/worker/file-source.js';
import type { EventType } from '../engine/tables.js';
import { spawnAnalyticsWorker } from '../engine/spawn-worker.js';

/** The engine and what the page knows of its contents. */
export interface EngineInstance {
  engine: AnalyticsEngine;
  /** Event types with at least one resident file (their tables exist). */
  tables: Set<EventType>;
  /** Manifest generation the resident files were chosen from. */
  generation: number | undefined;
}

let current: EngineInstance | undefined;
let watching = false;

function stop(clearCache: boolean): void {
  current?.engine.terminate();
  current = undefined;
  // Cache Storage is reachable from the page as well as from the worker.
  if (clearCache) void clearFileCache().catch((error: unknown) => reportLater(error));
}

/** A failure with nobody waiting for it surfaces as an uncaught error (the console shows it) — never silently. */
function reportLater(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}

/**
 * The page's engine, started on first use.
 *
 * @example const { engine, tables } = useEngine();
 */
export function useEngine(): EngineInstance {
  if (!watching) {
    watching = true;
    session.subscribe((state) => {
      if (state.status === 'signed-out') stop(state.reason === 'logout');
    });
  }
  current ??= {
    engine: new AnalyticsEngine(spawnAnalyticsWorker()),
    tables: new Set(),
    generation: undefined,
  };
  return current;
}

/** Stops the engine after a failure it cannot recover from (the next use starts a new one). */
export function resetEngine(): void {
  stop(false);
}
