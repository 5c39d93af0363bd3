/// <reference types="vite/client" />
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
declare module 'bpmn-js/lib/NavigatedViewer'
declare module '@bpmn-io/form-js-viewer'
interface Window {
  /** GET /api/auth/me started by index.html before the scripts load; taken once by loadSession. */
  wuyiWhoAmI?: Promise<Response | null>
}
