// BudgetService: the committee's working expenses (工作经费) — a year's budget by category
// against actual, and editing it.
// src/api is the only place that imports the generated bindings (src/wailsjs).
import * as svc from '@/wailsjs/go/app/BudgetService'
import type { app } from '@/wailsjs/go/models'
import { call } from '@/lib/call'

export type BudgetView = app.BudgetView
export type BudgetLine = app.BudgetLineView
export type BudgetEntry = app.BudgetEntry

function fill(v: BudgetView): BudgetView {
  v.lines ??= []
  v.years ??= []
  return v
}

/** A year's budget against actual (0: the current year). */
export const budget = (year: number): Promise<BudgetView> => call(async () => fill(await svc.Budget(year)))

/** Sets a year's budget for the given categories; nothing is written if one amount is refused. */
export const setBudget = (year: number, entries: BudgetEntry[]): Promise<BudgetView> =>
  call(async () => fill(await svc.SetBudget(year, entries)))
