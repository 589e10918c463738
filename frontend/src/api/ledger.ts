// LedgerService: which ledger file is open, and the dashboard figures.
// src/api is the only place that imports the generated bindings (src/wailsjs).
import * as svc from '@/wailsjs/go/app/LedgerService'
import type { app } from '@/wailsjs/go/models'
import { toAppError } from './errors'

export type LedgerInfo = app.LedgerInfo
export type Dashboard = app.Dashboard
export type BookBalance = app.BookBalance
export type Alert = app.Alert

/** The three books, in the order they are shown. */
export const BOOKS = ['fund', 'public', 'working'] as const
export type Book = (typeof BOOKS)[number]

/** Every call goes through here so a rejection always becomes an AppError. */
async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (e) {
    throw toAppError(e)
  }
}

/** The open ledger; `path` is empty when none is open. */
export const current = (): Promise<LedgerInfo> => call(() => svc.Current())

/** Recently opened ledger files that still exist, most recent first. */
export const recent = (): Promise<string[]> => call(() => svc.Recent())

/** Opens (or creates) the ledger file at path. */
export const openLedger = (path: string): Promise<LedgerInfo> => call(() => svc.OpenLedger(path))

/** Opens the demo ledger, generating it the first time. */
export const openDemo = (): Promise<LedgerInfo> => call(() => svc.OpenDemo())

/** The first screen's figures for the open ledger. */
export const dashboard = (): Promise<Dashboard> => call(() => svc.Dashboard())
