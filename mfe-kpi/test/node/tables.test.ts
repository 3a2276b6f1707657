// The engine's tables mirror the pipeline's event schema: every event type has a table, and each table reads
// exactly its type's attributes (at the latest version) plus envelope columns that exist in every file.
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '@vwu/contracts';
import { EVENT_SCHEMA, attributesOf } from '@vwu/pipeline';
import { EVENT_ATTRIBUTES, EVENT_TYPE_NAMES, columnsOf, tableOf } from '../../src/engine/index.js';

describe('tables of the in-browser database', () => {
  it('has a table for every event type of the contracts, and no other', () => {
    expect([...EVENT_TYPE_NAMES].sort()).toEqual([...EVENT_TYPES].sort());
  });

  it.each(EVENT_TYPES.map((type) => ({ type })))('$type reads its attributes', ({ type }) => {
    expect(EVENT_ATTRIBUTES[type as keyof typeof EVENT_ATTRIBUTES]).toEqual(attributesOf(type));
  });

  it('reads only columns of the pipeline schema', () => {
    const schema = new Set(EVENT_SCHEMA.fields.map((f) => f.name));
    for (const type of EVENT_TYPE_NAMES)
      for (const column of columnsOf(type)) expect(schema).toContain(column);
  });

  it('names tables without quoting', () => {
    expect(EVENT_TYPE_NAMES.map(tableOf).every((t) => /^[a-z_]+$/.test(t))).toBe(true);
    expect(tableOf('contest.entry_scored')).toBe('contest_entry_scored');
  });
});
