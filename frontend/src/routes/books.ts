// Routes of the books: vouchers of each book (list, entry, one voucher), public income against
// R2, and closing periods.
import { defineComponent, h } from 'vue'
import { RouterView, type RouteRecordRaw } from 'vue-router'
import { BOOKS } from '@/lib/books'

/** The parent of the book-specific voucher screens only passes through to them. */
const Passthrough = defineComponent({ name: 'VouchersOutlet', render: () => h(RouterView) })

const BOOK = `:book(${BOOKS.join('|')})`

const routes: RouteRecordRaw[] = [
  {
    // The navigation links here; the book's list or entry form is a child, so the link stays
    // highlighted on them.
    path: '/vouchers',
    redirect: '/vouchers/public',
    component: Passthrough,
    meta: {
      needsLedger: true,
      titleKey: 'vouchers.nav',
      nav: { order: 10, icon: 'M6 3h9l4 4v14H6zM15 3v4h4M9 11h7M9 14.5h7M9 18h4' },
    },
    children: [
      { path: BOOK, name: 'vouchers', component: () => import('@/views/VouchersView.vue'), meta: { needsLedger: true, titleKey: 'vouchers.nav' } },
      {
        path: `${BOOK}/new`,
        name: 'voucher-new',
        component: () => import('@/views/VoucherEntryView.vue'),
        meta: { needsLedger: true, titleKey: 'vouchers.entry.title' },
      },
    ],
  },
  {
    path: '/voucher/:id(\\d+)',
    name: 'voucher',
    component: () => import('@/views/VoucherDetailView.vue'),
    meta: { needsLedger: true, titleKey: 'vouchers.detail.title' },
  },
  {
    path: '/public-income',
    name: 'public-income',
    component: () => import('@/views/PublicIncomeView.vue'),
    meta: {
      needsLedger: true,
      titleKey: 'publicIncome.nav',
      nav: { order: 30, icon: 'M3 17l5-5 4 4 8-8M15 8h5v5M3 21h18' },
    },
  },
  {
    path: '/periods',
    name: 'periods',
    component: () => import('@/views/PeriodsView.vue'),
    meta: {
      needsLedger: true,
      titleKey: 'periods.nav',
      nav: { order: 60, icon: 'M4 5h16v15H4zM4 9h16M8 3v4M16 3v4M9 14.5l2 2 4-4' },
    },
  },
]
export default routes
