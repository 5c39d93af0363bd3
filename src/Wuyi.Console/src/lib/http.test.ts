import { describe, expect, it } from 'vitest'
import { query, readableMessage } from '../api/http'

describe('readableMessage', () => {
  it('prefers the problem detail, then the first field error, then the title, never an empty text', () => {
    expect(readableMessage(409, { detail: 'You cannot claim task x: claimed by county.' })).toBe('You cannot claim task x: claimed by county.')
    expect(readableMessage(400, { errors: { 'criteria.zeroCases': ['is required'] } })).toBe('criteria.zeroCases: is required')
    expect(readableMessage(404, { title: 'Not found' })).toBe('Not found')
    expect(readableMessage(502, {})).toBe('HTTP 502')
    expect(readableMessage(0, {})).toContain('无法连接服务器')
  })
})

describe('query', () => {
  it('leaves out empty values and encodes the rest', () => {
    expect(query({ region: '46', status: '', page: 1, name: '秀英' })).toBe('?region=46&page=1&name=%E7%A7%80%E8%8B%B1')
    expect(query({ a: undefined })).toBe('')
  })
})
