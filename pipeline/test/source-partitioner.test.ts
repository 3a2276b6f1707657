import { Partitioners } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { murmur2, partitionForKey } from '@vwu/pipeline';

describe('partitionForKey', () => {
  const keys = [
    '2025:00004',
    '2025:04',
    'pre2025:001',
    '2025:00004-01',
    'TW',
    '',
    'ÂĂƠ-ký-tự',
    'a'.repeat(37),
  ];
  const kafkajs = Partitioners.DefaultPartitioner();
  const metadata = (n: number) =>
    Array.from({ length: n }, (_, partitionId) => ({
      partitionId,
      leader: 1,
      replicas: [1],
      isr: [1],
      partitionErrorCode: 0,
      offlineReplicas: [],
    }));

  it.each(keys.flatMap((key) => [1, 3, 7, 12].map((n) => [key, n] as const)))(
    '%j among %i partitions is where kafkajs puts it',
    (key, n) => {
      const expected = kafkajs({ topic: 't', partitionMetadata: metadata(n), message: { key, value: null } });
      expect(partitionForKey(Buffer.from(key), n)).toBe(expected);
    },
  );
});

describe('murmur2', () => {
  // Values of Kafka's Java Utils.murmur2 (org.apache.kafka.common.utils.UtilsTest).
  it.each([
    ['21', -973932308],
    ['foobar', -790332482],
    ['a-little-bit-long-string', -985981536],
    ['a-little-bit-longer-string', -1486304829],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
    ['abc', 479470107],
  ])('murmur2(%j) is %i, as in the Java client', (text, expected) => {
    expect(murmur2(Buffer.from(text))).toBe(expected);
  });
});
