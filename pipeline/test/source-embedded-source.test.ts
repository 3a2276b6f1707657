import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddedLog, LockHeldError, createEmbeddedSource, readGroupOffsets } from '@vwu/pipeline';
import type { EmbeddedSourceConfig, EventSource, SourceBatch } from '@vwu/pipeline';

let dir: string;
const sources: EventSource[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vwu-src-'));
});

afterEach(async () => {
  for (const source of sources.splice(0)) await source.stop();
  await rm(dir, { recursive: true, force: true });
});

function source(config: Partial<EmbeddedSourceConfig> = {}): EventSource {
  const created = createEmbeddedSource({
    dir,
    groupId: 'pipeline',
    pollMs: 20,
    restartDelayMs: 10,
    ...config,
  });
  sources.push(created);
  return created;
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(5);
  }
}

async function fill(count: number, partitions = 3, from = 0): Promise<void> {
  const log = await EmbeddedLog.open(dir, { partitions });
  await log.appendMany(
    Array.from({ length: count }, (_, i) => ({ key: `unit-${(from + i) % 11}`, value: `v${from + i}` })),
  );
  await log.close();
}

/** Collects values and commits each batch's end, like a sink whose writes are durable at once. */
function committingHandler(seen: string[]) {
  return async (batch: SourceBatch) => {
    seen.push(...batch.messages.map((m) => m.value.toString()));
    const last = batch.messages[batch.messages.length - 1];
    if (last !== undefined) await batch.commit(String(Number(last.offset) + 1));
  };
}

