// ReplenishService: replenishment cases (续筹, R1) — the decision clock, the owners' decision
// (≥ 3/4, checked live), the bank notice, per-unit dues and payments.
// src/api is the only place that imports the generated bindings (src/wailsjs).
import * as svc from '@/wailsjs/go/app/ReplenishService'
import type { app } from '@/wailsjs/go/models'
import { call } from '@/lib/call'

export type ReplenishOverview = app.ReplenishOverview
export type ReplenishCase = app.ReplenishCaseView
export type CaseDuesPage = app.CaseDuesPage
export type CaseDueRow = app.CaseDueRow
export type VoteForm = app.VoteForm
export type VoteCheckResult = app.VoteCheckResult
export type PaymentForm = app.ReplenishPaymentForm
export type PostedVoucher = app.ProjectVoucher
export type TermsForm = app.ReplenishTermsForm
export type Demand = app.DemandRow

/** The case not yet closed, if any, and the past cases. */
export const overview = (): Promise<ReplenishOverview> =>
  call(async () => {
    const o = await svc.Overview()
    o.past ??= []
    return o
  })

/** One page of a case's dues; `outstandingOnly` keeps the units that still owe. */
export const dues = (caseId: number, text: string, outstandingOnly: boolean, offset: number, limit: number): Promise<CaseDuesPage> =>
  call(async () => {
    const p = await svc.Dues(caseId, text, outstandingOnly, offset, limit)
    p.rows ??= []
    return p
  })

/** The live check of the owners' decision (nothing is written). */
export const checkDecision = (caseId: number, f: VoteForm): Promise<VoteCheckResult> => call(() => svc.CheckDecision(caseId, f))

/** Records the owners' decision. */
export const recordDecision = (caseId: number, f: VoteForm): Promise<VoteCheckResult> => call(() => svc.RecordDecision(caseId, f))

/** Records the owners' decision with its own terms (share or per m², instalments). */
export const decide = (caseId: number, f: VoteForm, terms: TermsForm): Promise<VoteCheckResult> =>
  call(() => svc.Decide(caseId, f, terms))

/** Records a written demand (催缴) to a unit that still owes. */
export const recordDemand = (caseId: number, unitId: number, date: string, note: string): Promise<void> =>
  call(() => svc.RecordDemand(caseId, unitId, date, note))

/** The case's written demands, oldest first. */
export const demands = (caseId: number): Promise<Demand[]> => call(async () => (await svc.Demands(caseId)) ?? [])

/** Records the bank's payment notice (only from the day after the decision deadline, and
 * only without a decision): every unit's top-up becomes due. */
export const recordBankNotice = (caseId: number, date: string): Promise<void> => call(() => svc.RecordBankNotice(caseId, date))

/** Posts one unit's payment against the case. */
export const recordPayment = (caseId: number, f: PaymentForm): Promise<PostedVoucher> => call(() => svc.RecordPayment(caseId, f))
