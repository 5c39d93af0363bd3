// The region tree, loaded one level at a time from GET /api/regions (the national tree has 620,573 villages).
import type { RegionChildrenView, RegionCounts } from '../api/types'

export interface TreeNode { code: string; name: string; level: string; counts: RegionCounts; leaf: boolean }

/** The counts shown beside a node, in this order. */
export const countKeys = ['certified', 'applied', 'suspended', 'cancelled', 'none'] as const
export type CountKey = typeof countKeys[number]

/** The request that loads a node's children; the caller's own regions at the top. */
export function childrenUrl(parent?: string | null): string {
  return parent ? `/api/regions?parent=${encodeURIComponent(parent)}` : '/api/regions'
}

/** The tree's nodes for one level of the API's answer: a node without children is a leaf (nothing to expand). */
export function toTreeNodes(view: RegionChildrenView): TreeNode[] {
  return view.items.map(n => ({ code: n.code, name: n.name, level: n.level, counts: n.counts, leaf: !n.hasChildren }))
}

/** The counts worth showing: those above zero, in the order of countKeys. */
export function countParts(counts: RegionCounts): Array<{ key: CountKey; count: number }> {
  return countKeys.filter(k => counts[k] > 0).map(k => ({ key: k, count: counts[k] }))
}