describe('embedded log source', () => {
  it('delivers every record once and resumes after the committed offsets on restart', async () => {
    await fill(300);
    const seen: string[] = [];
    const first = source();
    await first.start(committingHandler(seen));
    await until(() => seen.length === 300);
    await first.stop();

    await fill(50, 3, 300);
    const second = source();
    const resumed: string[] = [];
    await second.start(committingHandler(resumed));
    await until(() => resumed.length === 50);
    await sleep(100);
    expect(resumed.sort()).toEqual(Array.from({ length: 50 }, (_, i) => `v${300 + i}`).sort());
    expect(new Set(seen).size).toBe(300);
    const committed = await readGroupOffsets(dir, 'pipeline');
    expect([...committed.values()].reduce((a, b) => a + b, 0)).toBe(350);
  });

  it('delivers again what was read but not committed', async () => {
    await fill(30, 1);
    const first = source();
    let delivered = 0;
    await first.start(async (batch) => {
      delivered += batch.messages.length;
      await batch.commit('10');
    });
    await until(() => delivered === 30);
    await first.stop();

    const again: string[] = [];
    const second = source();
    await second.start(committingHandler(again));
    await until(() => again.length === 20);
    expect(again[0]).toBe('v10');
  });

  it('follows appends of a writer in this process without waiting for the next poll', async () => {
    const log = await EmbeddedLog.open(dir, { partitions: 3 });
    const seen: string[] = [];
    // A poll interval far beyond the wait below: each arrival proves the in-process notification.
    const follower = source({ log, pollMs: 600_000 });
    await follower.start(committingHandler(seen));
    for (let i = 0; i < 5; i += 1) {
      await log.append(`unit-${i}`, `v${i}`);
      await until(() => seen.length === i + 1, 10_000);
    }
    expect(seen).toEqual(['v0', 'v1', 'v2', 'v3', 'v4']);
    await follower.stop();
    await log.close();
  });

  it('follows a writer it shares only the directory with, by polling', async () => {
    const log = await EmbeddedLog.open(dir, { partitions: 3 });
    const seen: string[] = [];
    const follower = source({ pollMs: 20 });
    await follower.start(committingHandler(seen));
    await log.append('unit-1', 'hello');
    await until(() => seen.length === 1, 10_000);
    expect(seen).toEqual(['hello']);
    await follower.stop();
    await log.close();
  });

  it('reads what another process appends, written to the documented format', async () => {
    // An independent writer in a child process: log.json, one segment, frames of u32 length + u32 CRC-32 +
    // record (u8 version, u64 offset, u64 timestamp, i32 key length, key, value).
    const writer = `
      import { mkdirSync, writeFileSync, appendFileSync } from 'node:fs';
      import { crc32 } from 'node:zlib';
      const dir = process.argv[1];
      writeFileSync(dir + '/log.json', JSON.stringify({ format: 'vwu-event-log', version: 1, partitions: 1 }));
      mkdirSync(dir + '/partitions/0', { recursive: true });
      const segment = dir + '/partitions/0/' + '0'.repeat(20) + '.log';
      for (let offset = 0; offset < 3; offset += 1) {
        const key = Buffer.from('2025:04'), value = Buffer.from('from-child-' + offset);
        const body = Buffer.alloc(21 + key.length + value.length);
        body.writeUInt8(1, 0); body.writeBigUInt64BE(BigInt(offset), 1); body.writeBigUInt64BE(1750000000000n, 9);
        body.writeInt32BE(key.length, 17); key.copy(body, 21); value.copy(body, 21 + key.length);
        const header = Buffer.alloc(8); header.writeUInt32BE(body.length, 0); header.writeUInt32BE(crc32(body), 4);
        appendFileSync(segment, Buffer.concat([header, body]));
      }`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', writer, dir], { stdio: 'inherit' });
    expect(await new Promise((done) => child.on('exit', done))).toBe(0);
    const seen: string[] = [];
    await source().start(committingHandler(seen));
    await until(() => seen.length === 3);
    expect(seen).toEqual(['from-child-0', 'from-child-1', 'from-child-2']);
  });

  it('announces assignment before the first batch and revocation on stop, where the sink commits', async () => {
    await fill(20, 2);
    const calls: string[] = [];
    const subject = source();
    let last = new Map<number, string>();
    await subject.start(
      async (batch) => {
        calls.push(`batch ${batch.partition}`);
        last.set(batch.partition, String(Number(batch.messages.at(-1)?.offset) + 1));
      },
      {
        onAssigned: async (partitions) => void calls.push(`assigned ${partitions.join(',')}`),
        onRevoked: async (partitions, reason) => {
          calls.push(`revoked ${partitions.join(',')} ${reason}`);
          const result = await subject.commit(
            [...last].map(([partition, offset]) => ({ partition, offset })),
          );
          expect(result.rejected).toEqual([]);
          last = new Map();
        },
      },
    );
    await until(() => calls.filter((c) => c.startsWith('batch')).length === 2);
    await subject.stop();
    expect(calls[0]).toBe('assigned 0,1');
    expect(calls.at(-1)).toBe('revoked 0,1 stop');
    const committed = await readGroupOffsets(dir, 'pipeline');
    expect([...committed.values()].reduce((a, b) => a + b, 0)).toBe(20);
  });

  it('rewinds to the committed offsets after a handler error', async () => {
    await fill(10, 1);
    let failures = 0;
    const seen: string[] = [];
    const reasons: string[] = [];
    const subject = source();
    await subject.start(
      async (batch) => {
        if (failures === 0 && batch.messages.length > 0) {
          failures += 1;
          throw new Error('disk full');
        }
        await committingHandler(seen)(batch);
      },
      { onRevoked: async (_, reason) => void reasons.push(reason) },
    );
    await until(() => seen.length === 10);
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => `v${i}`));
    expect(reasons).toEqual(['restart']);
  });

  it.each([
    { name: 'beyond what was delivered', offset: '999', reason: 'invalid-offset' },
    { name: 'not a number', offset: '-1', reason: 'invalid-offset' },
  ])('rejects a commit $name', async ({ offset, reason }) => {
    await fill(5, 1);
    const subject = source();
    await subject.start(async () => undefined);
    const result = await subject.commit([{ partition: 0, offset }]);
    expect(result.rejected.map((r) => r.reason)).toEqual([reason]);
  });

  it('pauses and resumes partitions', async () => {
    await fill(40, 2);
    const seen = new Set<number>();
    const subject = source();
    subject.pause([1]);
    await subject.start(async (batch) => void seen.add(batch.partition));
    await sleep(100);
    expect([...seen]).toEqual([0]);
    subject.resume([1]);
    await until(() => seen.has(1));
  });

  it('reports lag per partition', async () => {
    await fill(30, 1);
    const subject = source();
    await subject.start(async (batch) => void (await batch.commit('12')));
    await until(() => subject.state() === 'running');
    await sleep(50);
    expect(await subject.lag()).toEqual([{ partition: 0, highWatermark: '30', committed: '12', lag: 18 }]);
  });

  it('lets one consumer of a group run at a time', async () => {
    await fill(1, 1);
    await source().start(async () => undefined);
    await expect(source().start(async () => undefined)).rejects.toBeInstanceOf(LockHeldError);
    await source({ groupId: 'other' }).start(async () => undefined);
  });
});
