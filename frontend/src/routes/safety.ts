// Routes of the safety screens: backups and restore (备份与恢复), and the opening balances
// (期初余额) of a ledger that starts mid-life. Both sit with the tools near the end of the
// navigation: opening before integrity (850), backups after it, before settings (880).
import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/opening',
    name: 'opening',
    component: () => import('@/views/OpeningView.vue'),
    // a flag at the start line
    meta: { needsLedger: true, titleKey: 'opening.nav', nav: { order: 840, icon: 'M5 21V4M5 4h12l-2.5 4L17 12H5' } },
  },
  {
    path: '/backups',
    name: 'backups',
    component: () => import('@/views/BackupsView.vue'),
    // an archive box
    meta: { needsLedger: true, titleKey: 'backups.nav', nav: { order: 860, icon: 'M3 4h18v5H3zM5 9v11h14V9M10 13h4' } },
  },
]
export default routes
