import { describe, expect, it } from 'vitest'
import { certificationOf, criterionComments } from './reviews'

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

describe('certificationOf', () => {
  it('is the certification itself, or the one a spot-check or rectification runs under', () => {
    expect(certificationOf('cert-460105001001-1')).toBe('cert-460105001001-1')
    expect(certificationOf('cert-460105001001-1.24')).toBe('cert-460105001001-1')
    expect(certificationOf('cert-460105001001-12.24.3')).toBe('cert-460105001001-12')
  })

  it('is null for an instance of another process', () => {
    expect(certificationOf('console-broken-7')).toBeNull()
  })
})
