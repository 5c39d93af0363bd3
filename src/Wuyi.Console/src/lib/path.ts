// What the diagram marks from a certification's timeline: how often each element ran, and which ones ran at all.
import type { TimelineEntry } from '../api/types'

export function elementRuns(timeline: TimelineEntry[]): Map<string, number> {
  const runs = new Map<string, number>()
  for (const entry of timeline) {
    if (entry.type !== 'activity-started' || !entry.elementId) continue
    runs.set(entry.elementId, (runs.get(entry.elementId) ?? 0) + 1)
  }
  return runs
}

/** Maps server field errors ("criteria.zeroCases" → messages) to the form-js component ids that show them. */
export function errorsByComponentId(schema: unknown, errors: Record<string, string[]>): { byId: Record<string, string[]>; unplaced: string[] } {
  const paths = new Map<string, string>()
  const walk = (components: unknown, prefix: string[]) => {
    if (!Array.isArray(components)) return
    for (const c of components as Array<Record<string, unknown>>) {
      const here = typeof c.path === 'string' && c.path ? [...prefix, ...c.path.split('.')] : prefix
      if (typeof c.key === 'string' && typeof c.id === 'string') paths.set([...here, ...c.key.split('.')].join('.'), c.id)
      walk(c.components, here)
    }
  }
  walk((schema as { components?: unknown })?.components, [])
  const byId: Record<string, string[]> = {}
  const unplaced: string[] = []
  for (const [key, messages] of Object.entries(errors)) {
    const normal = key.replace(/^\$\.?/, '').replace(/\[(\w+)\]/g, '.$1')
    const id = paths.get(normal) ?? paths.get(normal.charAt(0).toLowerCase() + normal.slice(1))
    if (id) byId[id] = messages
    else unplaced.push(`${key}: ${messages.join(' ')}`)
  }
  return { byId, unplaced }
}
