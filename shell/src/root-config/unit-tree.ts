import { shallowReactive } from 'vue';
import type { LoadState, UnitLevel } from '@vwu/context';
import type { TreeRow } from './tree-keys.js';

/** A unit of the picker's tree. */
export interface TreeNode {
  key: string;
  name: string;
  level: UnitLevel;
  parentKey: string | null;
  depth: number;
  /** Child keys once loaded. */
  children: string[] | null;
  state: LoadState;
  expanded: boolean;
}

/** A visible row with its node. */
export interface VisibleRow extends TreeRow {
  node: TreeNode;
}

/** Child units as `GET /units/:key` returns them. */
export type ChildLoader = (key: string) => Promise<{ key: string; name: string; level: UnitLevel }[]>;

/** The unit tree under one root (the user's scope), loading children as nodes open. */
export interface UnitTree {
  nodes: ReadonlyMap<string, TreeNode>;
  /** Rows in display order (children of expanded nodes only). */
  rows(): VisibleRow[];
  /** Opens a node, loading its children the first time (again after an error). */
  expand(key: string): Promise<void>;
  collapse(key: string): void;
}

/**
 * A lazily loaded tree of units. Branches are leaves; other levels may have children.
 *
 * @example const tree = createUnitTree({ key: '2025:80', name: 'Tây Ninh', level: 'province' }, loadChildren);
 */
export function createUnitTree(
  root: { key: string; name: string; level: UnitLevel },
  load: ChildLoader,
): UnitTree {
  const nodes = shallowReactive(new Map<string, TreeNode>());
  const put = (node: TreeNode) => nodes.set(node.key, node);
  const update = (key: string, patch: Partial<TreeNode>) => {
    const node = nodes.get(key);
    if (node !== undefined) put({ ...node, ...patch });
  };
  put({ ...root, parentKey: null, depth: 0, children: null, state: 'idle', expanded: false });

  function rows(): VisibleRow[] {
    const out: VisibleRow[] = [];
    const visit = (key: string) => {
      const node = nodes.get(key);
      if (node === undefined) return;
      const expandable = node.level !== 'branch' && (node.children === null || node.children.length > 0);
      out.push({ key, parentKey: node.parentKey, expandable, expanded: node.expanded, node });
      if (node.expanded) for (const child of node.children ?? []) visit(child);
    };
    visit(root.key);
    return out;
  }

  return {
    nodes,
    rows,
    async expand(key) {
      const node = nodes.get(key);
      if (node === undefined || node.level === 'branch') return;
      update(key, { expanded: true });
      if (node.children !== null || node.state === 'loading') return;
      update(key, { state: 'loading' });
      try {
        const children = await load(key);
        for (const child of children) {
          put({
            ...child,
            parentKey: key,
            depth: node.depth + 1,
            children: null,
            state: 'idle',
            expanded: false,
          });
        }
        update(key, { children: children.map((c) => c.key), state: 'done' });
      } catch {
        update(key, { state: 'error', expanded: false });
      }
    },
    collapse(key) {
      update(key, { expanded: false });
    },
  };
}
