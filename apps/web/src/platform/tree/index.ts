export { buildTree, mapTree, subtreeIds, type TreeNode } from './build-tree';
