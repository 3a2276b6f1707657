import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, LATEST_VERSION, validateEvent, type EventIssue } from '@vwu/contracts';
import { edit, meeting, sampleEvents, type Json } from './events-samples.js';

// Throughput: `npx vitest bench --run test/events.bench.ts` prints events/s; nothing is timed here.

function issuesOf(input: unknown): EventIssue[] {
  const result = validateEvent(input);
  return result.ok ? [] : result.issues;
}

const TOO_LONG = 'a'.repeat(5000);
const DATE_TIME = /^expected an ISO 8601 date-time on a real calendar date/;

describe('validateEvent accepts', () => {
  it.each(sampleEvents().map((e) => [`${e.type} v${e.schema_version}`, e] as const))('%s', (_name, event) => {
    expect(validateEvent(event)).toEqual({ ok: true, event });
  });

  it('a sample of every type × version', () => {
    const sampled = new Set(sampleEvents().map((e) => `${e.type}@${e.schema_version}`));
    const all = EVENT_TYPES.flatMap((type) =>
      Array.from({ length: LATEST_VERSION[type] }, (_, i) => `${type}@${i + 1}`),
    );
    expect([...sampled].sort()).toEqual(all.sort());
  });

  it.each([
    ['a UUID event_id', edit((e) => (e.event_id = '0b6f1f2e-6a0e-4d3b-9c55-2f3b8c1d9e7a'))],
    ['no source', edit((e) => delete e.source)],
    ['a UTC timestamp with a fraction', edit((e) => (e.occurred_at = '2025-09-15T12:00:00.5Z'))],
    ['a negative offset', edit((e) => (e.occurred_at = '2025-09-15T01:00:00-05:00'))],
    ['29 February 2028', edit((e) => (e.occurred_at = '2028-02-29T08:00:00+07:00'))],
    ['31 December', edit((e) => (e.occurred_at = '2025-12-31T23:59:59+07:00'))],
    ['a central-office unit', edit((e) => (e.unit_code = '2025:TW'))],
    ['zero attendees', edit((e) => Object.assign(e.attrs, { attendees: 0, minority_attendees: 0 }))],
  ])('%s', (_name, event) => {
    expect(issuesOf(event)).toEqual([]);
  });
});

