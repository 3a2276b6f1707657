/**
 * Collects the values of one parameterised statement and hands out their placeholders, so that SQL built
 * from parts never holds a value in its text.
 *
 * @example
 * const p = new SqlParams();
 * const sql = `SELECT key FROM org_unit WHERE depth = ${p.add(1)} AND structure = ${p.add('2025')}`;
 * await store.query(sql, p.values);
 */
export class SqlParams {
  readonly values: unknown[] = [];

  /** Adds a value and returns its placeholder (`$1`, `$2`, …). */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
