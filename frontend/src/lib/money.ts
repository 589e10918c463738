// Money as strings. Amounts cross the Wails bridge as canonical decimal strings ("1234.50",
// "-12.00"); this module formats them, parses what people type, and does the little arithmetic
// the UI needs in whole fen with BigInt. It never turns money into a JS number.

/** A canonical amount: optional "-", integer digits without leading zeros, "." and two decimals. */
export type MoneyString = string

/** Why typed input was refused; each reason has a message under `money.*` in the locale files. */
export type MoneyParseError = 'empty' | 'invalid' | 'tooManyDecimals' | 'tooLarge' | 'negative'

export type MoneyParseResult = { ok: true; value: MoneyString } | { ok: false; reason: MoneyParseError }

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

// What people type is read exactly as the Go side's ledger.ParseAmount (store/ledger/parse.go)
// reads it, step by step, so a field the window accepts is never refused when saved and the
// other way round; store/ledger/testdata/parse_amount_cases.json holds both to the same cases.
// Accepted: "1234.5", "1,234.50", "￥1234.50", "¥ 1234.50", "1234.50元", full-width digits and
// punctuation ("１２３４．５０", "１，２３４"), the ideographic full stop a Chinese input method
// types for "." ("1234。5"), a leading "-" or "+" before or after the yuan sign, and spaces
// around any of these — but not inside the number ("12 34" may be two amounts or a lost point).

/** The largest amount the ledger accepts in one field, in fen: ¥999,999,999,999.99 (Go's MaxAmount). */
export const MAX_FEN = 99_999_999_999_999n

/** The largest amount as people read it, for messages. */
export const MAX_AMOUNT = '999,999,999,999.99'

/** The full-width and other forms Go folds to ASCII (normalizeAmount), and the spaces it knows. */
const FOLD: Record<string, string> = {
  '．': '.', '。': '.', '，': ',', '－': '-', '−': '-', '＋': '+', '￥': '¥',
}
/** Go's unicode.IsSpace: JS's \s without U+FEFF (a byte-order mark is not a space) and with U+0085. */
const SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/

function fold(input: string): string {
  let out = ''
  for (const ch of input) {
    const c = ch.codePointAt(0)!
    out += c >= 0xff10 && c <= 0xff19 ? String.fromCharCode(c - 0xff10 + 48) : SPACE.test(ch) ? ' ' : (FOLD[ch] ?? ch)
  }
  return out
}

const trimSpaces = (s: string) => s.replace(/^ +| +$/g, '')
const DIGITS = /^[0-9]*$/
/** Plain digits, or digits grouped by commas in threes ("1,234,567"). */
const GROUPED = /^(?:[0-9]*|[0-9]{1,3}(?:,[0-9]{3})+)$/

/**
 * Parses an amount typed by a person into a canonical string ("1,234.5" → "1234.50"), or says
 * why not. Negative amounts only with `allowNegative` (most fields want an amount paid or
 * received); otherwise this is ledger.ParseAmount.
 */
export function parseMoney(input: string, opts: { allowNegative?: boolean } = {}): MoneyParseResult {
  let t = trimSpaces(fold(input))
  if (t === '') return { ok: false, reason: 'empty' }
  let neg = false
  let signed = false
  if (t[0] === '-' || t[0] === '+') {
    ;[neg, signed] = [t[0] === '-', true]
    t = trimSpaces(t.slice(1))
  }
  if (t.startsWith('¥')) t = t.slice(1)
  t = trimSpaces(t)
  // the sign may also follow the yuan sign, as spreadsheets write it: "¥-1,234.50"
  if (!signed && (t[0] === '-' || t[0] === '+')) {
    neg = t[0] === '-'
    t = trimSpaces(t.slice(1))
  }
  if (t.endsWith('元')) t = t.slice(0, -1)
  t = trimSpaces(t)
  if (t === '' || t.includes(' ')) return { ok: false, reason: 'invalid' }
  const dot = t.indexOf('.')
  const intPart = dot < 0 ? t : t.slice(0, dot)
  let frac = dot < 0 ? '' : t.slice(dot + 1)
  if (frac.includes('.') || (dot >= 0 && intPart === '' && frac === '')) return { ok: false, reason: 'invalid' }
  if (!GROUPED.test(intPart) || !DIGITS.test(frac)) return { ok: false, reason: 'invalid' }
  if (frac.length > 2) return { ok: false, reason: 'tooManyDecimals' }
  const digits = intPart.replace(/,/g, '').replace(/^0+/, '')
  if (digits.length > 13) return { ok: false, reason: 'tooLarge' }
  frac = (frac + '00').slice(0, 2)
  const fen = BigInt(digits || '0') * 100n + BigInt(frac)
  if (fen > MAX_FEN) return { ok: false, reason: 'tooLarge' }
  if (neg && fen !== 0n && !opts.allowNegative) return { ok: false, reason: 'negative' }
  return { ok: true, value: fromFen(neg ? -fen : fen) }
}
