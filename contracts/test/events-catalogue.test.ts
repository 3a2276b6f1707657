import { describe, expect, it } from 'vitest';
import {
  EVENT_TYPES,
  LATEST_VERSION,
  UnitKeySchema,
  eventSchema,
  parseUnitKey,
  type EventType,
} from '@vwu/contracts';

type Node = Record<string, unknown>;

/** Every object node of a JSON Schema, depth first. */
function nodes(schema: unknown): Node[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as Node;
  return [
    node,
    ...Object.values(node).flatMap((child) => (Array.isArray(child) ? child.flatMap(nodes) : nodes(child))),
  ];
}

const ALL_SCHEMAS = EVENT_TYPES.flatMap((type) =>
  Array.from(
    { length: LATEST_VERSION[type] },
    (_, i) => [`${type} v${i + 1}`, eventSchema(type, i + 1)] as const,
  ),
);

describe('the catalogue', () => {
  it('lists every type once, with versions from 1', () => {
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length);
    expect(EVENT_TYPES).toHaveLength(20);
    expect(Object.keys(LATEST_VERSION)).toEqual([...EVENT_TYPES]);
    expect(LATEST_VERSION['meeting.held']).toBe(2);
    expect(Object.isFrozen(EVENT_TYPES) && Object.isFrozen(LATEST_VERSION)).toBe(true);
  });

  it.each(ALL_SCHEMAS)('%s is closed, bounded plain JSON Schema', (name, schema) => {
    const json = JSON.parse(JSON.stringify(schema)) as Node;
    expect(json.title).toBe(name);
    for (const node of nodes(json)) {
      if (node.type === 'object') expect(node.additionalProperties, `${name}: object closed`).toBe(false);
      if (node.type === 'string' && !('const' in node)) {
        expect(node.maxLength, `${name}: string bounded`).toBeTypeOf('number');
      }
    }
  });

  it.each(ALL_SCHEMAS)('%s is frozen all the way down', (_name, schema) => {
    expect(nodes(schema).every((node) => Object.isFrozen(node))).toBe(true);
  });

  it.each(ALL_SCHEMAS)('%s names no personal-data field', (_name, schema) => {
    const fields = nodes(schema).flatMap((node) => Object.keys((node.properties as Node | undefined) ?? {}));
    for (const field of fields)
      expect(field).not.toMatch(/name|phone|address|birth|email|religion|ethnicity/);
  });

  it.each<[string, EventType, number]>([
    ['an unknown version', 'meeting.held', 3],
    ['version 0', 'post.published', 0],
    ['a fractional version', 'meeting.held', 1.5],
    ['an unknown type', 'meeting.cancelled' as EventType, 1],
  ])('eventSchema refuses %s', (_name, type, version) => {
    expect(() => eventSchema(type, version)).toThrow(RangeError);
  });
});

function parses(key: string): boolean {
  try {
    parseUnitKey(key);
    return true;
  } catch {
    return false;
  }
}

describe('UnitKeySchema', () => {
  const pattern = new RegExp(String((UnitKeySchema as unknown as Node).pattern));
  it.each([
    ['pre2025:TW', true],
    ['2025:TW', true],
    ['pre2025:01', true],
    ['pre2025:001', true],
    ['pre2025:00004', true],
    ['pre2025:00004-07', true],
    ['pre2025:123-01', true],
    ['2025:38', true],
    ['2025:00004', true],
    ['2025:00004-99', true],
    ['00004', false],
    ['pre2025:0004x', false],
    ['2025:001', false],
    ['2025:001-01', false],
    ['2025:00004-00', false],
    ['2025:00004-7', false],
    ['2026:00004', false],
    ['2025:tw', false],
    [' 2025:00004', false],
  ])('%s → %s, as parseUnitKey decides', (key, valid) => {
    expect(pattern.test(key)).toBe(valid);
    expect(parses(key)).toBe(valid);
  });
});
