// Pure helpers of the works and oversight screens (projects, replenishment, working expenses,
// audits, disclosures). Money and areas stay strings; sums go through whole fen (BigInt).
import { lastDay } from '@/lib/dates'
import { fromFen, toFen } from '@/lib/money'

/** A percent string ("63.63") as a CSS width clamped to 0–100% ("" or junk → "0%"). */
export function barWidth(pct: string | null | undefined): string {
  const m = /^-?\d+(?:\.\d+)?$/.exec((pct ?? '').trim())
  if (!m) return '0%'
  const hundredths = toFen(m[0])
  if (hundredths <= 0n) return '0%'
  if (hundredths >= 10000n) return '100%'
  return `${fromFen(hundredths)}%`
}

/** Σ of two-decimal strings (areas in m², amounts), exact: ["50.00", "100.5"] → "150.50". */
export function sumDecimals(values: readonly string[]): string {
  let fen = 0n
  for (const v of values) if (v.trim() !== '') fen += toFen(v)
  return fromFen(fen)
}

/** Whether two amounts are equal to the fen ("11500" and "11,500.00" are). Junk is never equal. */
export function sameAmount(a: string, b: string): boolean {
  try {
    return toFen(a.replace(/,/g, '')) === toFen(b.replace(/,/g, ''))
  } catch {
    return false
  }
}

/** The period a disclosure covers, named: a quarter, a half-year, a year, or a plain range. */
export type PeriodName =
  | { kind: 'quarter'; year: number; n: number }
  | { kind: 'half'; year: number; n: number }
  | { kind: 'year'; year: number }
  | { kind: 'month'; year: number; n: number }
  | { kind: 'range' }

const ENDS: Record<string, string> = { '03': '31', '06': '30', '09': '30', '12': '31' }

/** Names a period "YYYY-MM-DD".."YYYY-MM-DD" when it is a calendar month, quarter, half or year. */
export function periodName(from: string, to: string): PeriodName {
  const f = /^(\d{4})-(\d{2})-(\d{2})$/.exec(from)
  const t = /^(\d{4})-(\d{2})-(\d{2})$/.exec(to)
  if (!f || !t || f[1] !== t[1] || f[3] !== '01') return { kind: 'range' }
  const year = Number(f[1])
  const m0 = Number(f[2])
  const m1 = Number(t[2])
  if (Number(t[3]) !== lastDay(year, m1)) return { kind: 'range' }
  const months = m1 - m0 + 1
  if (months === 12 && m0 === 1) return { kind: 'year', year }
  if (months === 6 && (m0 === 1 || m0 === 7)) return { kind: 'half', year, n: m0 === 1 ? 1 : 2 }
  if (months === 3 && (m0 - 1) % 3 === 0 && ENDS[t[2]] !== undefined) return { kind: 'quarter', year, n: (m0 - 1) / 3 + 1 }
  if (months === 1) return { kind: 'month', year, n: m0 }
  return { kind: 'range' }
}
