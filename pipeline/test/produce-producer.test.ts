import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddedLog, PartitionReader, createProducer, partitionForKey, produceFile } from '@vwu/pipeline';
import type { RejectedLine } from '@vwu/pipeline';
import { meeting, post } from './ingest-fixtures.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vwu-produce-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function logContents(): Promise<{ partition: number; key: string; id: string }[]> {
  const out: { partition: number; key: string; id: string }[] = [];
  for (let partition = 0; partition < 3; partition += 1) {
    const reader = new PartitionReader(dir, partition);
    for (const r of await reader.read(10_000))
      out.push({
        partition,
        key: r.key?.toString() ?? '',
        id: (JSON.parse(r.value.toString()) as { event_id: string }).event_id,
      });
    await reader.close();
  }
  return out;
}

describe('createProducer (embedded log)', () => {
  it('sends the valid events, keyed by unit, and returns each invalid one with its reason', async () => {
    const producer = createProducer({ type: 'embedded', dir });
    const events: unknown[] = [
      post(1),
      { ...post(2), occurred_at: '2025-02-30T10:00:00Z' },
      meeting(3, 2),
      'not an event',
      post(4),
    ];
    const result = await producer.send(events);
    await producer.close();

    expect(result.sent).toBe(3);
    expect(result.rejected.map((r) => [r.index, r.event_id])).toEqual([
      [1, 'evt-00000002'],
      [3, null],
    ]);
    expect(result.rejected[0]?.reason).toMatch(/occurred_at/);
    const stored = await logContents();
    expect(stored.map((s) => s.id).sort()).toEqual(['evt-00000001', 'evt-00000004', 'mtg-2-000003']);
    for (const s of stored) expect(s.partition).toBe(partitionForKey(Buffer.from(s.key), 3));
  });

  it("keeps one unit's events in order", async () => {
    const producer = createProducer({ type: 'embedded', dir });
    const events = Array.from({ length: 200 }, (_, i) => post(i, i % 2 === 0 ? '2025:00004' : '2025:80'));
    await producer.send(events);
    await producer.close();
    const stored = await logContents();
    const unit = stored.filter((s) => s.key === '2025:00004').map((s) => s.id);
    expect(unit).toEqual(events.filter((e) => e.unit_code === '2025:00004').map((e) => e.event_id));
  });

  it('writes through a log already open in this process and leaves it open', async () => {
    const log = await EmbeddedLog.open(dir);
    const producer = createProducer({ type: 'embedded', dir, log });
    expect((await producer.send([post(1)])).sent).toBe(1);
    await producer.close();
    expect((await log.append('k', 'still open')).partition).toBeGreaterThanOrEqual(0);
    await log.close();
  });
});

describe('produceFile', () => {
  const lines = [
    JSON.stringify(post(1)),
    '',
    '{"event_id": "broken',
    JSON.stringify({ ...post(2), attrs: { channel: 'website' } }),
    `${JSON.stringify(post(3))}\r`,
    JSON.stringify(meeting(4, 1)),
  ];

  it.each([
    {
      name: 'a file',
      input: async () => {
        const path = join(dir, 'events.ndjson');
        await writeFile(path, lines.join('\n'));
        return path;
      },
    },
    {
      name: 'a stream in small chunks',
      input: async () => Readable.from(lines.join('\n').match(/[\s\S]{1,7}/g) ?? []),
    },
  ])('reports bad lines by number and sends every good line from $name', async ({ input }) => {
    const producer = createProducer({ type: 'embedded', dir });
    const rejected: RejectedLine[] = [];
    const totals = await produceFile({
      input: await input(),
      producer,
      batchLines: 2,
      onRejected: (r) => rejected.push(r),
    });
    await producer.close();
    expect(totals).toEqual({ lines: 5, sent: 3, rejected: 2 });
    expect(rejected.map((r) => r.line).sort()).toEqual([3, 4]);
    expect(rejected.find((r) => r.line === 3)?.reason).toMatch(/not valid JSON/);
    expect(rejected.find((r) => r.line === 4)?.reason).toMatch(/attrs\/purpose/);
    expect((await logContents()).map((s) => s.id).sort()).toEqual([
      'evt-00000001',
      'evt-00000003',
      'mtg-1-000004',
    ]);
  });
});
