// Toasts: short notices in the corner. An error toast keeps the AppError, not its text, so it
// re-renders in the other language when the user switches.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppError } from '@/api/errors'

export type ToastKind = 'error' | 'success' | 'info'

export interface Toast {
  id: number
  kind: ToastKind
  /** An error from the Go side or from the UI. */
  error?: AppError
  /** Or an i18n key for a message of the UI's own. */
  key?: string
}

const ERROR_MS = 9000
const INFO_MS = 4000

export const useToastStore = defineStore('toasts', () => {
  /** The toasts on screen, oldest first. */
  const toasts = ref<Toast[]>([])
  let next = 1

  /** Shows a toast and removes it after a while; returns its id. */
  function push(t: Omit<Toast, 'id'>): number {
    const id = next++
    toasts.value.push({ ...t, id })
    if (toasts.value.length > 4) toasts.value.shift()
    setTimeout(() => dismiss(id), t.kind === 'error' ? ERROR_MS : INFO_MS)
    return id
  }

  /** Shows an error. */
  function error(err: AppError): number {
    return push({ kind: 'error', error: err })
  }

  /** Removes a toast. */
  function dismiss(id: number): void {
    toasts.value = toasts.value.filter((t) => t.id !== id)
  }

  return { toasts, push, error, dismiss }
})
