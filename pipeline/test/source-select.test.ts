import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBrokers, sourceSettingsFromEnv } from '@vwu/pipeline';

describe('sourceSettingsFromEnv', () => {
  it.each([
    {
      env: {},
      expected: {
        type: 'embedded',
        dir: resolve('var/event-log'),
        topic: 'activity-events',
        groupId: 'vwu-pipeline',
      },
    },
    {
      env: { KAFKA_BROKERS: ' ' },
      expected: {
        type: 'embedded',
        dir: resolve('var/event-log'),
        topic: 'activity-events',
        groupId: 'vwu-pipeline',
      },
    },
    {
      env: { EVENT_LOG_DIR: '/data/log', KAFKA_GROUP_ID: 'g' },
      expected: { type: 'embedded', dir: '/data/log', topic: 'activity-events', groupId: 'g' },
    },
    {
      env: { KAFKA_BROKERS: '127.0.0.1:9092' },
      expected: {
        type: 'kafka',
        brokers: ['127.0.0.1:9092'],
        topic: 'activity-events',
        groupId: 'vwu-pipeline',
      },
    },
    {
      env: { KAFKA_BROKERS: 'a:1, b:2 c:3', KAFKA_TOPIC: 'events' },
      expected: { type: 'kafka', brokers: ['a:1', 'b:2', 'c:3'], topic: 'events', groupId: 'vwu-pipeline' },
    },
  ])('$env → $expected.type', ({ env, expected }) => {
    expect(sourceSettingsFromEnv(env)).toEqual(expected);
  });

  it('parses broker lists', () => {
    expect(parseBrokers('a:1,,b:2\n')).toEqual(['a:1', 'b:2']);
  });
});
