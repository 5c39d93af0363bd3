// The API's shapes the console reads (see /openapi/v1.json and coord contracts for sign-in, inbox and forms).
export interface RoleGrant { role: string; region: string; regionName?: string }
export interface UserView { userName: string; displayName: string; email?: string; roles: RoleGrant[]; mustChangePassword?: boolean }
export interface Paged<T> { items: T[]; page: number; pageSize: number; total: number }
export interface TaskView {
  id: string; instanceId: string; elementId: string; name: string | null; businessKey: string | null; regionCode: string | null
  state: string; assignee: string | null; candidateUsers: string[]; candidateGroups: string[]; dueAt: string | null
  priority: number; formKey: string | null; claimedBy: string | null; claimedAt: string | null; completedBy: string | null
  endedAt: string | null; createdAt: string
}
export interface InboxCounts { all: number; assigned: number; claimable: number; overdue: number; dueSoon: number }
export interface Inbox { items: TaskView[]; total: number; counts: InboxCounts }
export interface TaskForm { schema: Record<string, unknown>; values: Record<string, unknown>; formKey?: string; formRef?: string }
export interface RegionRef { code: string; name: string }
export interface CertificationSummary { id: string; areaCode: string; areaName: string | null; status: string; appliedAt: string; certifiedAt: string | null; endedAt: string | null }
export interface ReviewView { taskId: string; level: string; decision: string | null; criteria: Record<string, boolean> | null; comments: string | null; criterionComments?: Record<string, string> | null; by: string | null; at: string | null }
export interface TimelineEntry { at: string; type: string; elementId: string | null; actor: string; data: Record<string, unknown> }
export interface OpenTaskView { id: string; elementId: string; name: string | null; candidateGroups: string | null; dueAt: string | null }
export interface CertificationDetail {
  summary: CertificationSummary; activeElements: string[]; openTasks: OpenTaskView[]; criteria: Record<string, unknown>
  benefits: Record<string, unknown>; record: Record<string, unknown>; reviews: ReviewView[]; timeline: TimelineEntry[]
}
export interface InstanceView {
  id: string; processKey: string; version: number; businessKey: string | null; regionCode: string | null; state: string
  active: string[]; parentId: string | null; suspended: boolean; cancelled: boolean; createdAt: string; updatedAt: string
  endedAt: string | null; incidents: unknown[]
}
export interface IncidentView { id: number; instanceId: string; elementId: string; source: string; message: string; createdAt: string; resolvedAt: string | null; resolvedBy: string | null }
export interface AreaView { code: string; name: string; type: string; path: RegionRef[]; lastInfectionAt: string | null; openCloseContacts: string[]; countyDynamicZero: boolean | null }
export interface RegistryEntry { areaCode: string; areaName: string | null; status: string; certifiedSince: string | null; suspendedSince: string | null; path: RegionRef[] }
export interface RegistryView { region: string | null; certified: number; suspended: number; areas: RegistryEntry[] }
export interface SignalOutcome { id: string; status: number; error: string | null; areas: string[]; instances: string[]; message: string | null }
export interface SignalBatchView { accepted: number; refused: number; signals: SignalOutcome[] }
export interface ClockView { now: string; fired?: number | null }
export interface RegionCounts { areas: number; certified: number; applied: number; suspended: number; cancelled: number; none: number }
export interface RegionNode { code: string; name: string; level: string; hasChildren: boolean; counts: RegionCounts }
export interface RegionChildrenView { parent: string | null; items: RegionNode[] }
export interface SignalReceiptView {
  signalId: string; type: string | null; code: string | null; receivedAt: string; actor: string; outcome: string; error: string | null
  areas: number; instances: number; message: string | null
}
export interface WaitingMessageView { messageId: string; name: string; correlationKey: string | null; receivedAt: string; expiresAt: string }
