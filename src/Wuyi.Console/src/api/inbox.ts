// The inbox: GET /api/tasks/mine (people issue); while the server lacks it (404), the open tasks of the user's
// candidate groups from GET /api/tasks, filtered and counted here.
import { ApiError, get, post, query } from './http'
import type { Inbox, Paged, TaskView, UserView } from './types'
import { dueState } from '../lib/due'
import { groupMatches } from '../lib/roles'

export interface InboxFilter { role?: string; process?: string; form?: string; overdue?: boolean; page?: number; pageSize?: number }

export async function loadInbox(user: UserView, filter: InboxFilter): Promise<Inbox & { fallback: boolean }> {
  try {
    const inbox = await get<Inbox>(`/api/tasks/mine${query({ ...filter, overdue: filter.overdue ? true : undefined })}`)
    return { ...inbox, fallback: false }
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 404) throw e
  }
  const open = await get<Paged<TaskView>>('/api/tasks?State=open&PageSize=200') // claimed tasks are open too
  return { ...inboxOf(open.items, user, filter), fallback: true }
}

/** The user's tasks among all, filtered and counted as /api/tasks/mine does, sorted by due date. */
export function inboxOf(tasks: TaskView[], user: UserView, filter: InboxFilter, now = new Date()): Inbox {
  const mine = tasks.filter(task => task.assignee === user.userName || task.candidateUsers.includes(user.userName)
    || task.candidateGroups.some(g => groupMatches(g, user)))
  const counts = {
    all: mine.length,
    assigned: mine.filter(x => x.assignee === user.userName).length,
    claimable: mine.filter(x => !x.assignee).length,
    overdue: mine.filter(x => dueState(x.dueAt, now) === 'overdue').length,
    dueSoon: mine.filter(x => dueState(x.dueAt, now) === 'dueSoon').length,
  }
  const items = mine
    .filter(x => !filter.role || x.candidateGroups.some(g => g.startsWith(`${filter.role}:`)))
    .filter(x => !filter.form || x.formKey === filter.form)
    .filter(x => !filter.process || x.instanceId.startsWith(filter.process))
    .filter(x => !filter.overdue || dueState(x.dueAt, now) === 'overdue')
    .sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999'))
  return { items, total: items.length, counts }
}

export const claimTask = (id: string) => post<TaskView>(`/api/tasks/${id}/claim`)
export const unclaimTask = (id: string) => post<TaskView>(`/api/tasks/${id}/unclaim`)
export const delegateTask = (id: string, userName: string) => post<TaskView>(`/api/tasks/${id}/delegate`, { userName })
