import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import zhCN from './zh-CN'
import en from './en'

function keys(messages: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]))
}
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : /\.(vue|ts)$/.test(name) && !name.endsWith('.test.ts') ? [path] : []
  })
}

describe('messages', () => {
  it('English has exactly the Chinese keys', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort())
  })
  it('every literal key the pages use exists in Chinese', () => {
    const known = new Set(keys(zhCN))
    const used = sources(join(__dirname, '..')).flatMap(file =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z]+\.[a-zA-Z.]+)'/g)].map(m => `${m[1]} (${file.split('/src/').pop()})`))
    expect(used.length).toBeGreaterThan(100)
    expect(used.filter(u => !known.has(u.split(' ')[0]))).toEqual([])
  })
})
