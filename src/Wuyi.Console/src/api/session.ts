// Who is signed in. With the people module (issue 9) the server answers /api/auth/*; until then (404) the console
// runs against the open API as one of the demo users, acting through the X-Wuyi-User header.
import { reactive } from 'vue'
import type { UserView } from './types'
import { readableMessage, type Problem } from './http'
import { demoUser } from '../lib/roles'

type Mode = 'unknown' | 'signed-in' | 'anonymous' | 'open'
const openKey = 'wuyi.openUser'

export const session = reactive({
  mode: 'unknown' as Mode,
  user: null as UserView | null,
  expiredAt: null as Date | null,
  expired() {
    this.user = null
    this.mode = 'anonymous'
    this.expiredAt = new Date()
  },
})

async function call(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(path, {
    method, credentials: 'same-origin',
    headers: body === undefined ? { Accept: 'application/json' } : { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

let asking: Promise<void> | null = null

/** Asks the server who this is (once, however many callers wait); remembers whether the server has sign-in at all. */
export function loadSession(): Promise<void> {
  if (session.mode !== 'unknown') return Promise.resolve()
  return (asking ??= askServer().finally(() => { asking = null }))
}

async function askServer(): Promise<void> {
  try {
    // The first time, the answer to the request index.html already sent (null if it failed: ask again).
    const early = typeof window !== 'undefined' ? window.wuyiWhoAmI : undefined
    if (early) window.wuyiWhoAmI = undefined
    const response = (early && (await early)) || (await call('GET', '/api/auth/me'))
    if (response.ok) {
      session.user = (await response.json()) as UserView
      session.mode = 'signed-in'
    } else if (response.status === 404) {
      session.mode = 'open'
      const name = localStorage.getItem(openKey)
      session.user = name ? demoUser(name) : null
    } else {
      session.mode = 'anonymous'
    }
  } catch {
    session.mode = 'anonymous'
  }
}

export class SignInError extends Error {}

export async function signIn(userName: string, password: string): Promise<UserView> {
  const response = await call('POST', '/api/auth/sign-in', { userName, password })
  if (response.ok) {
    session.user = (await response.json()) as UserView
    session.mode = 'signed-in'
    return session.user
  }
  // 404, or 405 where the console's own GET route holds the path: the server has no sign-in yet.
  if (response.status === 404 || response.status === 405) {
    const user = demoUser(userName)
    if (!user) throw new SignInError('unknownDemoUser')
    session.mode = 'open'
    session.user = user
    localStorage.setItem(openKey, userName)
    return user
  }
  let problem: Partial<Problem> = {}
  try { problem = (await response.json()) as Partial<Problem> } catch { /* no body: a sentence for the status */ }
  throw new SignInError(readableMessage(response.status, problem))
}

export async function signOut(): Promise<void> {
  if (session.mode === 'signed-in') {
    try { await call('POST', '/api/auth/sign-out') } catch { /* signed out locally anyway */ }
    session.mode = 'anonymous'
  }
  localStorage.removeItem(openKey)
  session.user = null
}

export function hasRole(...roles: string[]): boolean {
  return !!session.user?.roles.some(r => roles.includes(r.role))
}
