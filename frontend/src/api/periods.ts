// PeriodService: closing quarters and years of a book (结账), each checked beforehand by a dry
// run of the closing.
import * as svc from '@/wailsjs/go/app/PeriodService'
import type { app } from '@/wailsjs/go/models'
import { call } from '@/lib/call'

export type PeriodCheck = app.PeriodCheck
export type PeriodOverview = app.PeriodOverview
export type ClosedPeriod = app.ClosedPeriodInfo

/** The open periods of each book, checked, and the closed ones. */
export const overview = (): Promise<PeriodOverview> =>
  call(async () => {
    const o = await svc.Overview()
    o.books ??= []
    o.closed ??= []
    for (const b of o.books) b.periods ??= []
    return o
  })

/** Whether a period ("2024Q3" or "2024") of a book can be closed today. */
export const check = (book: string, period: string): Promise<PeriodCheck> => call(() => svc.Check(book, period))

/** Closes a period of a book today. */
export const close = (book: string, period: string): Promise<PeriodCheck> => call(() => svc.Close(book, period))
