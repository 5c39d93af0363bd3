import { describe, expect, it } from 'vitest'
import { outcomeKey, outcomeTag } from './signals'

describe('signal outcomes', () => {
  it('colours and names each outcome', () => {
    expect(['applied', 'duplicate', 'unknown-area', 'refused'].map(outcomeTag)).toEqual(['success', 'info', 'warning', 'danger'])
    expect(outcomeKey('unknown-area')).toBe('signalHistory.outcomes.unknown-area')
    expect(outcomeKey('other')).toBeNull()
  })
})
