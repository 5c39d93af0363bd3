import { ref } from 'vue'
import { createRouter, createWebHistory, type RouteComponent, type RouteRecordRaw } from 'vue-router'
import { loadSession, session } from './api/session'
import { landingFor } from './lib/roles'
import SignIn from './views/SignIn.vue'

// Every page but sign-in is its own chunk: bpmn-js, form-js and ECharts load only with the pages that use them.
// Sign-in is in the first load (an anonymous visitor's first page), so index.html preloads it with the entry.
const routes: RouteRecordRaw[] = [
  { path: '/signin', name: 'signin', component: SignIn, meta: { public: true } },
  { path: '/registry', name: 'registry', component: () => import('./views/Registry.vue'), meta: { public: true } },
  { path: '/registry/:code', name: 'registry-area', component: () => import('./views/RegistryArea.vue'), meta: { public: true } },
  {
    path: '/', component: () => import('./views/Shell.vue'),
    children: [
      { path: '', name: 'home', redirect: () => landingFor(session.user) },
      { path: 'inbox', name: 'inbox', component: () => import('./views/Inbox.vue') },
      { path: 'tasks/:instanceId/:wait', name: 'task', component: () => import('./views/TaskPage.vue') },
      { path: 'certifications/:id', name: 'certification', component: () => import('./views/CertificationPage.vue') },
      { path: 'areas', name: 'areas', component: () => import('./views/Areas.vue') },
      { path: 'inspections', name: 'inspections', component: () => import('./views/Inspections.vue') },
      { path: 'signals', name: 'signals', component: () => import('./views/Signals.vue') },
      { path: 'operations', name: 'operations', component: () => import('./views/Operations.vue') },
      { path: 'dashboard', name: 'dashboard', component: () => import('./views/Dashboard.vue') },
      { path: ':rest(.*)*', name: 'not-found', component: () => import('./views/NotFound.vue') },
    ],
  },
]

export const router = createRouter({ history: createWebHistory(), routes })

/** Why the last page could not be shown (its chunk failed to load): App shows it instead of a blank page. */
export const navigationError = ref('')

router.beforeEach(async to => {
  // A bookmarked page's chunks load while the server says who this is, not after it. Not for `/`, whose landing page
  // depends on the answer (an anonymous visitor goes to sign-in, already in the first load).
  // (A route's lazy page is a function returning the import; a page in the first load is an object.)
  const chunks = to.redirectedFrom ? [] : to.matched.flatMap(record => Object.values(record.components ?? {}))
    .filter((c): c is () => Promise<RouteComponent> => typeof c === 'function')
  await Promise.all([loadSession(), ...chunks.map(load => load().catch(() => undefined))])
  if (to.meta.public) return true
  if (!session.user) return { name: 'signin', query: to.fullPath === '/' ? {} : { next: to.fullPath } }
  return true
})

router.afterEach(() => { navigationError.value = '' })
router.onError((error: Error) => {
  navigationError.value = error.message || String(error)
})
