import { describe, expect, it } from 'vitest';
import { treeAction, type TreeRow } from '../../src/root-config/tree-keys.js';

// Tây Ninh (expanded) › Tân Ninh (collapsed), Bình Minh (expanded) › Chi hội 1 (leaf)
const ROWS: TreeRow[] = [
  { key: 'p', parentKey: null, expandable: true, expanded: true },
  { key: 'c1', parentKey: 'p', expandable: true, expanded: false },
  { key: 'c2', parentKey: 'p', expandable: true, expanded: true },
  { key: 'b1', parentKey: 'c2', expandable: false, expanded: false },
];

describe('tree keyboard (WAI-ARIA tree pattern)', () => {
  it.each([
    { key: 'ArrowDown', at: 0, action: { type: 'focus', index: 1 } },
    { key: 'ArrowDown', at: 3, action: { type: 'focus', index: 3 } },
    { key: 'ArrowUp', at: 2, action: { type: 'focus', index: 1 } },
    { key: 'ArrowUp', at: 0, action: { type: 'focus', index: 0 } },
    { key: 'Home', at: 3, action: { type: 'focus', index: 0 } },
    { key: 'End', at: 0, action: { type: 'focus', index: 3 } },
    { key: 'ArrowRight', at: 1, action: { type: 'expand', key: 'c1' } },
    { key: 'ArrowRight', at: 2, action: { type: 'focus', index: 3 } },
    { key: 'ArrowRight', at: 3, action: { type: 'none' } },
    { key: 'ArrowLeft', at: 2, action: { type: 'collapse', key: 'c2' } },
    { key: 'ArrowLeft', at: 3, action: { type: 'focus', index: 2 } },
    { key: 'ArrowLeft', at: 1, action: { type: 'focus', index: 0 } },
    { key: 'Enter', at: 3, action: { type: 'select', key: 'b1' } },
    { key: ' ', at: 1, action: { type: 'select', key: 'c1' } },
    { key: 'a', at: 1, action: { type: 'none' } },
    { key: 'ArrowDown', at: 9, action: { type: 'focus', index: 0 } },
  ])('$key on row $at → $action.type', ({ key, at, action }) => {
    expect(treeAction(key, ROWS, at)).toEqual(action);
  });

  it('does nothing on an empty tree', () => {
    expect(treeAction('ArrowDown', [], 0)).toEqual({ type: 'none' });
  });
});
