import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { addMoney, compareMoney, formatMoney, fromFen, isNegative, parseMoney, toFen } from './money'

describe('formatMoney', () => {
  it.each([
    ['1234567.5', '1,234,567.50'],
    ['0', '0.00'],
    ['0.05', '0.05'],
    ['12', '12.00'],
    ['999.99', '999.99'],
    ['1000', '1,000.00'],
    ['100000.01', '100,000.01'],
    ['12345678901234.00', '12,345,678,901,234.00'],
    ['-1234.5', '-1,234.50'],
    ['-0.01', '-0.01'],
    ['-0', '0.00'],
    ['+5', '5.00'],
    ['0001234', '1,234.00'],
  ])('%s → %s', (input, want) => {
    expect(formatMoney(input)).toBe(want)
  })

  it('rounds more than two decimals half away from zero', () => {
    expect(formatMoney('1.005')).toBe('1.01')
    expect(formatMoney('1.004')).toBe('1.00')
    expect(formatMoney('-1.005')).toBe('-1.01')
  })

  it('leaves text that is not an amount visible as it is', () => {
    expect(formatMoney('abc')).toBe('abc')
    expect(formatMoney('')).toBe('')
    expect(formatMoney(null)).toBe('')
    expect(formatMoney(undefined)).toBe('')
  })

  it('keeps precision far beyond a double', () => {
    expect(formatMoney('90071992547409.93')).toBe('90,071,992,547,409.93')
  })
})

describe('fen arithmetic', () => {
  it('converts to and from fen', () => {
    expect(toFen('1234.5')).toBe(123450n)
    expect(toFen('-0.07')).toBe(-7n)
    expect(fromFen(123450n)).toBe('1234.50')
    expect(fromFen(-7n)).toBe('-0.07')
    expect(() => toFen('1e3')).toThrow()
  })

  it('adds and compares exactly', () => {
    expect(addMoney('0.1', '0.2')).toBe('0.30')
    expect(addMoney('100.00', '-100.01')).toBe('-0.01')
    expect(compareMoney('0.30', '0.3')).toBe(0)
    expect(compareMoney('9.99', '10')).toBe(-1)
    expect(compareMoney('10.01', '10')).toBe(1)
    expect(isNegative('-0.01')).toBe(true)
    expect(isNegative('0')).toBe(false)
  })
})

describe('parseMoney', () => {
  it('accepts negative amounts only when asked to', () => {
    expect(parseMoney('-1,234.5', { allowNegative: true })).toEqual({ ok: true, value: '-1234.50' })
    expect(parseMoney('-¥12', { allowNegative: true })).toEqual({ ok: true, value: '-12.00' })
    expect(parseMoney('-0')).toEqual({ ok: true, value: '0.00' })
  })

  it('round-trips with formatMoney', () => {
    for (const s of ['0.01', '999.99', '1000.00', '1234567.89']) {
      const r = parseMoney(formatMoney(s))
      expect(r).toEqual({ ok: true, value: s })
    }
  })
})

// The table Go's ledger.ParseAmount runs too (store/ledger/parse_fixture_test.go): the window
// must accept and refuse exactly what the ledger does.
type AmountCase = { name: string; input: string; ok: boolean; fen?: number; error?: string }
const amountCases: AmountCase[] = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../store/ledger/testdata/parse_amount_cases.json', import.meta.url)), 'utf8'),
)
const REASONS: Record<string, string> = {
  empty: 'empty',
  invalid: 'invalid',
  too_many_decimals: 'tooManyDecimals',
  too_large: 'tooLarge',
}

describe('parseMoney reads what ledger.ParseAmount reads (shared cases)', () => {
  it('has the table', () => {
    expect(amountCases.length).toBeGreaterThan(50)
  })

  it.each(amountCases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const got = parseMoney(c.input, { allowNegative: true })
    if (c.ok) {
      expect(got).toEqual({ ok: true, value: fromFen(BigInt(c.fen!)) })
      // a field that takes no negative amount refuses exactly the negative ones
      const plain = parseMoney(c.input)
      expect(plain).toEqual(c.fen! < 0 ? { ok: false, reason: 'negative' } : got)
    } else {
      expect(REASONS[c.error!], `unknown error kind ${c.error}`).toBeDefined()
      expect(got).toEqual({ ok: false, reason: REASONS[c.error!] })
    }
  })
})
