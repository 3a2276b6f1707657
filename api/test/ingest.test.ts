// POST /events: each event checked on its own (contract, unit, scope), the valid ones appended durably to the
// embedded log (read back here with the pipeline's own reader), the others returned by index with reasons;
// batch, body and rate limits; roles that may ingest.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PartitionReader, listSegments } from '@vwu/pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/index.js';
import { signIn, startTestApp, testConfig, type TestApp } from './helpers/app.js';

const dir = mkdtempSync(join(tmpdir(), 'vwu-ingest-'));
const MAX_EVENTS = 50;
let t: TestApp;
const tokens = new Map<string, string>();
let serial = 0;

/** A valid meeting of a unit (a new id each call). */
function meeting(unit: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  serial += 1;
  return {
    event_id: `evt-ingest-${String(serial).padStart(6, '0')}`,
    type: 'meeting.held',
    schema_version: 2,
    occurred_at: '2025-09-15T19:00:00+07:00',
    unit_code: unit,
    attrs: { format: 'hybrid', attendees: 31, minority_attendees: 4, duration_min: 90 },
    ...extra,
  };
}

async function post(username: string | undefined, payload: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: '/events',
    headers: {
      'content-type': 'application/json',
      ...(username === undefined ? {} : { authorization: `Bearer ${tokens.get(username)}` }),
      ...headers,
    },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
}

/** Every record in the embedded log, decoded. */
async function logged(): Promise<Array<{ event_id: string; source: string; unit_code: string }>> {
  const out: Array<{ event_id: string; source: string; unit_code: string }> = [];
  for (let partition = 0; partition < 3; partition += 1) {
    if ((await listSegments(dir, partition).catch(() => [])).length === 0) continue;
    const reader = new PartitionReader(dir, partition);
    try {
      await reader.seek(0);
      for (const record of await reader.read(100_000)) out.push(JSON.parse(record.value.toString('utf8')));
    } finally {
      await reader.close();
    }
  }
  return out;
}

beforeAll(async () => {
  const base = testConfig();
  t = await startTestApp({
    config: {
      ingest: {
        ...base.ingest,
        target: { type: 'embedded', dir },
        maxEvents: MAX_EVENTS,
        bodyLimitBytes: 64 * 1024,
      },
    },
  });
  for (const username of ['officer.tanninh', 'leader.tayninh', 'analyst.central', 'organiser.central'])
    tokens.set(username, (await signIn(t.app, username, DEMO_PASSWORD)).accessToken);
});

afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('POST /events', () => {
  it('appends valid events durably and returns the bad ones by index, with reasons', async () => {
    const good = [
      meeting('2025:25459'),
      meeting('2025:25459-01'),
      meeting('pre2025:25459', { occurred_at: '2024-11-20T19:00:00+07:00' }),
    ];
    const batch = [
      good[0],
      { ...meeting('2025:25459'), attrs: { format: 'by_pigeon', attendees: 3 } },
      good[1],
      meeting('2025:00004'),
      'not an event',
      meeting('2025:99999'),
      good[2],
      { ...meeting('2025:25459'), type: 'meeting.imagined' },
    ];
    const response = await post('officer.tanninh', batch);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{
      accepted: number;
      rejected: Array<{ index: number; reason: string; event_id: string | null }>;
    }>();
    expect(body.accepted).toBe(3);
    expect(body.rejected.map((r) => r.index)).toEqual([1, 3, 4, 5, 7]);
    expect(body.rejected.find((r) => r.index === 3)?.reason).toMatch(/outside your scope/);
    expect(body.rejected.find((r) => r.index === 5)?.reason).toMatch(/no unit has the key/);
    expect(body.rejected.find((r) => r.index === 1)?.reason).toMatch(/format/);
    expect(body.rejected.find((r) => r.index === 4)?.event_id).toBeNull();
    const records = await logged();
    expect(records.map((r) => r.event_id).sort()).toEqual(good.map((e) => e?.event_id).sort());
    expect(new Set(records.map((r) => r.source))).toEqual(new Set(['api']));
  });

  it.each([
    { who: 'leader.tayninh', unit: '2025:25459', status: 200, accepted: 1 },
    { who: 'organiser.central', unit: '2025:01', status: 200, accepted: 1 },
    { who: 'leader.tayninh', unit: '2025:01', status: 200, accepted: 0 },
    { who: 'analyst.central', unit: '2025:01', status: 403, accepted: undefined },
    { who: undefined, unit: '2025:25459', status: 401, accepted: undefined },
  ])('$who on $unit → $status', async ({ who, unit, status, accepted }) => {
    const response = await post(who, [meeting(unit)]);
    expect(response.statusCode, response.body).toBe(status);
    if (accepted !== undefined) expect(response.json().accepted).toBe(accepted);
  });

  it.each([
    {
      what: 'more events than allowed',
      payload: Array.from({ length: MAX_EVENTS + 1 }, () => meeting('2025:25459')),
      status: 413,
      code: 'INGEST_BATCH_TOO_LARGE',
    },
    {
      what: 'a body over the limit',
      payload: [{ ...meeting('2025:25459'), pad: 'x'.repeat(70_000) }],
      status: 413,
      code: 'BODY_TOO_LARGE',
    },
    { what: 'malformed JSON', payload: '[{"event_id": ', status: 400, code: 'MALFORMED_JSON' },
    {
      what: 'an object instead of an array',
      payload: meeting('2025:25459'),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      what: 'SQL-looking text',
      payload: [meeting("2025:25459'; DROP TABLE audit_log; --")],
      status: 200,
      code: undefined,
    },
  ])('answers $what with $status and writes nothing', async ({ payload, status, code }) => {
    const before = (await logged()).length;
    const response = await post('officer.tanninh', payload);
    expect(response.statusCode).toBe(status);
    if (code !== undefined) expect(response.json().error.code).toBe(code);
    else expect(response.json()).toMatchObject({ accepted: 0 });
    expect((await logged()).length).toBe(before);
  });

  it('counts accepted and rejected events in /metrics', async () => {
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/ingest_events_total\{outcome="accepted"\} \d+/);
    expect(metrics.body).toMatch(/ingest_events_total\{outcome="rejected"\} \d+/);
  });
});

describe('POST /events rate limit', () => {
  it('refuses requests over the per-minute limit with 429 and Retry-After', async () => {
    const limited = await startTestApp({
      config: {
        ingest: {
          ...testConfig().ingest,
          target: { type: 'embedded', dir: join(dir, 'limited') },
          ratePerMinute: 3,
        },
      },
    });
    try {
      const token = (await signIn(limited.app, 'officer.tanninh', DEMO_PASSWORD)).accessToken;
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 5; i += 1) {
        last = await limited.app.inject({
          method: 'POST',
          url: '/events',
          headers: { authorization: `Bearer ${token}` },
          payload: [],
        });
        statuses.push(last.statusCode);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(last?.json().error.code).toBe('RATE_LIMITED');
      expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
