// Route of the public-income contracts register (公共收益合同): expected against received
// income per contract, expiring contracts, quarters without income.
import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/contracts',
    name: 'contracts',
    component: () => import('@/views/ContractsView.vue'),
    // a signed sheet
    meta: { needsLedger: true, titleKey: 'contracts.nav', nav: { order: 32, icon: 'M6 3h9l4 4v14H6zM15 3v4h4M9 12h7M9 15.5h4M9 19c1-1.5 2-1.5 3 0s2 1.5 3 0' } },
  },
]
export default routes
