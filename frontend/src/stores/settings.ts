// The user's preferences (language, name for the change log) and the open ledger's community
// details and rule settings (SettingsService). The UI language is also told to the Go side, so
// that texts it shows itself (dialog titles) follow the switch.
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import * as settingsApi from '@/api/settings'
import type { CommunitySettings, Preferences } from '@/api/settings'
import { toAppError, type Locale } from '@/api/errors'
import { currentLocale, i18n, setLocale } from '@/i18n'

let syncing = false

/**
 * Keeps the Go config's language equal to the UI's (the UI's choice, kept by i18n.ts, leads):
 * tells it at start and on every switch. Failures (no Go side, as in a plain browser) are
 * ignored: the UI language works without it.
 */
export function syncLanguageWithGo(): void {
  if (syncing) return
  syncing = true
  const push = (l: string) => settingsApi.setLanguage(l).catch(() => undefined)
  setTimeout(() => {
    void push(currentLocale())
    watch(
      () => i18n.global.locale.value,
      (l) => void push(l),
    )
  }, 0)
}

export const useSettingsStore = defineStore('settings', () => {
  const prefs = ref<Preferences | null>(null)
  const community = ref<CommunitySettings | null>(null)

  async function loadPrefs(): Promise<void> {
    try {
      prefs.value = await settingsApi.preferences()
    } catch (e) {
      console.error('preferences', toAppError(e))
    }
  }

  /** Saves the user's name; rejects with an AppError. */
  async function saveUserName(name: string): Promise<void> {
    prefs.value = await settingsApi.setUserName(name)
  }

  /** Switches the UI language (the Go side follows through syncLanguageWithGo). */
  function chooseLanguage(l: Locale): void {
    setLocale(l)
  }

  /** Reads the open ledger's community details and rules; rejects with an AppError. */
  async function loadCommunity(): Promise<CommunitySettings> {
    community.value = await settingsApi.community()
    return community.value
  }

  /** Saves them; rejects with an AppError naming the field. */
  async function saveCommunity(c: CommunitySettings): Promise<CommunitySettings> {
    community.value = await settingsApi.updateCommunity(c)
    return community.value
  }

  return { prefs, community, loadPrefs, saveUserName, chooseLanguage, loadCommunity, saveCommunity }
})
