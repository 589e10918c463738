// Errors from the Go side. A bound method that fails rejects its promise; the Go
// ErrorFormatter sends a JSON string {code, key, args, message, messageEn} (Wails ≥ 2.13 wraps
// it in an Error, older versions reject with the bare string). This is the one place that
// understands that shape; the UI shows errorText(err, locale) and never raw text.
import { en, zhCN } from '@/locales'

export type Locale = 'zh-CN' | 'en'

export interface AppError {
  /** "refused" (a rule or validation), "notFound", "internal", … */
  code: string
  /** i18n key of the message on the Go side, e.g. "error.internal". */
  key: string
  args: Record<string, string>
  /** The message in zh-CN, already translated by the Go side (may be empty). */
  message: string
  /** The message in English (may be empty). */
  messageEn: string
  /** What arrived, for the console only; never shown. */
  raw?: string
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : ''
}

function fromRecord(o: Record<string, unknown>, raw: string): AppError | null {
  if (typeof o.code !== 'string' || o.code === '') return null
  const args: Record<string, string> = {}
  if (isRecord(o.args)) {
    for (const [k, v] of Object.entries(o.args)) args[k] = typeof v === 'string' ? v : String(v)
  }
  return {
    code: o.code,
    key: str(o.key),
    args,
    message: str(o.message),
    messageEn: str(o.messageEn),
    raw,
  }
}

function internal(raw: string): AppError {
  return { code: 'internal', key: 'error.internal', args: {}, message: '', messageEn: '', raw }
}

/**
 * Turns whatever a rejected binding call (or any thrown thing) carries into an AppError:
 * an Error whose message is the JSON, the JSON string itself, an already-parsed object, or
 * anything else, which becomes a generic internal error.
 */
export function toAppError(e: unknown): AppError {
  if (isRecord(e) && !(e instanceof Error)) {
    const parsed = fromRecord(e, safeStringify(e))
    if (parsed) return parsed
  }
  let text: string
  if (e instanceof Error) text = e.message
  else if (typeof e === 'string') text = e
  else return internal(safeStringify(e))
  const trimmed = text.trim()
  if (trimmed.startsWith('{')) {
    try {
      const o: unknown = JSON.parse(trimmed)
      if (isRecord(o)) {
        const parsed = fromRecord(o, text)
        if (parsed) return parsed
      }
    } catch {
      // not JSON: fall through
    }
  }
  return internal(text)
}

function safeStringify(v: unknown): string {
  try {
    return typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v))
  } catch {
    return String(v)
  }
}

const fallback: Record<Locale, Record<string, string>> = {
  'zh-CN': zhCN.errors,
  en: en.errors,
}

/**
 * The text to show for an error in the given language: the Go side's translated message,
 * or, when it has none (or only echoes its key), the local generic text for the error's code.
 */
export function errorText(err: AppError, locale: Locale | string): string {
  const lang: Locale = locale === 'en' ? 'en' : 'zh-CN'
  const msg = lang === 'en' ? err.messageEn : err.message
  if (msg && msg !== err.key) return msg
  const local = fallback[lang]
  return local[err.code] ?? local.internal
}
