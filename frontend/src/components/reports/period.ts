// The Reports screen's choices as pure functions: which options a report has, and the period
// (first and last day, YYYY-MM-DD) a choice of year, quarter, half-year or month stands for.

import { lastDay, pad2 } from '@/lib/dates'

export const REPORT_KINDS = [
  'journal',
  'summary',
  'unit-statements',
  'projects',
  'replenishment',
  'notice-public',
  'notice-fund',
  'working',
  'audit-package',
  'contracts',
  'final-accounts',
  'annual',
  'vouchers',
  'receipts',
  'buildings',
  'building-notice',
  'handover',
] as const
export type ReportKind = (typeof REPORT_KINDS)[number]

/** How a report's period is chosen: any period, fixed to a quarter, a half-year or a year, or
 * one day (the hand-over date). */
export type PeriodMode = 'year' | 'quarter' | 'half' | 'month' | 'custom' | 'day'

export interface KindInfo {
  /** The group the screen lists it under. */
  group: 'books' | 'fund' | 'notices' | 'yearly' | 'paperwork'
  /** Book choice: required, optional ("all three" allowed), or none. */
  book: 'required' | 'optional' | 'none'
  /** The period modes offered; the first is the default. */
  modes: PeriodMode[]
  /** Unit/building scope (per-unit statements). */
  scope?: boolean
  /** One project or all (projects report). */
  project?: boolean
  /** Publication date (notices). */
  published?: boolean
  /** One building or all (the buildings' notices). */
  building?: boolean
  /** Defaults to last year rather than this one (what is reported after a year ends). */
  lastYear?: boolean
}

const ANY: PeriodMode[] = ['year', 'quarter', 'half', 'month', 'custom']

export const KIND_INFO: Record<ReportKind, KindInfo> = {
  journal: { group: 'books', book: 'required', modes: ANY },
  summary: { group: 'books', book: 'optional', modes: ANY },
  'unit-statements': { group: 'fund', book: 'none', modes: ANY, scope: true },
  projects: { group: 'fund', book: 'none', modes: ANY, project: true },
  replenishment: { group: 'fund', book: 'none', modes: ANY },
  'notice-public': { group: 'notices', book: 'none', modes: ['quarter'], published: true },
  'notice-fund': { group: 'notices', book: 'none', modes: ['half'], published: true },
  working: { group: 'yearly', book: 'none', modes: ['year'] },
  'audit-package': { group: 'yearly', book: 'none', modes: ['year'], lastYear: true },
  contracts: { group: 'yearly', book: 'none', modes: ['year', 'quarter', 'half', 'custom'] },
  'final-accounts': { group: 'yearly', book: 'none', modes: ['year'], lastYear: true },
  annual: { group: 'yearly', book: 'none', modes: ['year'], lastYear: true },
  vouchers: { group: 'paperwork', book: 'required', modes: ANY },
  receipts: { group: 'paperwork', book: 'none', modes: ANY },
  buildings: { group: 'paperwork', book: 'none', modes: ANY },
  'building-notice': { group: 'paperwork', book: 'none', modes: ANY, building: true },
  handover: { group: 'paperwork', book: 'none', modes: ['day'] },
}

export const GROUPS = ['books', 'fund', 'notices', 'yearly', 'paperwork'] as const


/**
 * The period a choice stands for. n is the quarter (1–4), half (1–2) or month (1–12); a
 * custom period is taken as given.
 */
export function periodOf(mode: PeriodMode, year: number, n: number, from = '', to = ''): { from: string; to: string } {
  const span = (m0: number, m1: number) => ({ from: `${year}-${pad2(m0)}-01`, to: `${year}-${pad2(m1)}-${pad2(lastDay(year, m1))}` })
  switch (mode) {
    case 'year':
      return span(1, 12)
    case 'quarter':
      return span(3 * n - 2, 3 * n)
    case 'half':
      return span(6 * n - 5, 6 * n)
    case 'month':
      return span(n, n)
    case 'day':
      return { from: to, to }
    default:
      return { from, to }
  }
}

/** The last quarter (or half-year) that has ended by today: what a notice is usually for. */
export function lastEnded(today: string, months: 3 | 6): { year: number; n: number } {
  const y = Number(today.slice(0, 4))
  const m = Number(today.slice(5, 7))
  const current = Math.floor((m - 1) / months) + 1
  if (current === 1) return { year: y - 1, n: 12 / months }
  return { year: y, n: current - 1 }
}
