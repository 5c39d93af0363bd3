import { describe, expect, it } from 'vitest'
import { elementRuns, errorsByComponentId } from './path'
import type { TimelineEntry } from '../api/types'

const entry = (type: string, elementId: string | null): TimelineEntry => ({ at: '2026-12-01T00:00:00Z', type, elementId, actor: 'x', data: {} })

describe('elementRuns', () => {
  it('counts each activity start per element and ignores other events', () => {
    const runs = elementRuns([entry('activity-started', 'TownshipReview'), entry('activity-completed', 'TownshipReview'),
      entry('activity-started', 'Revise'), entry('activity-started', 'TownshipReview'), entry('instance-started', null)])
    expect(Object.fromEntries(runs)).toEqual({ TownshipReview: 2, Revise: 1 })
  })
})

describe('errorsByComponentId', () => {
  const schema = { components: [
    { type: 'group', id: 'Group_criteria', path: 'criteria', components: [{ type: 'radio', id: 'Field_criteria_zeroCases', key: 'zeroCases' }] },
    { type: 'textarea', id: 'Field_comments', key: 'comments' },
  ] }
  it('places a field error at the component whose group path and key make the field key', () => {
    const placed = errorsByComponentId(schema, { 'criteria.zeroCases': ['required'], comments: ['too long'] })
    expect(placed.byId).toEqual({ Field_criteria_zeroCases: ['required'], Field_comments: ['too long'] })
    expect(placed.unplaced).toEqual([])
  })
  it('keeps errors for keys the form does not show, to list them above the form', () => {
    const placed = errorsByComponentId(schema, { decision: ['must be approve, return or reject'] })
    expect(placed.unplaced).toEqual(['decision: must be approve, return or reject'])
  })
})
