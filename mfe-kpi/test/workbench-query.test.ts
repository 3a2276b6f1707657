// The workbench's query builder: SQL from a view spec, table-driven. Identifiers only from the catalogue
// (quoted, checked); every value a person or a URL supplies is a bound parameter.
import { describe, expect, it } from 'vitest';
import type { EventType } from '../src/engine/index.js';
import {
  IdentifierError,
  buildPivotQuery,
  defaultSpec,
  ident,
  type QueryContext,
  type ViewSpec,
} from '../src/workbench/index.js';

const ALL = new Set<EventType>(['meeting.held', 'post.published', 'member.joined', 'document.received']);
const province: QueryContext = {
  unit: { key: '2025:80', level: 'province' },
  from: '2025-07',
  to: '2025-12',
  available: ALL,
};
const spec = (patch: Partial<ViewSpec>): ViewSpec => ({ ...defaultSpec(), ...patch });

describe('buildPivotQuery', () => {
  const cases: {
    name: string;
    spec: ViewSpec;
    context?: Partial<QueryContext>;
    contains: string[];
    lacks?: string[];
    params: unknown[];
  }[] = [
    {
      name: 'default view in a province: meetings by month and format',
      spec: defaultSpec(),
      contains: [
        `SELECT 'meeting.held' AS event_type, month, current_province, current_commune, current_unit, "format" FROM "meeting_held" WHERE month >= ? AND month <= ? AND "current_province" = ?`,
        'SELECT month AS "d0", CAST("format" AS VARCHAR) AS "d1", count(*) FILTER (WHERE event_type = \'meeting.held\') AS "m0"',
        'GROUP BY ALL ORDER BY ALL',
      ],
      params: ['2025-07', '2025-12', '2025:80'],
    },
    {
      name: 'the whole country: no unit filter',
      spec: defaultSpec(),
      context: { unit: { key: '2025:TW', level: 'central' } },
      contains: ['WHERE month >= ? AND month <= ?\n'],
      lacks: ['current_province" = ?'],
      params: ['2025-07', '2025-12'],
    },
    {
      name: 'a commune filters on current_commune',
      spec: spec({ rows: ['unit'], cols: [], measures: ['attendees'] }),
      context: { unit: { key: '2025:25459', level: 'commune' } },
      contains: ['"current_commune" = ?', 'sum(attendees) AS "m0"', 'current_unit AS "d0"'],
      params: ['2025-07', '2025-12', '2025:25459'],
    },
    {
      name: 'measures of two types: their tables unioned, the other type’s column a typed NULL',
      spec: spec({ rows: ['quarter'], cols: ['channel'], measures: ['meetings', 'posts'] }),
      contains: [
        'FROM "post_published"',
        'UNION ALL',
        'FROM "meeting_held"',
        'CAST(NULL AS VARCHAR) AS "channel"',
        `substr(month, 1, 4) || '-Q'`,
      ],
      params: ['2025-07', '2025-12', '2025:80', '2025-07', '2025-12', '2025:80'],
    },
    {
      name: 'filter values are parameters, never SQL text',
      spec: spec({ filters: { format: ["online') OR 1=1; DROP TABLE meeting_held; --", 'hybrid'] } }),
      contains: ['WHERE CAST("format" AS VARCHAR) IN (?, ?)'],
      lacks: ['DROP TABLE', 'OR 1=1'],
      params: ['2025-07', '2025-12', '2025:80', "online') OR 1=1; DROP TABLE meeting_held; --", 'hybrid'],
    },
    {
      name: 'a type-less measure counts over the chosen types; a type filter narrows them',
      spec: spec({
        rows: ['type'],
        cols: [],
        measures: ['events'],
        types: ['meeting.held', 'post.published'],
        filters: { type: ['post.published'] },
      }),
      contains: ['FROM "post_published"', 'count(*) AS "m0"', 'event_type AS "d0"'],
      lacks: ['meeting_held'],
      params: ['2025-07', '2025-12', '2025:80'],
    },
    {
      name: 'no dimension: one row of totals, no GROUP BY',
      spec: spec({ rows: [], cols: [], measures: ['members_distinct'] }),
      contains: ['count(DISTINCT member_key) AS "m0"', 'FROM "member_joined"'],
      lacks: ['GROUP BY'],
      params: ['2025-07', '2025-12', '2025:80'],
    },
  ];

  it.each(cases)('$name', ({ spec: s, context, contains, lacks = [], params }) => {
    const query = buildPivotQuery(s, { ...province, ...context });
    expect(query).toBeDefined();
    for (const text of contains) expect(query!.sql).toContain(text);
    for (const text of lacks) expect(query!.sql).not.toContain(text);
    expect(query!.params).toEqual(params);
  });

  it('answers undefined when none of the view’s types has a table', () => {
    expect(buildPivotQuery(defaultSpec(), { ...province, available: new Set() })).toBeUndefined();
  });

  it.each([
    ['an unknown dimension', spec({ rows: ['month; DROP TABLE x'] })],
    ['an unknown measure', spec({ measures: ['count(*)'] })],
    ['an unknown filter dimension', spec({ filters: { 'format" = 1 OR "x': ['a'] } })],
  ])('refuses %s (a hand-edited URL) instead of writing it into SQL', (_, s) => {
    expect(() => buildPivotQuery(s, province)).toThrow(IdentifierError);
  });

  it('refuses a district of the old structure as a scope', () => {
    expect(() =>
      buildPivotQuery(defaultSpec(), { ...province, unit: { key: '2024:001', level: 'district' } }),
    ).toThrow(IdentifierError);
  });
});

describe('ident', () => {
  it.each([
    ['meeting_held', '"meeting_held"'],
    ['d0', '"d0"'],
    ['_x1', '"_x1"'],
  ])('quotes %s', (name, quoted) => expect(ident(name)).toBe(quoted));

  it.each(['', 'a"b', 'drop table x', 'x;y', '1abc', 'Meeting', 'a-b', `a${'b'.repeat(70)}`, 'x" --'])(
    'refuses %j',
    (name) => expect(() => ident(name)).toThrow(IdentifierError),
  );
});
