// The open ledger and its dashboard figures (LedgerService).
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { ledgerApi } from '@/api'
import type { Dashboard, LedgerInfo } from '@/api/ledger'
import { toAppError, type AppError } from '@/api/errors'
import { useToastStore } from './toasts'

export const useLedgerStore = defineStore('ledger', () => {
  /** The open ledger, or null before the first Current() answer or when none is open. */
  const info = ref<LedgerInfo | null>(null)
  /** Whether Current() has answered once (the router waits for it). */
  const ready = ref(false)
  /** The dashboard figures of the open ledger. */
  const dashboard = ref<Dashboard | null>(null)
  /** Why the dashboard could not be read, shown in place of the figures. */
  const dashboardError = ref<AppError | null>(null)
  /** Recently opened ledger files that still exist, most recent first. */
  const recent = ref<string[]>([])
  /** Whether an open or a read is under way. */
  const busy = ref(false)

  /** Whether a ledger is open. */
  const isOpen = computed(() => !!info.value?.path)

  let initPromise: Promise<void> | null = null

  /**
   * Asks the Go side which ledger is open; runs once, later calls wait for the same answer.
   * Never rejects: a failure is shown once as a toast and the app carries on with no ledger.
   */
  function init(): Promise<void> {
    initPromise ??= (async () => {
      try {
        set(await ledgerApi.current())
      } catch (e) {
        useToastStore().error(toAppError(e))
      } finally {
        ready.value = true
      }
    })()
    return initPromise
  }

  function set(next: LedgerInfo): void {
    if (next.path !== info.value?.path) dashboard.value = null
    info.value = next.path ? next : null
  }

  async function run<T>(fn: () => Promise<T>): Promise<T> {
    busy.value = true
    try {
      return await fn()
    } finally {
      busy.value = false
    }
  }

  /** Opens (or creates) the ledger file at path. Rejects with an AppError. */
  function openLedger(path: string): Promise<void> {
    return run(async () => set(await ledgerApi.openLedger(path)))
  }

  /** Opens the demo ledger. Rejects with an AppError. */
  function openDemo(): Promise<void> {
    return run(async () => set(await ledgerApi.openDemo()))
  }

  /** Reloads the recent-ledgers list; on failure the list is just left empty. */
  async function loadRecent(): Promise<void> {
    try {
      recent.value = (await ledgerApi.recent()) ?? []
    } catch (e) {
      console.error('recent ledgers', toAppError(e))
      recent.value = []
    }
  }

  /** Reads the dashboard figures; a failure is kept in dashboardError. */
  async function loadDashboard(): Promise<void> {
    dashboardError.value = null
    try {
      dashboard.value = await run(() => ledgerApi.dashboard())
    } catch (e) {
      dashboardError.value = toAppError(e)
    }
  }

  return {
    info,
    ready,
    dashboard,
    dashboardError,
    recent,
    busy,
    isOpen,
    init,
    openLedger,
    openDemo,
    loadRecent,
    loadDashboard,
  }
})
