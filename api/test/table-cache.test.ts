import { describe, expect, it } from 'vitest';
import { TableCache } from '../src/members/table-cache.js';

const csv = (rows: number, tag: string) =>
  Buffer.from(
    ['Họ và tên,Ngày sinh', ...Array.from({ length: rows }, (_, i) => `${tag} ${i},01/01/1990`)].join('\n'),
  );

describe('TableCache', () => {
  it('reads the same bytes once and hands back the same table', async () => {
    const cache = new TableCache();
    const first = await cache.read(csv(3, 'Lan'));
    expect(first.rows.map((r) => r.cells[0])).toEqual(['Lan 0', 'Lan 1', 'Lan 2']);
    expect(await cache.read(csv(3, 'Lan'))).toBe(first);
    expect(await cache.read(csv(3, 'Mai'))).not.toBe(first);
  });

  it.each([
    ['keeps both under the bound', 10, true],
    ['drops the oldest past the bound', 5, false],
  ])('%s', async (_, maxRows, kept) => {
    const cache = new TableCache(maxRows);
    const first = await cache.read(csv(3, 'Lan'));
    await cache.read(csv(3, 'Mai'));
    expect((await cache.read(csv(3, 'Lan'))) === first).toBe(kept);
  });
});
