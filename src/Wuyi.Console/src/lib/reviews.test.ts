import { describe, expect, it } from 'vitest'
import { criterionComments } from './reviews'

describe('criterionComments', () => {
  it('keeps the written ones in the criteria order and drops blank text areas', () => {
    const review = { criterionComments: { publicity: '缺少宣传栏', zeroCases: ' 台账缺少近14天的排查记录 ', organisation: '', measures: '   ' } }
    expect(criterionComments(review)).toEqual([['zeroCases', '台账缺少近14天的排查记录'], ['publicity', '缺少宣传栏']])
  })

  it('is empty for a review without criterion comments', () => {
    expect(criterionComments({ criterionComments: null })).toEqual([])
    expect(criterionComments({})).toEqual([])
  })
})
