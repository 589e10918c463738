// Routes of the works and oversight screens: repair projects, replenishment, working
// expenses, audits and disclosures. The side navigation lists those with `nav`.
import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/projects',
    name: 'projects',
    component: () => import('@/views/ProjectsView.vue'),
    // a wrench
    meta: { needsLedger: true, titleKey: 'works.nav.projects', nav: { order: 40, icon: 'M14.5 5.5a4 4 0 0 0 5 5L12 18l-3 3-3-3 3-3 7.5-7.5a4 4 0 0 1-2-2zM6 18l-2 2' } },
  },
  {
    path: '/projects/:id(\\d+)',
    name: 'project',
    component: () => import('@/views/ProjectDetailView.vue'),
    meta: { needsLedger: true, titleKey: 'works.nav.project' },
  },
  {
    path: '/replenishment',
    name: 'replenishment',
    component: () => import('@/views/ReplenishmentView.vue'),
    // a jar being filled
    meta: { needsLedger: true, titleKey: 'works.nav.replenishment', nav: { order: 42, icon: 'M7 4h10M8 4v3l-2 3v9a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2v-9l-2-3V4M6 14h12' } },
  },
  {
    path: '/working',
    name: 'working',
    component: () => import('@/views/WorkingView.vue'),
    // a wallet
    meta: { needsLedger: true, titleKey: 'works.nav.working', nav: { order: 44, icon: 'M4 7h14a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H4zM4 7l11-3v3M15 13h2' } },
  },
  {
    path: '/audits',
    name: 'audits',
    component: () => import('@/views/AuditsView.vue'),
    // a magnifier over a page
    meta: { needsLedger: true, titleKey: 'works.nav.audits', nav: { order: 46, icon: 'M5 3h9l4 4v5M5 3v18h7M8 8h6M8 12h4M16.5 19.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM18.5 19.5 21 22' } },
  },
  {
    path: '/disclosures',
    name: 'disclosures',
    component: () => import('@/views/DisclosuresView.vue'),
    // a notice board
    meta: { needsLedger: true, titleKey: 'works.nav.disclosures', nav: { order: 48, icon: 'M3 5h18v11H3zM8 16l-2 5M16 16l2 5M7 9h10M7 12h6' } },
  },
]
export default routes
