import { describe, expect, it } from 'vitest';
import { AnalyticsEngine, EngineError, type LoadProgress, type LoadSummary } from '../src/engine/index.js';
import { FakeWorker } from './fake-worker.js';

const SUMMARY: LoadSummary = {
  files: 1,
  resident: 0,
  cached: 0,
  bytesFetched: 10,
  bytesFromCache: 0,
  rows: 2,
  ms: { total: 1, fetch: 1, decode: 0, insert: 0 },
};
const PROGRESS: LoadProgress = {
  phase: 'fetching',
  files: { done: 0, total: 1 },
  bytes: { done: 5, total: 10 },
  cached: 0,
};

function setup() {
  const worker = new FakeWorker();
  return { worker, engine: new AnalyticsEngine(worker) };
}

describe('analytics engine client', () => {
  it.each([
    {
      name: 'start',
      call: (e: AnalyticsEngine) => e.start(),
      request: { type: 'start' },
      answer: {
        type: 'started',
        info: { bundle: 'eh', duckdbVersion: 'v1.4.3', ms: { total: 1, instantiate: 1, parquet: 0 } },
      },
      value: { bundle: 'eh', duckdbVersion: 'v1.4.3', ms: { total: 1, instantiate: 1, parquet: 0 } },
    },
    {
      name: 'query',
      call: (e: AnalyticsEngine) => e.query('SELECT ? AS x', ['a']),
      request: { type: 'query', sql: 'SELECT ? AS x', params: ['a'] },
      answer: {
        type: 'result',
        result: { columns: [{ name: 'x', type: 'Utf8' }], rows: [{ x: 'a' }], rowCount: 1, ms: 1 },
      },
      value: { columns: [{ name: 'x', type: 'Utf8' }], rows: [{ x: 'a' }], rowCount: 1, ms: 1 },
    },
    {
      name: 'retain',
      call: (e: AnalyticsEngine) => e.retain(['a'.repeat(64)]),
      request: { type: 'retain', sha256: ['a'.repeat(64)] },
      answer: { type: 'retained', dropped: 3 },
      value: 3,
    },
    {
      name: 'clear-cache',
      call: (e: AnalyticsEngine) => e.clearCache(),
      request: { type: 'clear-cache' },
      answer: { type: 'cache-cleared', entries: 12 },
      value: 12,
    },
  ])(
    '$name: one request with an id, settled by the event with that id',
    async ({ call, request, answer, value }) => {
      const { worker, engine } = setup();
      const pending = call(engine);
      const sent = worker.last();
      expect(sent).toMatchObject(request);
      worker.emit({ ...answer, id: sent.id + 100 });
      worker.emit({ ...answer, id: sent.id });
      await expect(pending).resolves.toEqual(value);
    },
  );

  it('passes progress of a load to its listener, then resolves with the summary', async () => {
    const { worker, engine } = setup();
    const seen: LoadProgress[] = [];
    const pending = engine.load([], { onProgress: (p) => seen.push(p) });
    const { id } = worker.last();
    worker.emit({ type: 'progress', id, progress: PROGRESS });
    worker.emit({ type: 'loaded', id, summary: SUMMARY });
    await expect(pending).resolves.toEqual(SUMMARY);
    expect(seen).toEqual([PROGRESS]);
  });

  it('rejects with the worker error, its name and stack kept', async () => {
    const { worker, engine } = setup();
    const pending = engine.query('SELEC 1');
    worker.emit({
      type: 'error',
      id: worker.last().id,
      error: { name: 'ParserError', message: 'syntax error', stack: 'at worker' },
    });
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ name: 'ParserError', message: 'syntax error', workerStack: 'at worker' });
  });

  it('an aborted load rejects at once and asks the worker to cancel it; its late answer is ignored', async () => {
    const { worker, engine } = setup();
    const controller = new AbortController();
    const pending = engine.load([], { signal: controller.signal });
    const { id } = worker.last();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(worker.last()).toMatchObject({ type: 'cancel', target: id });
    worker.emit({ type: 'loaded', id, summary: SUMMARY });
    await expect(engine.load([], { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('a crashed worker rejects everything pending and every later request', async () => {
    const { worker, engine } = setup();
    const a = engine.start();
    const b = engine.query('SELECT 1');
    worker.crash('SyntaxError: Unexpected token');
    await expect(a).rejects.toMatchObject({ name: 'WorkerError' });
    await expect(b).rejects.toMatchObject({
      name: 'WorkerError',
      message: 'Analytics worker: SyntaxError: Unexpected token',
    });
    await expect(engine.query('SELECT 1')).rejects.toMatchObject({ name: 'WorkerError' });
  });

  it('terminate stops the worker and rejects what is pending', async () => {
    const { worker, engine } = setup();
    const pending = engine.start();
    engine.terminate();
    expect(worker.terminated).toBe(true);
    await expect(pending).rejects.toMatchObject({ name: 'TerminatedError' });
  });

  it('ignores messages that are not events of the protocol', async () => {
    const { worker, engine } = setup();
    const pending = engine.retain([]);
    const { id } = worker.last();
    worker.emit({ type: 'loaded-ish', id });
    worker.emit({ hello: 'world' });
    worker.emit({ type: 'retained', id, dropped: 0 });
    await expect(pending).resolves.toBe(0);
  });
});
