// The SQL editor runs one read-only statement: SELECT, WITH, EXPLAIN or DESCRIBE. Comments, strings and
// quoted names are read as SQL reads them, so neither a hidden statement nor a harmless word fools it.
import { describe, expect, it } from 'vitest';
import { ReadOnlyError, assertReadOnly, readOnlyProblem } from '../src/engine/read-only.js';

describe('readOnlyProblem', () => {
  it.each([
    'SELECT 1',
    'select month, count(*) from meeting_held group by all;',
    'WITH x AS (SELECT 1 AS a) SELECT a FROM x',
    'EXPLAIN SELECT * FROM post_published',
    'DESCRIBE meeting_held',
    "SELECT 'DROP TABLE meeting_held; DELETE' AS words",
    'SELECT "update", "set" FROM (SELECT 1 AS "update", 2 AS "set")',
    '-- DELETE FROM x\nSELECT 1',
    '/* DROP TABLE x; */ SELECT 1 ;  -- trailing',
    "SELECT 'it''s; fine' AS t",
    'SELECT $$ INSERT; $$ AS t',
    "SELECT replace(channel, '_', ' ') FROM post_published",
    "SELECT starts_with(channel, 'zalo') FROM post_published",
  ])('accepts %j', (sql) => expect(readOnlyProblem(sql)).toBeUndefined());

  it.each<[string, ReturnType<typeof readOnlyProblem>]>([
    ['', { code: 'empty' }],
    ['  -- only a comment\n ; ', { code: 'empty' }],
    ['SELECT 1; DROP TABLE meeting_held', { code: 'multiple' }],
    ['SELECT 1; SELECT 2', { code: 'multiple' }],
    ['DROP TABLE meeting_held', { code: 'statement', word: 'DROP' }],
    ['delete from meeting_held', { code: 'statement', word: 'DELETE' }],
    ['INSERT INTO meeting_held SELECT * FROM meeting_held', { code: 'statement', word: 'INSERT' }],
    ["ATTACH 'x.db'", { code: 'statement', word: 'ATTACH' }],
    ['INSTALL httpfs', { code: 'statement', word: 'INSTALL' }],
    ['SET enable_external_access = true', { code: 'statement', word: 'SET' }],
    ['PRAGMA version', { code: 'statement', word: 'PRAGMA' }],
    ['FROM meeting_held', { code: 'statement', word: 'FROM' }],
    ['WITH d AS (DELETE FROM meeting_held RETURNING *) SELECT * FROM d', { code: 'keyword', word: 'DELETE' }],
    ['EXPLAIN ANALYZE CREATE TABLE t AS SELECT 1', { code: 'keyword', word: 'CREATE' }],
    ['SELECT 1 AS update', { code: 'keyword', word: 'UPDATE' }],
    ["SELECT 'unclosed", { code: 'unterminated' }],
    ['SELECT 1 /* unclosed', { code: 'unterminated' }],
    ['SELECT "x', { code: 'unterminated' }],
  ])('refuses %j', (sql, problem) => expect(readOnlyProblem(sql)).toEqual(problem));

  it('throws a ReadOnlyError carrying the reason', () => {
    expect(() => assertReadOnly("COPY meeting_held TO 'x.csv'")).toThrow(ReadOnlyError);
    try {
      assertReadOnly('SELECT 1; SELECT 2');
    } catch (error) {
      expect((error as ReadOnlyError).problem).toEqual({ code: 'multiple' });
      expect((error as Error).message).toMatch(/more than one statement/);
    }
  });
});