describe('validateEvent rejects, naming the field', () => {
  it.each<[string, unknown, EventIssue[]]>([
    [
      'attendees as a string',
      edit((e) => (e.attrs.attendees = '12')),
      [{ path: '/attrs/attendees', message: 'expected an integer from 0 to 50,000,000, got "12"' }],
    ],
    [
      'a missing attrs field',
      edit((e) => delete e.attrs.format),
      [{ path: '/attrs/format', message: 'required field is missing' }],
    ],
    [
      'an extra attrs field',
      edit((e) => (e.attrs.colour = 'red')),
      [{ path: '/attrs/colour', message: 'unknown field' }],
    ],
    [
      'an extra envelope field (personal data has no place in events)',
      edit((e) => (e.name = 'Nguyễn Thị Hoa')),
      [{ path: '/name', message: 'unknown field' }],
    ],
    [
      'a missing envelope field',
      edit((e) => delete e.occurred_at),
      [{ path: '/occurred_at', message: 'required field is missing' }],
    ],
    [
      'attrs that are not an object',
      edit((e) => (e.attrs = [] as unknown as Json['attrs'])),
      [{ path: '/attrs', message: 'expected an object, got an array' }],
    ],
    [
      'a format outside the enum',
      edit((e) => (e.attrs.format = 'radio')),
      [{ path: '/attrs/format', message: 'expected one of in_person, online, hybrid, got "radio"' }],
    ],
    [
      'a negative count',
      edit((e) => (e.attrs.attendees = -1)),
      [{ path: '/attrs/attendees', message: 'expected an integer from 0 to 50,000,000, got -1' }],
    ],
    [
      'a fractional count',
      edit((e) => (e.attrs.attendees = 12.5)),
      [{ path: '/attrs/attendees', message: 'expected an integer from 0 to 50,000,000, got 12.5' }],
    ],
    [
      'a duration of 0',
      edit((e) => (e.attrs.duration_min = 0)),
      [{ path: '/attrs/duration_min', message: 'expected an integer from 1 to 600, got 0' }],
    ],
    [
      'an unknown source',
      edit((e) => (e.source = 'csv')),
      [{ path: '/source', message: 'expected one of api, demo, import, kafka, got "csv"' }],
    ],
    [
      'an unknown type',
      edit((e) => (e.type = 'meeting.cancelled')),
      [
        {
          path: '/type',
          message: `unknown event type "meeting.cancelled"; expected one of ${EVENT_TYPES.join(', ')}`,
        },
      ],
    ],
    [
      'a type inherited from Object.prototype',
      edit((e) => (e.type = 'constructor')),
      [{ path: '/type', message: expect.stringMatching(/^unknown event type "constructor"/) }],
    ],
    [
      'a type that is not a string',
      edit((e) => (e.type = 7)),
      [{ path: '/type', message: 'expected an event type such as "meeting.held", got 7' }],
    ],
    ['a missing type', edit((e) => delete e.type), [{ path: '/type', message: 'required field is missing' }]],
    [
      'a future schema version',
      edit((e) => (e.schema_version = 3)),
      [
        {
          path: '/schema_version',
          message: 'meeting.held version 3 is newer than this reader supports (1–2); upgrade the reader',
        },
      ],
    ],
    [
      'a future version of a single-version type',
      { ...sampleEvents()[0], schema_version: 2 },
      [
        {
          path: '/schema_version',
          message: 'post.published version 2 is newer than this reader supports (1); upgrade the reader',
        },
      ],
    ],
    [
      'schema_version 0',
      edit((e) => (e.schema_version = 0)),
      [{ path: '/schema_version', message: 'expected an integer ≥ 1, got 0' }],
    ],
    [
      'schema_version 1.5',
      edit((e) => (e.schema_version = 1.5)),
      [{ path: '/schema_version', message: 'expected an integer ≥ 1, got 1.5' }],
    ],
    [
      'schema_version "1"',
      edit((e) => (e.schema_version = '1')),
      [{ path: '/schema_version', message: 'expected an integer ≥ 1, got "1"' }],
    ],
    [
      'a missing schema_version',
      edit((e) => delete e.schema_version),
      [{ path: '/schema_version', message: 'required field is missing' }],
    ],
    [
      'v2 fields in a v1 event',
      edit((e) => (e.schema_version = 1)),
      [
        { path: '/attrs/minority_attendees', message: 'unknown field' },
        { path: '/attrs/duration_min', message: 'unknown field' },
      ],
    ],
    [
      'an oversized event_id',
      edit((e) => (e.event_id = TOO_LONG)),
      [
        {
          path: '/event_id',
          message: expect.stringMatching(/^expected an id of 8–64 .*, got "a{40}"… \(5,000 characters\)$/),
        },
      ],
    ],
    [
      'a short event_id',
      edit((e) => (e.event_id = 'abc')),
      [{ path: '/event_id', message: expect.stringMatching(/^expected an id of 8–64 .*, got "abc"$/) }],
    ],
    [
      'an event_id with spaces',
      edit((e) => (e.event_id = 'evt 0000 0001')),
      [{ path: '/event_id', message: expect.stringMatching(/, got "evt 0000 0001"$/) }],
    ],
    [
      'a bare unit code without structure',
      edit((e) => (e.unit_code = '00004')),
      [
        {
          path: '/unit_code',
          message: expect.stringMatching(/^expected a unit key "structure:code" .*, got "00004"$/),
        },
      ],
    ],
    [
      'a malformed pre-2025 code',
      edit((e) => {
        e.unit_code = 'pre2025:0004x';
        e.occurred_at = '2024-05-01T08:00:00+07:00';
      }),
      [{ path: '/unit_code', message: expect.stringContaining('got "pre2025:0004x"') }],
    ],
    [
      'a district in the 2025 structure',
      edit((e) => (e.unit_code = '2025:001')),
      [{ path: '/unit_code', message: expect.stringContaining('3-digit district (pre2025 only)') }],
    ],
    [
      'an oversized unit code',
      edit((e) => (e.unit_code = `2025:${TOO_LONG}`)),
      [
        {
          path: '/unit_code',
          message: expect.stringMatching(/^expected a unit key .*, got "2025:a{35}"… \(5,005 characters\)$/),
        },
      ],
    ],
    ...[
      ['30 February', '2024-02-30T10:00:00Z'],
      ['29 February in a common year', '2025-02-29T10:00:00+07:00'],
      ['29 February 1900', '1900-02-29T10:00:00Z'],
      ['31 April', '2025-04-31T10:00:00+07:00'],
      ['month 13', '2025-13-01T10:00:00+07:00'],
      ['hour 24', '2025-09-15T24:00:00Z'],
      ['a leap second', '2016-12-31T23:59:60Z'],
      ['an offset of 24 hours', '2025-09-15T19:00:00+24:00'],
      ['no time zone', '2025-09-15T19:00:00'],
      ['a date only', '2025-09-15'],
      ['a space for T', '2025-09-15 19:00:00Z'],
      ['a lower-case t', '2025-09-15t19:00:00Z'],
      ['a bracketed zone', '2025-09-15T19:00:00+07:00[Asia/Ho_Chi_Minh]'],
      ['epoch milliseconds', 1757937600000],
    ].map(([name, value]): [string, unknown, EventIssue[]] => [
      `occurred_at with ${String(name)}`,
      edit((e) => (e.occurred_at = value)),
      [{ path: '/occurred_at', message: expect.stringMatching(DATE_TIME) }],
    ]),
    ['a JSON array', [meeting()], [{ path: '', message: 'expected a JSON object, got an array' }]],
    ['null', null, [{ path: '', message: 'expected a JSON object, got null' }]],
    ['a string', 'meeting.held', [{ path: '', message: 'expected a JSON object, got "meeting.held"' }]],
  ])('%s', (_name, input, expected) => {
    expect(issuesOf(input)).toEqual(expected);
  });
});

describe('validateEvent reports every issue', () => {
  it('in the envelope and attrs at once', () => {
    const event = edit((e) => {
      e.event_id = 'x';
      delete e.attrs.format;
      e.attrs.duration_min = '60';
      e.extra = true;
    });
    expect(
      issuesOf(event)
        .map((i) => i.path)
        .sort(),
    ).toEqual(['/attrs/duration_min', '/attrs/format', '/event_id', '/extra']);
  });

  it('in the envelope when the type is unknown', () => {
    const event = edit((e) => {
      e.type = 'meeting.cancelled';
      e.unit_code = '00004';
      e.schema_version = 0;
    });
    expect(issuesOf(event).map((i) => i.path)).toEqual(['/type', '/schema_version', '/unit_code']);
  });

  it('up to a cap, saying that more were left out', () => {
    const event = edit((e) => {
      for (let i = 0; i < 50; i += 1) e.attrs[`x${i}`] = i;
    });
    const issues = issuesOf(event);
    expect(issues).toHaveLength(21);
    expect(issues.at(-1)).toEqual({ path: '', message: 'further issues not shown; fix these first' });
  });
});
