import type { UserView } from '../api/types'

/** Where each role's work is: the first page after signing in. */
export function landingFor(user: UserView | null): string {
  const roles = user?.roles.map(r => r.role) ?? []
  if (roles.includes('administrator')) return '/operations'
  if (roles.includes('health-operator')) return '/signals'
  if (roles.includes('inspector')) return '/inspections'
  if (roles.some(r => ['township-reviewer', 'county-assessor', 'province-filer', 'civilisation-centre', 'civil-affairs', 'health', 'applicant'].includes(r))) return '/inbox'
  return '/dashboard'
}

// The demo users of coord/contracts.md, used only while the server has no sign-in (it answers /api/auth/* with 404).
const demo: Record<string, [string, string]> = {
  admin: ['administrator', '46'],
  province: ['province-filer', '46'],
  inspector: ['inspector', '46'],
  'inspector-county': ['inspector', '460105'],
  county: ['county-assessor', '460105'],
  township: ['township-reviewer', '460105001'],
  applicant: ['applicant', '460105001200'],
  centre: ['civilisation-centre', '460105'],
  'civil-affairs': ['civil-affairs', '460105'],
  health: ['health', '460105'],
  operator: ['health-operator', '46'],
}

export function demoUser(userName: string): UserView | null {
  const grant = demo[userName]
  if (!grant) return null
  return { userName, displayName: userName, roles: [{ role: grant[0], region: grant[1] }], mustChangePassword: false }
}

/** Whether a task's candidate group ("role:region") falls to one of the user's grants: same role, region inside. */
export function groupMatches(group: string, user: UserView): boolean {
  const [role, region = ''] = group.split(':')
  return user.roles.some(g => g.role === role && region.startsWith(g.region))
}
