/** One visible row of the unit tree. */
export interface TreeRow {
  key: string;
  parentKey: string | null;
  /** Whether the row can have children (not a branch, children not known to be none). */
  expandable: boolean;
  expanded: boolean;
}

/** What a key press on the tree does. */
export type TreeAction =
  | { type: 'focus'; index: number }
  | { type: 'expand'; key: string }
  | { type: 'collapse'; key: string }
  | { type: 'select'; key: string }
  | { type: 'none' };

/**
 * The WAI-ARIA tree keyboard pattern: ↑/↓ move, Home/End jump, → expands or enters the first child,
 * ← collapses or goes to the parent, Enter/Space selects.
 *
 * @example treeAction('ArrowRight', rows, 0) // { type: 'expand', key: rows[0].key } when collapsed
 */
export function treeAction(key: string, rows: readonly TreeRow[], index: number): TreeAction {
  const row = rows[index];
  if (row === undefined) return rows.length > 0 ? { type: 'focus', index: 0 } : { type: 'none' };
  switch (key) {
    case 'ArrowDown':
      return { type: 'focus', index: Math.min(index + 1, rows.length - 1) };
    case 'ArrowUp':
      return { type: 'focus', index: Math.max(index - 1, 0) };
    case 'Home':
      return { type: 'focus', index: 0 };
    case 'End':
      return { type: 'focus', index: rows.length - 1 };
    case 'ArrowRight':
      if (row.expandable && !row.expanded) return { type: 'expand', key: row.key };
      return rows[index + 1]?.parentKey === row.key ? { type: 'focus', index: index + 1 } : { type: 'none' };
    case 'ArrowLeft': {
      if (row.expanded) return { type: 'collapse', key: row.key };
      const parent = rows.findIndex((r) => r.key === row.parentKey);
      return parent >= 0 ? { type: 'focus', index: parent } : { type: 'none' };
    }
    case 'Enter':
    case ' ':
      return { type: 'select', key: row.key };
    default:
      return { type: 'none' };
  }
}
