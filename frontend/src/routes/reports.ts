// Route of the Reports screen (报表): every report of the open ledger as PDF or Excel.
import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/reports',
    name: 'reports',
    component: () => import('@/views/ReportsView.vue'),
    // a printed page with a bar chart
    meta: {
      needsLedger: true,
      titleKey: 'reports.title',
      nav: { order: 70, icon: 'M6 3h9l4 4v14H6zM15 3v4h4M9 17v-3M12 17v-6M15 17v-4' },
    },
  },
]
export default routes
