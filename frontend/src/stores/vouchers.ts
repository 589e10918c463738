// The books' vouchers: each book's chart of accounts (read once, refreshed after a posting
// changes the balances) and the list's filters and page per book, kept while the user opens a
// voucher and comes back.
import { defineStore } from 'pinia'
import { reactive } from 'vue'
import type { Book } from '@/api/ledger'
import * as vouchersApi from '@/api/vouchers'
import type { VoucherAccount } from '@/api/vouchers'

/** The list's filters as the user typed them. */
export interface ListFilters {
  from: string
  to: string
  account: string
  text: string
  minAmount: string
  maxAmount: string
  page: number
}

export const emptyFilters = (): ListFilters => ({ from: '', to: '', account: '', text: '', minAmount: '', maxAmount: '', page: 1 })

export const useVouchersStore = defineStore('vouchers', () => {
  const charts = new Map<string, Promise<VoucherAccount[]>>()
  /** Filters and page of each book's list. */
  const filters = reactive<Record<Book, ListFilters>>({ fund: emptyFilters(), public: emptyFilters(), working: emptyFilters() })
  /** The ledger the cached charts belong to. */
  let ledgerPath = ''

  /** A book's chart; read once per ledger, again after invalidate(). A failed read is not kept. */
  function accounts(book: Book, path: string): Promise<VoucherAccount[]> {
    if (path !== ledgerPath) {
      charts.clear()
      ledgerPath = path
      for (const b of Object.keys(filters) as Book[]) filters[b] = emptyFilters()
    }
    let p = charts.get(book)
    if (!p) {
      p = vouchersApi.accounts(book)
      charts.set(book, p)
      p.catch(() => charts.delete(book))
    }
    return p
  }

  /** Forgets the charts (their balances changed). */
  function invalidate(): void {
    charts.clear()
  }

  return { filters, accounts, invalidate }
})
