export interface TreeNode<T> {
  item: T;
  children: TreeNode<T>[];
}

/**
 * Builds a forest from a flat list (the API returns regions and organisations flat). Items whose parent
 * is not in the list — outside the caller's scope, or filtered out — become roots. Siblings keep the
 * list's order.
 */
export function buildTree<T>(
  items: readonly T[],
  idOf: (t: T) => string,
  parentOf: (t: T) => string | null,
): TreeNode<T>[] {
  const nodes = new Map<string, TreeNode<T>>();
  for (const item of items) nodes.set(idOf(item), { item, children: [] });
  const roots: TreeNode<T>[] = [];
  for (const item of items) {
    const node = nodes.get(idOf(item));
    if (!node) continue;
    const parentId = parentOf(item);
    const parent = parentId !== null && parentId !== idOf(item) ? nodes.get(parentId) : undefined;
    if (parent && !isAncestor(node, parent)) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Guards against cycles in bad data. */
function isAncestor<T>(candidate: TreeNode<T>, of: TreeNode<T>): boolean {
  const stack = [...candidate.children];
  while (stack.length) {
    const n = stack.pop();
    if (!n) break;
    if (n === of) return true;
    stack.push(...n.children);
  }
  return candidate === of;
}

/** Maps a forest to another shape (antd Tree / TreeSelect / Table tree data). */
export function mapTree<T, R>(nodes: TreeNode<T>[], fn: (item: T, children: R[] | undefined) => R): R[] {
  return nodes.map((n) => fn(n.item, n.children.length ? mapTree(n.children, fn) : undefined));
}

/** The ids of an item and all its descendants (e.g. to keep an organisation from becoming its own child). */
export function subtreeIds<T>(nodes: TreeNode<T>[], rootId: string, idOf: (t: T) => string): Set<string> {
  const out = new Set<string>();
  const visit = (n: TreeNode<T>, inside: boolean) => {
    const here = inside || idOf(n.item) === rootId;
    if (here) out.add(idOf(n.item));
    n.children.forEach((c) => visit(c, here));
  };
  nodes.forEach((n) => visit(n, false));
  return out;
}
