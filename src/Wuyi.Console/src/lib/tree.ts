// The region tree with counts by status at each level, built from areas' region paths.
import type { RegionRef } from '../api/types'

export interface TreeNode { code: string; name: string; counts: Record<string, number>; children: TreeNode[]; leaf: boolean }

export function buildTree(areas: Array<{ code: string; name: string; status: string; path: RegionRef[] }>): TreeNode[] {
  const roots: TreeNode[] = []
  const index = new Map<string, TreeNode>()
  const nodeFor = (siblings: TreeNode[], code: string, name: string, leaf: boolean) => {
    let node = index.get(code)
    if (!node) {
      node = { code, name, counts: {}, children: [], leaf }
      index.set(code, node)
      siblings.push(node)
    }
    return node
  }
  for (const area of areas) {
    let siblings = roots
    const chain: TreeNode[] = []
    for (const region of area.path) {
      const node = nodeFor(siblings, region.code, region.name, false)
      chain.push(node)
      siblings = node.children
    }
    chain.push(nodeFor(siblings, area.code, area.name, true))
    for (const node of chain) node.counts[area.status] = (node.counts[area.status] ?? 0) + 1
  }
  const sort = (nodes: TreeNode[]) => { nodes.sort((a, b) => a.code.localeCompare(b.code)); nodes.forEach(n => sort(n.children)) }
  sort(roots)
  return roots
}
