// Routes of the start screen, the new-ledger wizard, units and owners, settings and integrity.
import type { RouteRecordRaw } from 'vue-router'
import { syncLanguageWithGo } from '@/stores/settings'
import StartView from '@/views/StartView.vue'

// The Go side's texts (dialog titles) follow the UI language from the start.
syncLanguageWithGo()

const routes: RouteRecordRaw[] = [
  { path: '/start', name: 'start', component: StartView, meta: { titleKey: 'nav.start', nav: { order: 900, icon: 'M4 4h10l6 6v10H4zM14 4v6h6' } } },
  { path: '/new', name: 'new-ledger', component: () => import('@/views/NewLedgerView.vue'), meta: { titleKey: 'wizard.title' } },
  {
    path: '/units',
    name: 'units',
    component: () => import('@/views/UnitsView.vue'),
    meta: { needsLedger: true, titleKey: 'units.title', nav: { order: 20, icon: 'M4 21V6l8-3v18M12 9h8v12M7 9h2M7 13h2M7 17h2M15 13h2M15 17h2M2 21h20' } },
  },
  { path: '/units/:id(\\d+)', name: 'unit', component: () => import('@/views/UnitDetailView.vue'), meta: { needsLedger: true, titleKey: 'units.title' } },
  {
    path: '/integrity',
    name: 'integrity',
    component: () => import('@/views/IntegrityView.vue'),
    meta: { needsLedger: true, titleKey: 'integrity.title', nav: { order: 850, icon: 'M12 3 4 6v6c0 4.5 3.4 8.3 8 9 4.6-.7 8-4.5 8-9V6zM8.5 12l2.5 2.5 4.5-5' } },
  },
  {
    path: '/settings',
    name: 'settings',
    component: () => import('@/views/SettingsView.vue'),
    meta: { needsLedger: true, titleKey: 'settings.title', nav: { order: 880, icon: 'M4 7h9M17 7h3M4 12h3M11 12h9M4 17h11M19 17h1M15 5v4M9 10v4M17 15v4' } },
  },
]
export default routes
