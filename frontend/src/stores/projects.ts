// The repair projects list and the new-project form's choices (ProjectService), kept per
// ledger so that coming back from a project's page shows the list at once while it refreshes.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import * as projectsApi from '@/api/projects'
import type { ProjectOptions, ProjectRow } from '@/api/projects'
import { toAppError, type AppError } from '@/api/errors'

export const useProjectsStore = defineStore('projects', () => {
  const list = ref<ProjectRow[]>([])
  const options = ref<ProjectOptions | null>(null)
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref<AppError | null>(null)
  /** The ledger the state belongs to: another ledger starts afresh. */
  const ledgerPath = ref('')
  let seq = 0

  function forLedger(path: string): void {
    if (path === ledgerPath.value) return
    ledgerPath.value = path
    list.value = []
    options.value = null
    loaded.value = false
  }

  /** Reloads the list and the form's choices; a failure is kept in `error`. */
  async function load(): Promise<void> {
    const mine = ++seq
    loading.value = true
    try {
      const [l, o] = await Promise.all([projectsApi.projects(), projectsApi.options()])
      if (mine !== seq) return
      list.value = l
      options.value = o
      error.value = null
      loaded.value = true
    } catch (e) {
      if (mine === seq) error.value = toAppError(e)
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  return { list, options, loading, loaded, error, forLedger, load }
})
