import { describe, expect, it } from 'vitest'
import { barWidth, periodName, sameAmount, sumDecimals } from './format'

describe('works helpers', () => {
  it('barWidth clamps percent strings without floating point', () => {
    expect(barWidth('63.63')).toBe('63.63%')
    expect(barWidth('0.5')).toBe('0.50%')
    expect(barWidth('120.05')).toBe('100%')
    expect(barWidth('-3')).toBe('0%')
    expect(barWidth('')).toBe('0%')
    expect(barWidth('abc')).toBe('0%')
    expect(barWidth(undefined)).toBe('0%')
  })

  it('sumDecimals adds areas and amounts exactly', () => {
    expect(sumDecimals(['50.00', '100.5', '0.01'])).toBe('150.51')
    expect(sumDecimals([])).toBe('0.00')
    // 0.1 + 0.2 in floating point is 0.30000000000000004
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.30')
    expect(sumDecimals(Array(5000).fill('89.37'))).toBe('446850.00')
  })

  it('sameAmount compares to the fen', () => {
    expect(sameAmount('11500', '11,500.00')).toBe(true)
    expect(sameAmount('11500.01', '11500.00')).toBe(false)
    expect(sameAmount('x', 'x')).toBe(false)
  })

  it('periodName names quarters, halves, years and months', () => {
    expect(periodName('2026-07-01', '2026-09-30')).toEqual({ kind: 'quarter', year: 2026, n: 3 })
    expect(periodName('2026-01-01', '2026-06-30')).toEqual({ kind: 'half', year: 2026, n: 1 })
    expect(periodName('2026-07-01', '2026-12-31')).toEqual({ kind: 'half', year: 2026, n: 2 })
    expect(periodName('2025-01-01', '2025-12-31')).toEqual({ kind: 'year', year: 2025 })
    expect(periodName('2024-02-01', '2024-02-29')).toEqual({ kind: 'month', year: 2024, n: 2 })
    // the first period of a ledger may start mid-quarter
    expect(periodName('2026-02-15', '2026-03-31')).toEqual({ kind: 'range' })
    expect(periodName('2026-07-01', '2026-09-29')).toEqual({ kind: 'range' })
    expect(periodName('2025-10-01', '2026-03-31')).toEqual({ kind: 'range' })
  })
})
