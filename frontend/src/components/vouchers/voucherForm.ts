// The voucher entry form's arithmetic and small helpers, pure so that Vitest covers them.
// Money stays in strings and BigInt fen (lib/money.ts); nothing here turns money into a number.
import type { SplitUnit } from '@/api/vouchers'
import { fromFen, parseMoney, toFen, type MoneyParseError } from '@/lib/money'

/** A row of the entry form, as typed. */
export interface FormLine {
  account: string
  debit: string
  credit: string
  memo: string
}

export const emptyLine = (): FormLine => ({ account: '', debit: '', credit: '', memo: '' })

/** Whether a row holds nothing at all (the form keeps one such row at the end). */
export function isBlank(l: FormLine): boolean {
  return !l.account.trim() && !l.debit.trim() && !l.credit.trim() && !l.memo.trim()
}

/** An amount cell's state: empty, a canonical amount, or why it is not one. */
export type Cell = { kind: 'empty' } | { kind: 'ok'; value: string } | { kind: 'bad'; reason: MoneyParseError }

export function cell(input: string): Cell {
  if (!input.trim()) return { kind: 'empty' }
  const r = parseMoney(input)
  return r.ok ? { kind: 'ok', value: r.value } : { kind: 'bad', reason: r.reason }
}

/** The live balance of the form. */
export interface Totals {
  debit: string
  credit: string
  /** debit − credit */
  difference: string
  /** Every amount parses, no row has both sides or an amount without an account, and there are two rows or more. */
  complete: boolean
  balanced: boolean
  /** Rows (0-based) with a problem, and which. */
  problems: Map<number, 'bad' | 'both' | 'noAccount' | 'noAmount' | 'zero'>
}

export function totals(lines: FormLine[]): Totals {
  let debit = 0n
  let credit = 0n
  let used = 0
  const problems: Totals['problems'] = new Map()
  lines.forEach((l, i) => {
    if (isBlank(l)) return
    used++
    const d = cell(l.debit)
    const c = cell(l.credit)
    if (d.kind === 'bad' || c.kind === 'bad') problems.set(i, 'bad')
    else if (d.kind === 'ok' && c.kind === 'ok') problems.set(i, 'both')
    else if (d.kind === 'empty' && c.kind === 'empty') problems.set(i, 'noAmount')
    else if ((d.kind === 'ok' && d.value === '0.00') || (c.kind === 'ok' && c.value === '0.00')) problems.set(i, 'zero')
    else if (!l.account.trim()) problems.set(i, 'noAccount')
    if (d.kind === 'ok') debit += toFen(d.value)
    if (c.kind === 'ok') credit += toFen(c.value)
  })
  const complete = used >= 2 && problems.size === 0
  return {
    debit: fromFen(debit),
    credit: fromFen(credit),
    difference: fromFen(debit - credit),
    complete,
    balanced: complete && debit === credit && debit > 0n,
    problems,
  }
}

/**
 * The amount that, put on `side` of row `index`, balances the voucher ("" when none would):
 * what the "=" key fills in.
 */
export function balancing(lines: FormLine[], index: number, side: 'debit' | 'credit'): string {
  const others = lines.map((l, i) => (i === index ? { ...l, debit: '', credit: '' } : l))
  let d = 0n
  let c = 0n
  for (const l of others) {
    const a = cell(l.debit)
    const b = cell(l.credit)
    if (a.kind === 'ok') d += toFen(a.value)
    if (b.kind === 'ok') c += toFen(b.value)
  }
  const need = side === 'debit' ? c - d : d - c
  return need > 0n ? fromFen(need) : ''
}

/** The form's rows as the Go side takes them: canonical amounts, blank rows left out. */
export function linesForGo(lines: FormLine[]): FormLine[] {
  return lines
    .filter((l) => !isBlank(l))
    .map((l) => {
      const d = cell(l.debit)
      const c = cell(l.credit)
      return {
        account: l.account.trim(),
        debit: d.kind === 'ok' ? d.value : l.debit.trim(),
        credit: c.kind === 'ok' ? c.value : l.credit.trim(),
        memo: l.memo.trim(),
      }
    })
}

/** An account of the chart as the picker shows it. */
export interface PickAccount {
  code: string
  name: string
  nameEn: string
  direct: boolean
}

/**
 * Accounts matching what was typed: by code (prefix) or by name (any part, either language),
 * code matches first. Transfer accounts are not offered (the transfer between books posts them).
 */
export function matchAccounts<T extends PickAccount>(all: T[], query: string): T[] {
  const q = query.trim().toLowerCase()
  const usable = all.filter((a) => a.direct)
  if (!q) return usable
  const byCode = usable.filter((a) => a.code.startsWith(q))
  const byName = usable.filter(
    (a) => !a.code.startsWith(q) && (a.name.toLowerCase().includes(q) || a.nameEn.toLowerCase().includes(q) || `${a.code} ${a.name}`.toLowerCase().includes(q)),
  )
  return [...byCode, ...byName]
}

/** "2026Q3" → "2026 年第 3 季度" / "Q3 2026"; "2026" → "2026 年度" / "2026". */
export function periodLabel(period: string, locale: string): string {
  const m = /^(\d{4})Q([1-4])$/.exec(period)
  if (m) return locale === 'en' ? `Q${m[2]} ${m[1]}` : `${m[1]} 年第 ${m[2]} 季度`
  if (/^\d{4}$/.test(period)) return locale === 'en' ? period : `${period} 年度`
  return period
}

/** The sum of split amounts (invalid ones count as zero), and whether all parse. */
export function splitTotal(amounts: string[]): { total: string; ok: boolean } {
  let sum = 0n
  let ok = true
  for (const a of amounts) {
    const c = cell(a)
    if (c.kind === 'ok') sum += toFen(c.value)
    else ok = false
  }
  return { total: fromFen(sum), ok }
}

/** A unit's part of a deposit line in the entry form (按户交存). */
export interface SplitRow {
  unit: SplitUnit
  amount: string
}
