// Route of the property company's quarterly statements (物业季度报告): each quarter's statement
// with its variances, entering or importing one, the company's transfer and hand-over.
import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/statements',
    name: 'statements',
    component: () => import('@/views/StatementsView.vue'),
    // a report sheet with a tick
    meta: { needsLedger: true, titleKey: 'statements.nav', nav: { order: 33, icon: 'M5 3h14v18H5zM8 8h8M8 12h5M9 17l2 2 4-4' } },
  },
]
export default routes
