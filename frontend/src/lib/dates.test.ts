import { describe, expect, it } from 'vitest'
import { isDate, lastDay, pad2, todayISO } from './dates'

describe('dates', () => {
  it.each([
    [2025, 1, 31],
    [2025, 2, 28],
    [2024, 2, 29],
    [2000, 2, 29],
    [1900, 2, 28],
    [2025, 4, 30],
    [2025, 6, 30],
    [2025, 9, 30],
    [2025, 12, 31],
  ])('the last day of %i-%i is %i', (y, m, d) => {
    expect(lastDay(y, m)).toBe(d)
  })

  it('tells real dates from look-alikes', () => {
    expect(isDate('2025-02-28')).toBe(true)
    expect(isDate('2024-02-29')).toBe(true)
    expect(isDate('2025-02-29')).toBe(false)
    expect(isDate('2025-13-01')).toBe(false)
    expect(isDate('2025-04-31')).toBe(false)
    expect(isDate('2025-00-10')).toBe(false)
    expect(isDate('2025-1-05')).toBe(false)
    expect(isDate('')).toBe(false)
  })

  it('writes today in local time with two-digit month and day', () => {
    expect(todayISO(new Date(2026, 0, 5))).toBe('2026-01-05')
    expect(todayISO(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31')
    expect(pad2(7)).toBe('07')
    expect(pad2(12)).toBe('12')
  })
})
