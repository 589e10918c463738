// PublicIncomeService: public income (公共收益) by quarter against R2. The transfer to the fund
// itself is vouchers.transfer.
import * as svc from '@/wailsjs/go/app/PublicIncomeService'
import type { app } from '@/wailsjs/go/models'
import { call } from '@/lib/call'

export type PublicIncomeOverview = app.PublicIncomeOverview
export type PublicIncomeQuarter = app.PublicIncomeQuarter
export type IncomeSourceLine = app.IncomeSourceLine
export type PublicIncomeScope = app.PublicIncomeScope

/** Public income by quarter, newest first, with R2's figures. */
export const overview = (): Promise<PublicIncomeOverview> =>
  call(async () => {
    const o = await svc.Overview()
    o.quarters ??= []
    o.scopes ??= []
    for (const q of o.quarters) {
      q.income ??= []
      q.deductions ??= []
    }
    return o
  })

/** What a transfer to the fund dated `date` must at least move (R2). */
export const outstandingOn = (date: string): Promise<string> => call(() => svc.OutstandingOn(date))
