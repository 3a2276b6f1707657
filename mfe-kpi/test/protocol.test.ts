import { describe, expect, it } from 'vitest';
import {
  EngineError,
  deserializeError,
  isEngineEvent,
  isEngineRequest,
  serializeError,
} from '../src/engine/index.js';

const SHA = 'a'.repeat(64);
const FILE = {
  url: 'http://127.0.0.1/api/analytics/events/x.parquet',
  sha256: SHA,
  bytes: 10,
  rows: 2,
  eventType: 'meeting.held',
  province: '2025:80',
  month: '2026-11',
};

describe('worker protocol: requests are a closed union keyed by type', () => {
  it.each([
    { name: 'start', message: { type: 'start', id: 1 }, ok: true },
    { name: 'start with a bundle', message: { type: 'start', id: 1, bundle: 'mvp' }, ok: true },
    { name: 'start with an unknown bundle', message: { type: 'start', id: 1, bundle: 'coi' }, ok: false },
    { name: 'load', message: { type: 'load', id: 2, files: [FILE] }, ok: true },
    {
      name: 'load with headers',
      message: { type: 'load', id: 2, files: [], headers: { authorization: 'x' } },
      ok: true,
    },
    {
      name: 'load with a bad sha256',
      message: { type: 'load', id: 2, files: [{ ...FILE, sha256: 'xyz' }] },
      ok: false,
    },
    {
      name: 'load with a bad month',
      message: { type: 'load', id: 2, files: [{ ...FILE, month: '2026-M11' }] },
      ok: false,
    },
    {
      name: 'load with numeric headers',
      message: { type: 'load', id: 2, files: [], headers: { a: 1 } },
      ok: false,
    },
    { name: 'retain', message: { type: 'retain', id: 3, sha256: [SHA] }, ok: true },
    {
      name: 'query',
      message: { type: 'query', id: 4, sql: 'SELECT ?', params: ['x', 1, true, null] },
      ok: true,
    },
    {
      name: 'query with maxRows',
      message: { type: 'query', id: 4, sql: 'SELECT 1', params: [], maxRows: 5 },
      ok: true,
    },
    {
      name: 'query with an object param',
      message: { type: 'query', id: 4, sql: 'SELECT ?', params: [{}] },
      ok: false,
    },
    { name: 'query without params', message: { type: 'query', id: 4, sql: 'SELECT 1' }, ok: false },
    {
      name: 'query with negative maxRows',
      message: { type: 'query', id: 4, sql: 'x', params: [], maxRows: -1 },
      ok: false,
    },
    { name: 'cancel', message: { type: 'cancel', id: 5, target: 2 }, ok: true },
    { name: 'clear-cache', message: { type: 'clear-cache', id: 6 }, ok: true },
    { name: 'an unknown type', message: { type: 'read_parquet', id: 7 }, ok: false },
    { name: 'no id', message: { type: 'start' }, ok: false },
    { name: 'a fractional id', message: { type: 'start', id: 1.5 }, ok: false },
    { name: 'null', message: null, ok: false },
  ])('$name → $ok', ({ message, ok }) => {
    expect(isEngineRequest(message)).toBe(ok);
  });
});

describe('worker protocol: events', () => {
  it.each([
    { message: { type: 'started', id: 1, info: {} }, ok: true },
    { message: { type: 'progress', id: 2, progress: {} }, ok: true },
    { message: { type: 'error', id: 3, error: { name: 'E', message: 'm' } }, ok: true },
    { message: { type: 'done', id: 3 }, ok: false },
    { message: { type: 'result', id: 'x' }, ok: false },
  ])('$message.type (id $message.id) → $ok', ({ message, ok }) => {
    expect(isEngineEvent(message)).toBe(ok);
  });
});

describe('errors cross the boundary as { name, message, stack }', () => {
  it.each([
    { error: new RangeError('bad month'), name: 'RangeError', message: 'bad month', stack: true },
    {
      error: new DOMException('cancelled', 'AbortError'),
      name: 'AbortError',
      message: 'cancelled',
      stack: false,
    },
    { error: 'plain text', name: 'Error', message: 'plain text', stack: false },
    { error: { code: 42 }, name: 'Error', message: '{"code":42}', stack: false },
  ])('$name: $message', ({ error, name, message, stack }) => {
    const plain = serializeError(error);
    expect(plain).toMatchObject({ name, message });
    expect(typeof plain.stack === 'string').toBe(stack || typeof plain.stack === 'string');
    expect(structuredClone(plain)).toEqual(plain);
    const back = deserializeError(plain);
    expect(back).toBeInstanceOf(EngineError);
    expect(back.name).toBe(name);
    expect(back.message).toBe(message);
    expect(back.workerStack).toBe(plain.stack);
  });
});
