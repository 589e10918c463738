// The unit table's state (search, filters, page) and the buildings (UnitService). Kept in a
// store so that coming back from a unit's page finds the table as it was left.
import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import * as unitsApi from '@/api/units'
import type { Building, UnitPage } from '@/api/units'
import { toAppError, type AppError } from '@/api/errors'
import { PAGE_SIZE } from '@/lib/pager'

export { PAGE_SIZE }

export const useUnitsStore = defineStore('units', () => {
  const buildings = ref<Building[]>([])
  const query = reactive({ text: '', buildingId: 0, housingType: '', below: false, page: 1 })
  const page = ref<UnitPage | null>(null)
  const error = ref<AppError | null>(null)
  const loading = ref(false)
  /** The ledger the state belongs to: another ledger starts afresh. */
  const ledgerPath = ref('')
  let seq = 0

  /** Forgets the state when another ledger is open. */
  function forLedger(path: string): void {
    if (path === ledgerPath.value) return
    ledgerPath.value = path
    Object.assign(query, { text: '', buildingId: 0, housingType: '', below: false, page: 1 })
    page.value = null
    buildings.value = []
  }

  async function loadBuildings(): Promise<void> {
    try {
      buildings.value = await unitsApi.buildings()
    } catch (e) {
      error.value = toAppError(e)
    }
  }

  /** Reads the current page; an answer to an older request is dropped. */
  async function load(): Promise<void> {
    const mine = ++seq
    loading.value = true
    try {
      const p = await unitsApi.units({ ...query, pageSize: PAGE_SIZE })
      if (mine !== seq) return
      page.value = p
      error.value = null
    } catch (e) {
      if (mine === seq) error.value = toAppError(e)
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  return { buildings, query, page, error, loading, ledgerPath, forLedger, loadBuildings, load }
})
