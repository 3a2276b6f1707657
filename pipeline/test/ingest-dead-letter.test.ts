import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssues } from '@vwu/contracts';
import { checkMessage, createFileDeadLetters, deadLetterTopic, toDeadLetter } from '@vwu/pipeline';
import type { DeadLetter } from '@vwu/pipeline';
import { manualClock, message, post } from './ingest-fixtures.js';

const clock = manualClock(Date.UTC(2025, 7, 9, 10, 0, 0));

function letterOf(value: unknown): DeadLetter {
  const verdict = checkMessage(message(41, value, 2));
  if (verdict.type === 'event') throw new Error('expected a rejected message');
  return toDeadLetter(verdict, 'activity-events', clock);
}

describe('dead letters', () => {
  it.each([
    { name: 'undecodable bytes', value: Buffer.from([0xc3, 0x28]), expected: { type: 'undecodable' } },
    {
      name: 'an invalid event',
      value: { ...post(7), attrs: { channel: 'radio', purpose: 'propaganda' } },
      expected: { type: 'invalid', event_id: 'evt-00000007', event_type: 'post.published' },
    },
    {
      name: 'JSON without an id',
      value: { hello: 'world' },
      expected: { type: 'invalid', event_id: null, event_type: null },
    },
  ])('record $name with reason, issues, original bytes and position', ({ value, expected }) => {
    const letter = letterOf(value);
    const original = Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value));
    expect(letter).toMatchObject({
      ...expected,
      topic: 'activity-events',
      partition: 2,
      offset: '41',
      key: '2025:04',
      received_at: '2025-08-09T10:00:00.000Z',
    });
    expect(letter.reason).toBe(formatIssues(letter.issues));
    expect(letter.issues.length).toBeGreaterThan(0);
    expect(Buffer.from(letter.original_base64, 'base64')).toEqual(original);
  });

  it('names the dead-letter topic after the topic', () => {
    expect(deadLetterTopic('activity-events')).toBe('activity-events.dlq');
  });

  it('appends NDJSON files, one per day', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vwu-dlq-'));
    try {
      const sink = createFileDeadLetters(dir);
      await sink.write([letterOf('x'), letterOf('y')]);
      await sink.write([letterOf('z')]);
      await sink.close();
      expect(await readdir(dir)).toEqual(['2025-08-09.ndjson']);
      const lines = (await readFile(join(dir, '2025-08-09.ndjson'), 'utf8')).trim().split('\n');
      expect(
        lines.map((line) =>
          Buffer.from((JSON.parse(line) as DeadLetter).original_base64, 'base64').toString(),
        ),
      ).toEqual(['x', 'y', 'z']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
