// The opening balances' per-unit grid, without Vue: matching what is pasted from Excel to the
// units, and the live sum of the units against the fund's balance. Amounts stay strings and
// whole fen (BigInt); nothing here turns money into a JS number.
import { fromFen, parseMoney, toFen, type MoneyParseError } from '@/lib/money'

export interface GridUnit {
  id: number
  building: string
  room: string
}

/** Why a pasted line was not taken; each has a message under opening.paste.* . */
export type PasteReason = 'unknownUnit' | 'duplicate' | 'columns' | MoneyParseError

export interface PasteProblem {
  line: number // from 1
  text: string
  reason: PasteReason
}

export interface PasteResult {
  /** unit id → canonical amount */
  amounts: Map<number, string>
  problems: PasteProblem[]
  /** Lines taken as a header and skipped. */
  header: boolean
}

/** A building or room as typed, reduced for matching: "１号" → "1", "3幢" → "3", " 1201室 " → "1201". */
export function unitKeyPart(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/(号楼|号|幢|栋|座|室)$/u, '')
    .toLowerCase()
}

/** The key of a unit: building and room reduced. */
export const unitKey = (building: string, room: string) => `${unitKeyPart(building)}\u0000${unitKeyPart(room)}`

const unquote = (c: string) => c.trim().replace(/^"(.*)"$/s, '$1').trim()

function cells(line: string): string[] {
  if (line.includes('\t')) return line.split('\t').map(unquote)
  if (line.includes(',') && !/^\s*"?[-¥￥]?[\d,]+(\.\d+)?"?\s*$/.test(line)) {
    // CSV, unless the line is one amount with thousands separators
    return line.split(',').map(unquote)
  }
  return [unquote(line)]
}

/**
 * Reads rows pasted from Excel (tab-separated; commas also accepted) in one of two shapes:
 * 幢 / 室 / 余额 (a building, a room and an amount per line, more columns ignored), or a single
 * column of amounts, given to the units in grid order from `startIndex`. A first line that is
 * not data (a header) is skipped. Unknown units, bad amounts and units twice are listed by line.
 */
export function parsePaste(text: string, units: GridUnit[], startIndex = 0): PasteResult {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop()
  const out: PasteResult = { amounts: new Map(), problems: [], header: false }
  if (!lines.length) return out
  const byKey = new Map<string, number>()
  for (const u of units) byKey.set(unitKey(u.building, u.room), u.id)
  const firstLine = lines.findIndex((l) => l.trim() !== '')
  const seenLine = new Map<number, number>()
  // One column of amounts: a blank line is a blank cell, and the next amount goes one unit on.
  const column = cells(lines[firstLine] ?? '').length === 1
  let next = startIndex
  lines.forEach((raw, i) => {
    const line = i + 1
    if (raw.trim() === '') {
      if (column && i > firstLine) next++
      return
    }
    const c = cells(raw)
    const amountText = c.length >= 3 ? c[2] : c.length === 2 ? c[1] : c[0]
    if (amountText === '') return // a unit without a balance in the sheet: left as it is
    const m = parseMoney(amountText)
    if (i === firstLine && !m.ok && !/\d/.test(amountText)) {
      out.header = true // 幢 室 余额
      return
    }
    let id: number | undefined
    if (c.length >= 3) {
      id = byKey.get(unitKey(c[0], c[1]))
    } else if (c.length === 2) {
      // "3号-1201" and an amount
      const [b, r] = c[0].split(/[-－—/]/)
      id = r === undefined ? undefined : byKey.get(unitKey(b, r))
    } else if (column) {
      id = units[next]?.id
      next++
    }
    if (id === undefined) {
      out.problems.push({ line, text: raw.trim(), reason: c.length === 1 ? 'columns' : 'unknownUnit' })
      return
    }
    if (!m.ok) {
      out.problems.push({ line, text: raw.trim(), reason: m.reason })
      return
    }
    if (seenLine.has(id)) {
      out.problems.push({ line, text: raw.trim(), reason: 'duplicate' })
      return
    }
    seenLine.set(id, line)
    out.amounts.set(id, m.value)
  })
  return out
}

export interface UnitsSum {
  /** Σ of the amounts that parse, canonical. */
  total: string
  /** Units with an amount other than zero. */
  filled: number
  /** Units whose cell does not parse. */
  invalid: number
  /** Units with an empty cell. */
  empty: number
}

/** The live sum of the grid: every unit's cell as typed (missing = empty). */
export function sumUnits(units: GridUnit[], typed: Map<number, string>): UnitsSum {
  let fen = 0n
  let filled = 0
  let invalid = 0
  let empty = 0
  for (const u of units) {
    const s = (typed.get(u.id) ?? '').trim()
    if (s === '') {
      empty++
      continue
    }
    const m = parseMoney(s)
    if (!m.ok) {
      invalid++
      continue
    }
    const v = toFen(m.value)
    fen += v
    if (v !== 0n) filled++
  }
  return { total: fromFen(fen), filled, invalid, empty }
}

export type Agreement =
  /** Σ units = the fund's balance. */
  | { kind: 'equal' }
  /** The units add up to more (or less) than the fund's balance, by `diff` (positive). */
  | { kind: 'unitsMore' | 'unitsLess'; diff: string }
  /** The fund's balance is not (yet) a valid amount. */
  | { kind: 'noAmount' }

/** How the units' total compares with the fund's balance as typed. */
export function agreement(amountTyped: string, unitsTotal: string): Agreement {
  const m = parseMoney(amountTyped)
  if (!m.ok) return { kind: 'noAmount' }
  const d = toFen(unitsTotal) - toFen(m.value)
  if (d === 0n) return { kind: 'equal' }
  return d > 0n ? { kind: 'unitsMore', diff: fromFen(d) } : { kind: 'unitsLess', diff: fromFen(-d) }
}
