/**
 * Validation throughput: `npx vitest bench --run test/events.bench.ts`. The pipeline needs ~100k events/s;
 * numbers are printed, never asserted.
 */
import { bench, describe } from 'vitest';
import { decodeEvent, encodeEvent, validateEvent } from '@vwu/contracts';
import { sampleEvents } from './events-samples.js';

const BATCH = 10_000;
const samples = sampleEvents();
const events = Array.from({ length: BATCH }, (_, i) => samples[i % samples.length]!);
const parsed = events.map((e) => JSON.parse(JSON.stringify(e)) as unknown);
const encoded = events.map((e) => encodeEvent(e));
const invalid = parsed.map((e) => ({ ...(e as object), occurred_at: '2024-02-30T10:00:00Z', colour: 'red' }));

describe(`${BATCH} events per iteration (all types × versions)`, () => {
  bench('validateEvent, valid', () => {
    for (const e of parsed) validateEvent(e);
  });
  bench('decodeEvent (UTF-8 bytes → JSON.parse → validate), valid', () => {
    for (const bytes of encoded) decodeEvent(bytes);
  });
  bench('validateEvent, invalid (2 issues each)', () => {
    for (const e of invalid) validateEvent(e);
  });
});
