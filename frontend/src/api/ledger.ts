// LedgerService: which ledger file is open, and the dashboard figures.
// src/api is the only place that imports the generated bindings (src/wailsjs).
import * as svc from '@/wailsjs/go/app/LedgerService'
import type { app } from '@/wailsjs/go/models'
import { EventsOn } from '@/wailsjs/runtime/runtime'
import { call } from '@/lib/call'

export type LedgerInfo = app.LedgerInfo
export type Dashboard = app.Dashboard
export type BookBalance = app.BookBalance
export type Alert = app.Alert
export type CommunityInput = app.CommunityInput
export type PolicyInput = app.PolicyInput
export type NewUnitRow = app.NewUnitRow
export type NewLedgerInput = app.NewLedgerInput
export type RowProblem = app.RowProblem

export { BOOKS, type Book } from '@/lib/books'

/** The open ledger; `path` is empty when none is open. */
export const current = (): Promise<LedgerInfo> => call(() => svc.Current())

/** Recently opened ledger files that still exist, most recent first. */
export const recent = (): Promise<string[]> => call(() => svc.Recent())

/** Opens the existing ledger file at path (a missing file is refused, never created). */
export const openLedger = (path: string): Promise<LedgerInfo> => call(() => svc.OpenLedger(path))

/** Opens the demo ledger, generating it the first time. */
export const openDemo = (): Promise<LedgerInfo> => call(() => svc.OpenDemo())

/** The first screen's figures for the open ledger. */
export const dashboard = (): Promise<Dashboard> => call(() => svc.Dashboard())

/** Asks for a ledger file with the system's dialog and opens it; an empty path means cancelled. */
export const chooseLedger = (): Promise<LedgerInfo> => call(() => svc.ChooseLedger())

/** Makes the demo ledger if it does not exist yet (emits "progress" events, task "demo"). */
export const prepareDemo = (): Promise<void> => call(() => svc.PrepareDemo())

// ---- the new-ledger wizard ----------------------------------------------------------------

/** Checks the community details; a refusal names the field in args.field. */
export const checkCommunity = (c: CommunityInput): Promise<void> => call(() => svc.CheckCommunity(c))

/** Checks the rule settings; a refusal names the field in args.field. */
export const checkPolicy = (p: PolicyInput): Promise<void> => call(() => svc.CheckPolicy(p))

/** Every problem of the unit grid's rows (row from 1, field, message in both languages). */
export const checkUnits = (rows: NewUnitRow[]): Promise<RowProblem[]> =>
  call(async () => (await svc.CheckUnits(rows)) ?? [])

/** Proposes where to save: <community>.jiayuan in the ledgers folder (Documents by default). */
export const defaultLedgerPath = (communityName: string): Promise<string> =>
  call(() => svc.DefaultLedgerPath(communityName))

/** Asks where to save with the system's dialog, starting at `current`; "" means cancelled. */
export const chooseSavePath = (current: string): Promise<string> => call(() => svc.ChooseSavePath(current))

/** Checks a save path; resolves to the path as it will be used (absolute, .jiayuan). */
export const checkSavePath = (path: string): Promise<string> => call(() => svc.CheckSavePath(path))

/** Creates the ledger with its units and opens it (emits "progress" events, task "create"). */
export const createLedger = (input: NewLedgerInput): Promise<LedgerInfo> => call(() => svc.CreateLedger(input))

/** A report of long work from the Go side. */
export interface Progress {
  task: 'demo' | 'create' | 'verify' | string
  stage: string
  done: number
  total: number
}

/**
 * Listens to the Go side's progress reports; returns the function that stops listening.
 * Without a window runtime (a browser without Wails) nothing is reported.
 */
export function onProgress(fn: (p: Progress) => void): () => void {
  try {
    const off: unknown = EventsOn('progress', (p: Progress) => fn(p))
    return typeof off === 'function' ? (off as () => void) : () => {}
  } catch {
    return () => {}
  }
}
