// StatementService: the property company's quarterly statements (物业季度报告) — each quarter's
// statement with its variances against the contracts register, entering one by hand, the
// company's transfer of what it holds to the owners' assembly account, and its leaving and
// hand-over. Importing a statement's file goes through api/imports with kind 'statement'.
// src/api is the only place that imports the generated bindings (src/wailsjs).
import * as svc from '@/wailsjs/go/app/StatementService'
import { app } from '@/wailsjs/go/models'
import { call } from '@/lib/call'

export type Statement = app.StatementView
export type StatementForm = app.StatementForm
export type StatementLineForm = app.StatementLineForm
export type StatementOverview = app.StatementOverview
export type Settlement = app.SettlementView

const fill = (s: Statement): Statement => ({ ...s, lines: s.lines ?? [], variances: s.variances ?? [] }) as Statement

/** The statements, the newest quarter first. */
export const list = (): Promise<Statement[]> => call(async () => ((await svc.List()) ?? []).map(fill))

/** What the company holds, the quarters without a statement, the contracts, the leavings. */
export const overview = (): Promise<StatementOverview> =>
  call(async () => {
    const o = await svc.Overview()
    return { ...o, missing: o.missing ?? [], contracts: o.contracts ?? [], handovers: o.handovers ?? [] } as StatementOverview
  })

/** A statement as the form holds it (the generated class has a converter the form does not). */
export type StatementInput = Omit<StatementForm, 'convertValues'>

/** Checks a statement typed by hand, writing nothing: its voucher number, totals and variances. */
export const check = (f: StatementInput): Promise<Statement> => call(async () => fill(await svc.Check(app.StatementForm.createFrom(f))))

/** Posts a statement typed by hand. */
export const record = (f: StatementInput): Promise<Statement> => call(async () => fill(await svc.Record(app.StatementForm.createFrom(f))))

/** The company's transfer to the owners' assembly account (dry: only checked). */
export const settle = (date: string, amount: string, dry: boolean): Promise<Settlement> =>
  call(() => svc.Settle(app.SettlementForm.createFrom({ date, amount }), dry))

/** Records the day the property company leaves. */
export const recordLeaving = (company: string, leftOn: string, note = ''): Promise<void> =>
  call(() => svc.RecordLeaving(app.LeavingForm.createFrom({ company, leftOn, note })))

/** Records its hand-over of the balance and the records. */
export const recordHandover = (id: number, date: string, records: string, note = ''): Promise<void> =>
  call(() => svc.RecordHandover(app.HandoverForm.createFrom({ id, date, records, note })))
