/** A task's due state for its badge: overdue, due within two days, or neither. */
export type DueState = 'overdue' | 'dueSoon' | 'none'

export function dueState(dueAt: string | null, now: Date = new Date()): DueState {
  if (!dueAt) return 'none'
  const due = new Date(dueAt).getTime()
  if (due < now.getTime()) return 'overdue'
  if (due - now.getTime() < 2 * 24 * 3600 * 1000) return 'dueSoon'
  return 'none'
}

export function formatTime(value: string | null | undefined): string {
  if (!value) return '—'
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return value
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}
