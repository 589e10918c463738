// DashboardService: what the dashboard adds to LedgerService.Dashboard — the fund ratio's trend.
import * as svc from '@/wailsjs/go/app/DashboardService'
import type { app } from '@/wailsjs/go/models'
import { call } from '@/lib/call'

export type RatioTrend = app.RatioTrend
export type RatioTrendPoint = app.RatioTrendPoint

/** The fund ratio at each quarter end since the books started (today for the current quarter). */
export const ratioTrend = (): Promise<RatioTrend> =>
  call(async () => {
    const r = await svc.RatioTrend()
    r.points ??= []
    return r
  })
