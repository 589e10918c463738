// Route of the resolutions register (决议, R8): what the owners' assembly and the committee
// decided, which authorises spending.
import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/resolutions',
    name: 'resolutions',
    component: () => import('@/views/ResolutionsView.vue'),
    // a gavel
    meta: { needsLedger: true, titleKey: 'resolutions.nav', nav: { order: 41, icon: 'M14 4l6 6M11 7l6 6M12.5 5.5l-5 5 6 6 5-5M9.5 13.5 3 20M3 21h9' } },
  },
]
export default routes
