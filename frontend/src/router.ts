// The screens that exist. A screen that needs an open ledger says so in meta; without one
// the user lands on the start screen.
import { createRouter, createWebHashHistory } from 'vue-router'
import { useLedgerStore } from './stores/ledger'
import DashboardView from './views/DashboardView.vue'
import StartView from './views/StartView.vue'

declare module 'vue-router' {
  interface RouteMeta {
    /** The screen shows the open ledger's data. */
    needsLedger?: boolean
    /** i18n key of the screen's name (nav and window title). */
    titleKey?: string
  }
}

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/dashboard' },
    { path: '/start', name: 'start', component: StartView, meta: { titleKey: 'nav.start' } },
    {
      path: '/dashboard',
      name: 'dashboard',
      component: DashboardView,
      meta: { needsLedger: true, titleKey: 'nav.dashboard' },
    },
    { path: '/:rest(.*)*', redirect: '/dashboard' },
  ],
})

router.beforeEach(async (to) => {
  const ledger = useLedgerStore()
  await ledger.init()
  if (to.meta.needsLedger && !ledger.isOpen) return { name: 'start' }
  return true
})
