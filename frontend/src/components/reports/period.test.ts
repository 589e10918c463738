import { describe, expect, it } from 'vitest'
import { KIND_INFO, lastEnded, periodOf, REPORT_KINDS } from './period'

describe('report periods', () => {
  it('turns a year, quarter, half or month into its first and last day', () => {
    expect(periodOf('year', 2025, 0)).toEqual({ from: '2025-01-01', to: '2025-12-31' })
    expect(periodOf('quarter', 2025, 3)).toEqual({ from: '2025-07-01', to: '2025-09-30' })
    expect(periodOf('quarter', 2025, 1)).toEqual({ from: '2025-01-01', to: '2025-03-31' })
    expect(periodOf('half', 2025, 2)).toEqual({ from: '2025-07-01', to: '2025-12-31' })
    expect(periodOf('month', 2024, 2)).toEqual({ from: '2024-02-01', to: '2024-02-29' })
    expect(periodOf('month', 2025, 2)).toEqual({ from: '2025-02-01', to: '2025-02-28' })
    expect(periodOf('custom', 2025, 0, '2025-01-05', '2025-03-15')).toEqual({ from: '2025-01-05', to: '2025-03-15' })
    // the hand-over: one day, typed as the period's end
    expect(periodOf('day', 2025, 0, '', '2026-06-30')).toEqual({ from: '2026-06-30', to: '2026-06-30' })
  })

  it('finds the last ended quarter and half-year', () => {
    expect(lastEnded('2026-11-22', 3)).toEqual({ year: 2026, n: 3 })
    expect(lastEnded('2026-02-10', 3)).toEqual({ year: 2025, n: 4 })
    expect(lastEnded('2026-11-22', 6)).toEqual({ year: 2026, n: 1 })
    expect(lastEnded('2026-03-01', 6)).toEqual({ year: 2025, n: 2 })
  })

  it('describes every report the Go side knows', () => {
    // the same list as reporting.Kinds in Go: the yearly reports and the paperwork included
    expect(REPORT_KINDS).toHaveLength(17)
    expect(KIND_INFO.annual.modes).toEqual(['year'])
    expect(KIND_INFO.vouchers.book).toBe('required')
    expect(KIND_INFO.handover.modes).toEqual(['day'])
    for (const k of REPORT_KINDS) expect(KIND_INFO[k].modes.length).toBeGreaterThan(0)
    expect(KIND_INFO['notice-public'].modes).toEqual(['quarter'])
    expect(KIND_INFO.journal.book).toBe('required')
  })
})
