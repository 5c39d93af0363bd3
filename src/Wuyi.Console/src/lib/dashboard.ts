import type { CertificationSummary, TaskView } from '../api/types'

/** Areas by status per county (the first six digits of an area code). */
export function statusByCounty(items: CertificationSummary[]): { counties: string[]; statuses: string[]; counts: number[][] } {
  const counties = [...new Set(items.map(c => c.areaCode.slice(0, 6)))].sort()
  const statuses = [...new Set(items.map(c => c.status))].sort()
  const counts = statuses.map(s => counties.map(county => items.filter(c => c.status === s && c.areaCode.startsWith(county)).length))
  return { counties, statuses, counts }
}

/** Open review tasks per level (element), with how many are overdue. */
export function reviewsWaiting(tasks: TaskView[], now = new Date()): Array<{ level: string; waiting: number; overdue: number }> {
  const levels = new Map<string, { waiting: number; overdue: number }>()
  for (const task of tasks) {
    const entry = levels.get(task.elementId) ?? { waiting: 0, overdue: 0 }
    entry.waiting++
    if (task.dueAt && new Date(task.dueAt) < now) entry.overdue++
    levels.set(task.elementId, entry)
  }
  return [...levels].map(([level, v]) => ({ level, ...v }))
}
