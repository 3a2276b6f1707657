import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, eventSchema } from '@vwu/contracts';
import {
  ATTRIBUTE_COLUMNS,
  ATTRIBUTE_NAMES,
  EVENT_SCHEMA,
  UnitResolver,
  attributesOf,
  buildEventBatch,
  rowToRecord,
  tableRows,
  type AttributeKind,
} from '@vwu/pipeline';
import {
  EDGE_EVENTS,
  EVENT_TYPES,
  asRecords,
  hierarchy,
  normalised,
  samplePerType,
} from './parquet-fixtures.js';

const resolver = new UnitResolver(hierarchy);
const sample = samplePerType(40);

describe('event schema', () => {
  const jsonType: Record<AttributeKind, (s: { type?: string; enum?: unknown[] }) => boolean> = {
    bool: (s) => s.type === 'boolean',
    int32: (s) => s.type === 'integer',
    float64: (s) => s.type === 'number',
    dict: (s) => s.enum !== undefined || s.type === 'string',
    utf8: (s) => s.type === 'string',
  };

  it.each(EVENT_TYPES)('%s: every attribute has a column of the contract type', (type) => {
    const schema = eventSchema(type, LATEST_VERSION[type]) as unknown as {
      properties: { attrs: { properties: Record<string, { type?: string; enum?: unknown[] }> } };
    };
    for (const [name, property] of Object.entries(schema.properties.attrs.properties)) {
      const kind = ATTRIBUTE_COLUMNS[name as keyof typeof ATTRIBUTE_COLUMNS] as AttributeKind | undefined;
      expect(kind, `${type}.${name}`).toBeDefined();
      expect(jsonType[kind!](property), `${type}.${name} as ${kind}`).toBe(true);
    }
  });

  it('has 16 envelope columns then every attribute, nullable', () => {
    expect(EVENT_SCHEMA.fields.length).toBe(16 + ATTRIBUTE_NAMES.length);
    expect(EVENT_SCHEMA.fields.slice(16).every((f) => f.nullable)).toBe(true);
  });
});

describe('Arrow batch round trip', () => {
  it.each(EVENT_TYPES)('%s: events → batch → events', (type) => {
    const events = sample.filter((e) => e.type === type);
    expect(events.length, `demo has ${type}`).toBeGreaterThan(0);
    const records = asRecords(events, 3, 1000);
    const batch = buildEventBatch(records, resolver);
    expect(batch.numRows).toBe(records.length);
    const back = tableRows(batch).map(rowToRecord);
    expect(back).toEqual(records.map((r) => ({ ...r, event: normalised(r.event) })));
  });

  it('round-trips a batch that mixes every type', () => {
    const records = asRecords([...sample, ...EDGE_EVENTS], 1, 0);
    const back = tableRows(buildEventBatch(records, resolver)).map(rowToRecord);
    expect(back).toEqual(records.map((r) => ({ ...r, event: normalised(r.event) })));
  });

  it('leaves the columns of absent types null', () => {
    const rows = tableRows(
      buildEventBatch(asRecords(sample.filter((e) => e.type === 'workfile.processed')), resolver),
    );
    const others = ATTRIBUTE_NAMES.filter((n) => !attributesOf('workfile.processed').includes(n));
    for (const row of rows) for (const name of others) expect(row[name]).toBeNull();
  });
});

describe('unit columns', () => {
  const cases = [
    {
      id: 'edge-district-0001',
      recorded_structure: 'pre2025',
      resolve_rule: 'split-equal',
      current_unit: '2025:01273',
      current_units: ['2025:01273', '2025:01279', '2025:01288'],
      current_province: '2025:04',
      current_commune: '2025:01273',
      schema_version: 1,
    },
    {
      id: 'edge-central-0001',
      recorded_structure: '2025',
      resolve_rule: 'identity',
      current_unit: '2025:TW',
      current_units: ['2025:TW'],
      current_province: '2025:TW',
      current_commune: null,
      schema_version: 1,
    },
    {
      id: 'edge-meeting-v1-01',
      recorded_structure: 'pre2025',
      resolve_rule: 'whole',
      current_unit: '2025:01273-01',
      current_units: ['2025:01273-01'],
      current_province: '2025:04',
      current_commune: '2025:01273',
      schema_version: 1,
    },
  ];
  const rows = tableRows(buildEventBatch(asRecords(EDGE_EVENTS), resolver));

  it.each(cases)('$id → $current_unit ($resolve_rule)', ({ id, ...expected }) => {
    const row = rows.find((r) => r.event_id === id)!;
    expect(row).toMatchObject(expected);
    const weights = row.current_weights as number[];
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('stores a v1 meeting in the latest shape: unknown fields are null', () => {
    const row = rows.find((r) => r.event_id === 'edge-meeting-v1-01')!;
    expect([row.attendees, row.minority_attendees, row.duration_min]).toEqual([12, null, null]);
  });

  it('resolves each distinct unit once', () => {
    const fresh = new UnitResolver(hierarchy);
    buildEventBatch(asRecords(sample), fresh);
    expect(fresh.size).toBe(new Set(sample.map((e) => e.unit_code)).size);
  });
});
