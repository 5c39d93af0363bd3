import { describe, expect, it } from 'vitest'
import { childrenUrl, countParts, toTreeNodes } from './tree'
import { reviewsWaiting, statusByCounty } from './dashboard'

describe('region tree', () => {
  const counts = { areas: 10, certified: 2, applied: 0, suspended: 1, cancelled: 0, none: 7 }
  it('asks for the caller\'s own regions at the top and a node\'s children below', () => {
    expect(childrenUrl(null)).toBe('/api/regions')
    expect(childrenUrl('460105')).toBe('/api/regions?parent=460105')
  })
  it('makes a node without children a leaf', () => {
    const nodes = toTreeNodes({ parent: '460105001', items: [
      { code: '460105001001', name: '秀华社区', level: 'community', hasChildren: true, counts },
      { code: '460105001002', name: '秀海社区', level: 'community', hasChildren: false, counts },
    ] })
    expect(nodes.map(n => [n.code, n.leaf])).toEqual([['460105001001', false], ['460105001002', true]])
    expect(nodes[0].counts.certified).toBe(2)
  })
  it('shows the counts above zero in a fixed order', () => {
    expect(countParts(counts)).toEqual([{ key: 'certified', count: 2 }, { key: 'suspended', count: 1 }, { key: 'none', count: 7 }])
    expect(countParts({ areas: 0, certified: 0, applied: 0, suspended: 0, cancelled: 0, none: 0 })).toEqual([])
  })
})

describe('dashboard figures', () => {
  it('counts statuses per county by the area code', () => {
    const at = '2026-12-01T00:00:00Z'
    const grouped = statusByCounty([
      { id: '1', areaCode: '460105001001', areaName: null, status: 'certified', appliedAt: at, certifiedAt: null, endedAt: null },
      { id: '2', areaCode: '460106001001', areaName: null, status: 'certified', appliedAt: at, certifiedAt: null, endedAt: null },
      { id: '3', areaCode: '460105001002', areaName: null, status: 'suspended', appliedAt: at, certifiedAt: null, endedAt: null },
    ])
    expect(grouped.counties).toEqual(['460105', '460106'])
    expect(grouped.statuses).toEqual(['certified', 'suspended'])
    expect(grouped.counts).toEqual([[1, 1], [1, 0]])
  })
  it('counts waiting and overdue reviews per level', () => {
    const base = { instanceId: 'i', name: null, businessKey: null, regionCode: null, state: 'open', assignee: null, candidateUsers: [], candidateGroups: [],
      priority: 50, formKey: null, claimedBy: null, claimedAt: null, completedBy: null, endedAt: null, createdAt: '' }
    const levels = reviewsWaiting([
      { ...base, id: '1', elementId: 'TownshipReview', dueAt: '2026-12-01T00:00:00Z' },
      { ...base, id: '2', elementId: 'TownshipReview', dueAt: '2026-12-09T00:00:00Z' },
    ], new Date('2026-12-03T00:00:00Z'))
    expect(levels).toEqual([{ level: 'TownshipReview', waiting: 2, overdue: 1 }])
  })
})
