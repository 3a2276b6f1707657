import { describe, expect, it, vi } from 'vitest';
import { createUnitTree } from '../../src/root-config/unit-tree.js';

const CHILDREN: Record<string, { key: string; name: string; level: 'commune' | 'branch' }[]> = {
  '2025:80': [
    { key: '2025:25459', name: 'Phường Tân Ninh', level: 'commune' },
    { key: '2025:25480', name: 'Phường Bình Minh', level: 'commune' },
  ],
  '2025:25459': [{ key: '2025:25459-01', name: 'Chi hội Khu phố 1', level: 'branch' }],
  '2025:25480': [],
};

function tree(load = vi.fn(async (key: string) => CHILDREN[key] ?? [])) {
  return { load, tree: createUnitTree({ key: '2025:80', name: 'Tỉnh Tây Ninh', level: 'province' }, load) };
}

describe('unit tree', () => {
  it('loads children when a node opens, once', async () => {
    const { tree: t, load } = tree();
    expect(t.rows().map((r) => r.key)).toEqual(['2025:80']);
    await t.expand('2025:80');
    await t.expand('2025:25459');
    t.collapse('2025:25459');
    await t.expand('2025:25459');
    expect(t.rows().map((r) => [r.key, r.node.depth, r.expandable])).toEqual([
      ['2025:80', 0, true],
      ['2025:25459', 1, true],
      ['2025:25459-01', 2, false],
      ['2025:25480', 1, true],
    ]);
    expect(load.mock.calls.map(([k]) => k)).toEqual(['2025:80', '2025:25459']);
  });

  it('a node with no children stops being expandable; branches never load', async () => {
    const { tree: t, load } = tree();
    await t.expand('2025:80');
    await t.expand('2025:25480');
    await t.expand('2025:25459');
    await t.expand('2025:25459-01');
    expect(t.rows().find((r) => r.key === '2025:25480')?.expandable).toBe(false);
    expect(load).not.toHaveBeenCalledWith('2025:25459-01');
  });

  it('an error closes the node and marks it; opening it again retries', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(CHILDREN['2025:80']);
    const { tree: t } = tree(load);
    await t.expand('2025:80');
    expect(t.rows()[0]).toMatchObject({ expanded: false, node: { state: 'error' } });
    await t.expand('2025:80');
    expect(t.rows()).toHaveLength(3);
  });
});
