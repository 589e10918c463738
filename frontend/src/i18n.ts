// vue-i18n set-up: zh-CN by default, English switchable; the choice persists in localStorage.
import { createI18n } from 'vue-i18n'
import { en, zhCN } from './locales'
import type { Locale } from './api/errors'

export type MessageSchema = typeof zhCN

export const LOCALES: readonly Locale[] = ['zh-CN', 'en']
export const DEFAULT_LOCALE: Locale = 'zh-CN'
const STORAGE_KEY = 'jiayuan.locale'

const messages: Record<Locale, MessageSchema> = { 'zh-CN': zhCN, en }

/** Each language's own name, for the switch ("简体中文", "English"). */
export const localeNames: Record<Locale, string> = {
  'zh-CN': zhCN.meta.languageName,
  en: en.meta.languageName,
}

function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v)
}

function storedLocale(): Locale {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY)
    return isLocale(v) ? v : DEFAULT_LOCALE
  } catch {
    return DEFAULT_LOCALE
  }
}

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages,
})

/** Switches the UI language, remembers it, and sets <html lang>. */
export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale)
  } catch {
    // storage unavailable: the choice lasts for this session only
  }
  document.documentElement.lang = locale
}

/** The current UI language. */
export function currentLocale(): Locale {
  return i18n.global.locale.value
}
