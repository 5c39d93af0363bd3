import { describe, expect, it } from 'vitest'
import { inboxOf } from '../api/inbox'
import { dueState } from './due'
import { groupMatches, landingFor, demoUser } from './roles'
import type { TaskView } from '../api/types'

const now = new Date('2026-12-03T12:00:00Z')
const task = (id: string, group: string, dueAt: string | null, assignee: string | null = null): TaskView => ({
  id, instanceId: `cert-${id}`, elementId: 'TownshipReview', name: id, businessKey: id, regionCode: null, state: 'open', assignee,
  candidateUsers: [], candidateGroups: [group], dueAt, priority: 50, formKey: 'township-review', claimedBy: null, claimedAt: null,
  completedBy: null, endedAt: null, createdAt: '2026-12-01T00:00:00Z',
})

describe('dueState', () => {
  it('is overdue past the due time, due soon within two days, else none', () => {
    expect(dueState('2026-12-03T11:00:00Z', now)).toBe('overdue')
    expect(dueState('2026-12-04T11:00:00Z', now)).toBe('dueSoon')
    expect(dueState('2026-12-09T11:00:00Z', now)).toBe('none')
    expect(dueState(null, now)).toBe('none')
  })
})

describe('groupMatches', () => {
  it('matches the same role in a region inside the grant, not a neighbour or another role', () => {
    const township = demoUser('township')!
    expect(groupMatches('township-reviewer:460105001', township)).toBe(true)
    expect(groupMatches('township-reviewer:460105002', township)).toBe(false)
    expect(groupMatches('county-assessor:460105001', township)).toBe(false)
  })
})

describe('inboxOf', () => {
  it('keeps the user\'s tasks, counts them and sorts by due date', () => {
    const user = demoUser('township')!
    const inbox = inboxOf([
      task('b', 'township-reviewer:460105001', '2026-12-09T00:00:00Z'),
      task('a', 'township-reviewer:460105001', '2026-12-02T00:00:00Z', 'township'),
      task('c', 'county-assessor:460105', '2026-12-01T00:00:00Z'),
    ], user, {}, now)
    expect(inbox.items.map(x => x.id)).toEqual(['a', 'b'])
    expect(inbox.counts).toEqual({ all: 2, assigned: 1, claimable: 1, overdue: 1, dueSoon: 0 })
  })
  it('filters to overdue only when asked', () => {
    const inbox = inboxOf([task('a', 'township-reviewer:460105001', '2026-12-02T00:00:00Z'), task('b', 'township-reviewer:460105001', null)],
      demoUser('township')!, { overdue: true }, now)
    expect(inbox.items.map(x => x.id)).toEqual(['a'])
  })
})

describe('landingFor', () => {
  it('sends each role where its work is', () => {
    expect(landingFor(demoUser('admin'))).toBe('/operations')
    expect(landingFor(demoUser('operator'))).toBe('/signals')
    expect(landingFor(demoUser('inspector'))).toBe('/inspections')
    expect(landingFor(demoUser('county'))).toBe('/inbox')
  })
})
