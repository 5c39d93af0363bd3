// One fetch wrapper for the whole console: JSON in and out, and every failure turned into an ApiError whose
// message a person can read (the problem's detail, or a sentence naming the status), never a blank page.
import { session } from './session'

export interface Problem {
  status: number
  title?: string
  detail?: string
  errors?: Record<string, string[]>
  by?: string
  at?: string
  [key: string]: unknown
}

export class ApiError extends Error {
  constructor(public readonly status: number, public readonly problem: Problem) {
    super(readableMessage(status, problem))
  }
}

export function readableMessage(status: number, problem: Partial<Problem>): string {
  if (problem.detail) return problem.detail
  if (problem.errors) {
    const first = Object.entries(problem.errors)[0]
    if (first) return `${first[0]}: ${first[1].join(' ')}`
  }
  if (problem.title) return problem.title
  if (status === 0) return '无法连接服务器 (the server cannot be reached)'
  // An answer without a problem body (a proxy's error page, a crash) still gets a sentence, not a bare code.
  if (status === 401) return `请重新登录 (sign in again; HTTP ${status})`
  if (status === 403) return `没有权限 (not allowed; HTTP ${status})`
  if (status === 404) return `未找到 (not found; HTTP ${status})`
  if (status >= 500) return `服务器出错，请稍后再试 (the server failed; HTTP ${status})`
  return `请求未完成 (the request failed; HTTP ${status})`
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  // Before the server has sign-in (open API), the chosen demo user acts through the actor header.
  if (session.mode === 'open' && session.user) headers['X-Wuyi-User'] = session.user.userName
  let response: Response
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' })
  } catch {
    throw new ApiError(0, { status: 0 })
  }
  const text = await response.text()
  let json: unknown = undefined
  if (text) {
    try { json = JSON.parse(text) } catch { json = undefined }
  }
  if (!response.ok) {
    // A text answer is shown as it is; an HTML page (a proxy's) is not text a person should read.
    const plain = text && !text.trimStart().startsWith('<') ? { title: text.slice(0, 200) } : {}
    const problem = (json && typeof json === 'object' ? json : plain) as Problem
    problem.status = response.status
    if (response.status === 401 && session.mode === 'signed-in') session.expired()
    throw new ApiError(response.status, problem)
  }
  return json as T
}

export const get = <T>(path: string) => api<T>('GET', path)
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {})

/** Builds a query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}
