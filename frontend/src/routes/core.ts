// Routes of the core screens (the start screen is in routes/masterdata.ts). Each area of the app adds a file here (routes/units.ts, …)
// exporting its routes; router.ts gathers them and the side navigation lists those with `nav`.
import type { RouteRecordRaw } from 'vue-router'
import DashboardView from '@/views/DashboardView.vue'

const routes: RouteRecordRaw[] = [
  {
    path: '/dashboard',
    name: 'dashboard',
    component: DashboardView,
    meta: { needsLedger: true, titleKey: 'nav.dashboard', nav: { order: 0, icon: 'M3 10.5 12 3l9 7.5V21h-6v-6H9v6H3z' } },
  },
]
export default routes
