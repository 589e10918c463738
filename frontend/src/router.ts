// The screens. Each area's routes live in routes/<area>.ts and are gathered here. A screen
// that needs an open ledger says so in meta; without one the user lands on the start screen.
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { useLedgerStore } from './stores/ledger'

declare module 'vue-router' {
  interface RouteMeta {
    /** The screen shows the open ledger's data. */
    needsLedger?: boolean
    /** i18n key of the screen's name (nav and window title). */
    titleKey?: string
    /** Listed in the side navigation: position (ascending) and an SVG path for the icon. */
    nav?: { order: number; icon: string }
  }
}

const areaRoutes = import.meta.glob<RouteRecordRaw[]>('./routes/*.ts', { eager: true, import: 'default' })

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/dashboard' },
    ...Object.keys(areaRoutes)
      .sort()
      .flatMap((k) => areaRoutes[k] ?? []),
    { path: '/:rest(.*)*', redirect: '/dashboard' },
  ],
})

router.beforeEach(async (to) => {
  const ledger = useLedgerStore()
  await ledger.init()
  if (to.meta.needsLedger && !ledger.isOpen) return { name: 'start' }
  return true
})
