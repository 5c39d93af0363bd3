import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { loadSession, session } from './api/session'
import { landingFor } from './lib/roles'

// Every page but sign-in is its own chunk: bpmn-js, form-js and ECharts load only with the pages that use them.
const routes: RouteRecordRaw[] = [
  { path: '/signin', name: 'signin', component: () => import('./views/SignIn.vue'), meta: { public: true } },
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

router.beforeEach(async to => {
  await loadSession()
  if (to.meta.public) return true
  if (!session.user) return { name: 'signin', query: to.fullPath === '/' ? {} : { next: to.fullPath } }
  return true
})
