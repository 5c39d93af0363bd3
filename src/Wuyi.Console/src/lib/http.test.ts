import { afterEach, describe, expect, it, vi } from 'vitest'
import { get, query, readableMessage } from '../api/http'

describe('readableMessage', () => {
  it('prefers the problem detail, then the first field error, then the title, never an empty text', () => {
    expect(readableMessage(409, { detail: 'You cannot claim task x: claimed by county.' })).toBe('You cannot claim task x: claimed by county.')
    expect(readableMessage(400, { errors: { 'criteria.zeroCases': ['is required'] } })).toBe('criteria.zeroCases: is required')
    expect(readableMessage(404, { title: 'Not found' })).toBe('Not found')
    expect(readableMessage(502, {})).toContain('服务器出错')
    expect(readableMessage(502, {})).toContain('HTTP 502')
    expect(readableMessage(403, {})).toContain('没有权限')
    expect(readableMessage(0, {})).toContain('无法连接服务器')
  })
})

describe('query', () => {
  it('leaves out empty values and encodes the rest', () => {
    expect(query({ region: '46', status: '', page: 1, name: '秀英' })).toBe('?region=46&page=1&name=%E7%A7%80%E8%8B%B1')
    expect(query({ a: undefined })).toBe('')
  })
})

describe('api', () => {
  afterEach(() => { vi.unstubAllGlobals() })
  it('turns a proxy error page into a sentence, never its HTML', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html><body><h1>502 Bad Gateway</h1></body></html>', { status: 502, headers: { 'Content-Type': 'text/html' } }))
    const error = await get('/api/tasks/mine').catch((e: Error) => e)
    expect((error as Error).message).toContain('服务器出错')
    expect((error as Error).message).not.toContain('<')
  })
  it('shows a plain-text answer as it is', async () => {
    vi.stubGlobal('fetch', async () => new Response('database is locked', { status: 503 }))
    expect(((await get('/api/tasks/mine').catch((e: Error) => e)) as Error).message).toBe('database is locked')
  })
})
