import { describe, expect, it } from 'vitest'
import { buildTree } from './tree'
import { reviewsWaiting, statusByCounty } from './dashboard'

const path = [{ code: '46', name: '海南省' }, { code: '4601', name: '海口市' }, { code: '460105', name: '秀英区' }]

describe('buildTree', () => {
  it('adds up the statuses of the areas below each region', () => {
    const tree = buildTree([
      { code: '460105001001', name: 'A', status: 'certified', path },
      { code: '460105001002', name: 'B', status: 'certified', path },
      { code: '460105001003', name: 'C', status: 'suspended', path },
    ])
    expect(tree).toHaveLength(1)
    expect(tree[0].counts).toEqual({ certified: 2, suspended: 1 })
    const county = tree[0].children[0].children[0]
    expect(county.name).toBe('秀英区')
    expect(county.children.map(c => c.code)).toEqual(['460105001001', '460105001002', '460105001003'])
    expect(county.children.every(c => c.leaf)).toBe(true)
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
