// Signals pasted as CSV: a header line naming the columns, then one signal per line. Quoted fields may hold commas.
export interface SignalRow {
  id: string; type: string; areaCode?: string; regionCode?: string; occurredAt: string; reference: string; kind?: string
}
export const signalColumns = ['id', 'type', 'areaCode', 'regionCode', 'occurredAt', 'reference', 'kind'] as const

export function splitCsvLine(line: string): string[] {
  const out: string[] = []
  let cur = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++ } else if (c === '"') quoted = false
      else cur += c
    } else if (c === '"') quoted = true
    else if (c === ',') { out.push(cur.trim()); cur = '' } else cur += c
  }
  out.push(cur.trim())
  return out
}

export interface ParsedSignals { rows: SignalRow[]; errors: string[] }

/** Parses pasted CSV; a line with the wrong number of fields or an unknown column is reported, not guessed. */
export function parseSignalsCsv(text: string): ParsedSignals {
  const lines = text.split(/\r?\n/).filter(l => l.trim() !== '')
  if (lines.length === 0) return { rows: [], errors: [] }
  const header = splitCsvLine(lines[0])
  const errors: string[] = []
  const unknown = header.filter(h => !(signalColumns as readonly string[]).includes(h))
  if (unknown.length) errors.push(`unknown column(s): ${unknown.join(', ')}`)
  for (const required of ['id', 'type', 'occurredAt', 'reference']) if (!header.includes(required)) errors.push(`missing column: ${required}`)
  if (errors.length) return { rows: [], errors }
  const rows: SignalRow[] = []
  lines.slice(1).forEach((line, index) => {
    const fields = splitCsvLine(line)
    if (fields.length !== header.length) {
      errors.push(`line ${index + 2}: ${fields.length} fields, the header has ${header.length}`)
      return
    }
    const row: Record<string, string> = {}
    header.forEach((h, i) => { if (fields[i] !== '') row[h] = fields[i] })
    rows.push(row as unknown as SignalRow)
  })
  return { rows, errors }
}
