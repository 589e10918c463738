// Routes of the Import screen (数据导入: unit rosters, historical vouchers, bank statements from
// Excel or CSV) and the bank reconciliation (银行对账).
import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/bank',
    name: 'bank',
    component: () => import('@/views/BankView.vue'),
    // a bank building with a tick
    meta: {
      needsLedger: true,
      titleKey: 'bankRec.title',
      nav: { order: 65, icon: 'M3 9.5 12 4l9 5.5M4.5 10v7M9 10v7M15 10v4M3 20h10M15.5 18.5l2 2 4-4.5' },
    },
  },
  {
    path: '/imports',
    name: 'imports',
    component: () => import('@/views/ImportView.vue'),
    // a sheet with an arrow into a tray
    meta: {
      needsLedger: true,
      titleKey: 'imports.title',
      nav: { order: 75, icon: 'M12 3v11M7.5 9.5 12 14l4.5-4.5M4 14v5a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-5' },
    },
  },
]
export default routes
