// The real PostgreSQL server accepts the `vwu` role with its password on 127.0.0.1 and runs ordinary
// DDL and DML in `vwu_test`, Vietnamese text included.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

describe('PostgreSQL test server', () => {
  const { url } = inject('postgres');
  const table = `it_members_${randomUUID().replace(/-/g, '')}`;
  const client = new pg.Client({ connectionString: url });

  beforeAll(async () => {
    await client.connect();
  });

  afterAll(async () => {
    await client.query(`DROP TABLE IF EXISTS ${table}`);
    await client.end();
  });

  it('connects as vwu to vwu_test over TCP on 127.0.0.1', async () => {
    const { rows } = await client.query<{ user: string; db: string; addr: string; encoding: string }>(
      `SELECT current_user AS user, current_database() AS db, host(inet_server_addr()) AS addr,
              pg_encoding_to_char(encoding) AS encoding
         FROM pg_database WHERE datname = current_database()`,
    );
    expect(rows[0]).toEqual({ user: 'vwu', db: 'vwu_test', addr: '127.0.0.1', encoding: 'UTF8' });
  });

  it('rejects a wrong password', async () => {
    const wrong = new URL(url);
    wrong.password = 'not-the-password';
    const intruder = new pg.Client({ connectionString: wrong.toString() });
    await expect(intruder.connect()).rejects.toThrow(/password authentication failed/);
  });

  it('creates a table, inserts, selects and drops it', async () => {
    await client.query(
      `CREATE TABLE ${table} (id int PRIMARY KEY, full_name text NOT NULL, unit text NOT NULL)`,
    );
    const members = [
      [1, 'Nguyễn Thị Ánh Tuyết', 'Hà Nội'],
      [2, 'Đặng Thùy Trâm', 'Quảng Ngãi'],
      [3, 'Trần Thị Ngọc Hương', 'Thừa Thiên Huế'],
    ] as const;
    for (const member of members) {
      await client.query(`INSERT INTO ${table} (id, full_name, unit) VALUES ($1, $2, $3)`, [...member]);
    }
    const { rows } = await client.query<{ id: number; full_name: string; unit: string }>(
      `SELECT id, full_name, unit FROM ${table} WHERE unit <> $1 ORDER BY id`,
      ['Hà Nội'],
    );
    expect(rows).toEqual([
      { id: 2, full_name: 'Đặng Thùy Trâm', unit: 'Quảng Ngãi' },
      { id: 3, full_name: 'Trần Thị Ngọc Hương', unit: 'Thừa Thiên Huế' },
    ]);
    await client.query(`DROP TABLE ${table}`);
    const { rows: left } = await client.query('SELECT to_regclass($1) AS t', [table]);
    expect(left[0].t).toBeNull();
  });
});
