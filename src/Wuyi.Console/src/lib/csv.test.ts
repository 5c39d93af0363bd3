import { describe, expect, it } from 'vitest'
import { parseSignalsCsv, splitCsvLine } from './csv'

describe('splitCsvLine', () => {
  it('keeps commas inside quotes and unescapes doubled quotes', () => {
    expect(splitCsvLine('a,"b, c","say ""hi"""')).toEqual(['a', 'b, c', 'say "hi"'])
  })
})

describe('parseSignalsCsv', () => {
  it('reads one signal per line by the header, leaving empty fields out', () => {
    const parsed = parseSignalsCsv('id,type,areaCode,regionCode,occurredAt,reference\ns1,close-contact,,460105001,2026-12-01T00:00:00Z,CC-1\n')
    expect(parsed.errors).toEqual([])
    expect(parsed.rows).toEqual([{ id: 's1', type: 'close-contact', regionCode: '460105001', occurredAt: '2026-12-01T00:00:00Z', reference: 'CC-1' }])
  })
  it('reports an unknown column and a missing required one instead of guessing', () => {
    const parsed = parseSignalsCsv('id,type,area,occurredAt\ns1,x,1,2')
    expect(parsed.rows).toEqual([])
    expect(parsed.errors).toContain('unknown column(s): area')
    expect(parsed.errors).toContain('missing column: reference')
  })
  it('reports a line with the wrong number of fields by its line number', () => {
    const parsed = parseSignalsCsv('id,type,occurredAt,reference\ns1,x,2026-12-01T00:00:00Z\n')
    expect(parsed.errors).toEqual(['line 2: 3 fields, the header has 4'])
  })
})
