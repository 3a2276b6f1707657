import { describe, expect, it } from 'vitest';
import {
  InvalidEventError,
  decodeEvent,
  encodeEvent,
  type ActivityEvent,
  type EventIssue,
} from '@vwu/contracts';
import { sampleEvents } from './events-samples.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

function issuesOf(bytes: Uint8Array | string): EventIssue[] {
  const result = decodeEvent(bytes);
  return result.ok ? [] : result.issues;
}

describe('encodeEvent → decodeEvent', () => {
  it.each(sampleEvents().map((e) => [`${e.type} v${e.schema_version}`, e] as const))(
    'round-trips %s',
    (_name, event) => {
      const bytes = encodeEvent(event);
      expect(bytes).toBeInstanceOf(Uint8Array);
      expect(decodeEvent(bytes)).toEqual({ ok: true, event });
      expect(decodeEvent(new TextDecoder().decode(bytes))).toEqual({ ok: true, event });
    },
  );

  it('keeps Vietnamese text intact as UTF-8', () => {
    const [first] = sampleEvents();
    const event = { ...first, event_id: 'evt-ok-0001' } as ActivityEvent;
    expect(new TextDecoder().decode(encodeEvent(event))).toBe(JSON.stringify(event));
  });
});

describe('encodeEvent refuses what readers would reject', () => {
  it.each<[string, (e: ActivityEvent) => ActivityEvent, string]>([
    [
      'minority above attendees',
      (e) => ({
        ...e,
        type: 'meeting.held',
        schema_version: 2,
        attrs: { format: 'online', attendees: 3, minority_attendees: 4, duration_min: 30 },
      }),
      '/attrs/minority_attendees: minority_attendees (4) must not exceed attendees (3)',
    ],
    [
      'an impossible date',
      (e) => ({ ...e, occurred_at: '2025-09-31T08:00:00+07:00' }),
      '/occurred_at: expected an ISO 8601 date-time on a real calendar date',
    ],
  ])('%s', (_name, change, line) => {
    const [first] = sampleEvents();
    const event = change(first as ActivityEvent);
    expect(() => encodeEvent(event)).toThrow(InvalidEventError);
    expect(() => encodeEvent(event)).toThrow(line);
  });

  it('with the issues attached', () => {
    const [first] = sampleEvents();
    const event = { ...first, event_id: 'short' } as ActivityEvent;
    try {
      encodeEvent(event);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidEventError);
      expect((error as InvalidEventError).issues.map((i) => i.path)).toEqual(['/event_id']);
    }
  });
});

describe('decodeEvent rejects undecodable input at path ""', () => {
  it.each<[string, Uint8Array | string, string]>([
    ['non-JSON bytes', utf8('meeting.held,2,online,20'), 'not valid JSON ('],
    ['truncated JSON', utf8('{"event_id":"01J9ZK3Q'), 'not valid JSON ('],
    ['an empty message', new Uint8Array(0), 'not valid JSON ('],
    [
      'bytes that are not UTF-8',
      new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
      'not UTF-8 text; expected one JSON object encoded as UTF-8',
    ],
    ['a JSON array', utf8('[{"type":"meeting.held"}]'), 'expected a JSON object, got an array'],
    ['a JSON number', '42', 'expected a JSON object, got 42'],
    ['JSON null', 'null', 'expected a JSON object, got null'],
    ['a JSON string', '"meeting.held"', 'expected a JSON object, got "meeting.held"'],
    [
      'an oversized message',
      utf8(`{"pad":"${'x'.repeat(70_000)}"}`),
      'event is 70010 bytes long; at most 65536 are accepted',
    ],
  ])('%s', (_name, bytes, message) => {
    const issues = issuesOf(bytes);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('');
    expect(issues[0]?.message).toContain(message);
  });

  it('and validates decodable JSON like validateEvent', () => {
    const [first] = sampleEvents();
    const json = JSON.stringify({ ...first, attrs: { channel: 'tiktok', purpose: 'propaganda' } });
    expect(issuesOf(json)).toEqual([
      {
        path: '/attrs/channel',
        message: 'expected one of website, fanpage, zalo_oa, zalo_group, facebook_group, got "tiktok"',
      },
    ]);
  });
});
