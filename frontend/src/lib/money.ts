// Money as strings. Amounts cross the Wails bridge as canonical decimal strings ("1234.50",
// "-12.00"); this module formats them, parses what people type, and does the little arithmetic
// the UI needs in whole fen with BigInt. It never turns money into a JS number.

/** A canonical amount: optional "-", integer digits without leading zeros, "." and two decimals. */
export type MoneyString = string

/** Why typed input was refused; each reason has a message under `money.*` in the locale files. */
export type MoneyParseError = 'empty' | 'invalid' | 'tooManyDecimals' | 'tooLarge' | 'negative'

export type MoneyParseResult = { ok: true; value: MoneyString } | { ok: false; reason: MoneyParseError }

/** The largest number of integer digits accepted (well inside int64 fen on the Go side). */
export const MAX_INTEGER_DIGITS = 13

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?$/

/**
 * Whole fen of a decimal string ("1234.5" → 123450n). More than two decimals are rounded half
 * away from zero. Throws on anything that is not a plain decimal.
 */
export function toFen(amount: string): bigint {
  const m = DECIMAL.exec(amount.trim())
  if (!m) throw new Error(`not a decimal amount: ${JSON.stringify(amount)}`)
  const [, sign, int, frac = ''] = m
  let fen = BigInt(int) * 100n + BigInt((frac + '00').slice(0, 2))
  if (frac.length > 2 && frac.charCodeAt(2) >= 53 /* '5' */) fen += 1n
  return sign === '-' ? -fen : fen
}

/** The canonical string of a fen amount (123450n → "1234.50"). */
export function fromFen(fen: bigint): MoneyString {
  const neg = fen < 0n
  const abs = neg ? -fen : fen
  const int = (abs / 100n).toString()
  const frac = (abs % 100n).toString().padStart(2, '0')
  return `${neg ? '-' : ''}${int}.${frac}`
}

/** Groups the digits of a non-negative integer string by thousands ("1234567" → "1,234,567"). */
function group(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/**
 * Formats an amount for display with thousands separators and two decimals:
 * "1234567.5" → "1,234,567.50", "-12" → "-12.00". Text that is not an amount is returned as it
 * is, so bad data stays visible instead of turning into a plausible number.
 */
export function formatMoney(amount: string | null | undefined): string {
  if (amount === null || amount === undefined) return ''
  if (!DECIMAL.test(amount.trim())) return amount
  const canonical = fromFen(toFen(amount))
  const neg = canonical.startsWith('-')
  const [int, frac] = (neg ? canonical.slice(1) : canonical).split('.')
  return `${neg ? '-' : ''}${group(int)}.${frac}`
}

/** a + b, both decimal strings. */
export function addMoney(a: string, b: string): MoneyString {
  return fromFen(toFen(a) + toFen(b))
}

/** −1, 0 or 1 as a is less than, equal to or greater than b. */
export function compareMoney(a: string, b: string): -1 | 0 | 1 {
  const d = toFen(a) - toFen(b)
  return d < 0n ? -1 : d > 0n ? 1 : 0
}

/** Whether the amount is below zero. */
export function isNegative(amount: string): boolean {
  return toFen(amount) < 0n
}

// What people type: "1234.5", "1,234.50", "￥1234.50", "¥ 1234.50", "1234.50元", full-width
// digits and punctuation ("１２３４．５０", "１，２３４"), and the ideographic full stop a Chinese
// input method types for "." ("1234。5").
const TYPED = /^(-?)(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/

/**
 * Parses an amount typed by a person into a canonical string ("1,234.5" → "1234.50").
 * Refuses anything else, including more than two decimals (a fen is the smallest unit) and
 * misplaced thousands separators. Negative amounts only with `allowNegative`.
 */
export function parseMoney(input: string, opts: { allowNegative?: boolean } = {}): MoneyParseResult {
  // NFKC maps full-width digits, "，", "．", "－" and "￥" to their ASCII forms (and "￥" to "¥").
  let s = input.normalize('NFKC').replace(/。/g, '.').trim()
  if (s === '') return { ok: false, reason: 'empty' }
  s = s.replace(/^(-?)\s*¥\s*/, '$1').replace(/\s*元$/, '')
  const m = TYPED.exec(s)
  if (!m) {
    if (/^-?[\d,]*\.\d{3,}$/.test(s)) return { ok: false, reason: 'tooManyDecimals' }
    return { ok: false, reason: 'invalid' }
  }
  const [, sign, intRaw, frac] = m
  if (intRaw === '' && (frac === undefined || frac === '')) return { ok: false, reason: 'invalid' }
  if (frac !== undefined && frac.length > 2) return { ok: false, reason: 'tooManyDecimals' }
  const int = intRaw.replace(/,/g, '').replace(/^0+(?=\d)/, '') || '0'
  if (int.length > MAX_INTEGER_DIGITS) return { ok: false, reason: 'tooLarge' }
  const value = fromFen(toFen(`${sign}${int}.${frac ?? ''}`))
  if (sign === '-' && value !== '0.00' && !opts.allowNegative) return { ok: false, reason: 'negative' }
  return { ok: true, value: value === '-0.00' ? '0.00' : value }
}
