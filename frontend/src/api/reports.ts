// ReportService: the reports of the open ledger exported as PDF or Excel (the Reports screen).
// src/api is the only place that imports the generated bindings (src/wailsjs).
import * as svc from '@/wailsjs/go/app/ReportService'
import { app } from '@/wailsjs/go/models'
import { call } from '@/lib/call'
import { onProgress, type Progress } from './ledger'

export type ReportParams = app.ReportParams
export type ReportChoices = app.ReportChoices
export type ReportOption = app.ReportOption
export type { Progress }

/** Parameters with every field present (the Go side reads zero values as "all"). */
export function reportParams(p: Partial<ReportParams>): ReportParams {
  return app.ReportParams.createFrom({
    book: '',
    from: '',
    to: '',
    year: 0,
    unitId: 0,
    buildingId: 0,
    projectId: 0,
    format: 'pdf',
    published: '',
    ...p,
  })
}

/** Years, buildings and projects of the open ledger. */
export const choices = (): Promise<ReportChoices> =>
  call(async () => {
    const c = await svc.Choices()
    c.kinds ??= []
    c.years ??= []
    c.buildings ??= []
    c.projects ??= []
    return c
  })

/** Up to 20 units matching a room, building code ("3号-12") or owner's name. */
export const searchUnits = (text: string): Promise<ReportOption[]> => call(async () => (await svc.SearchUnits(text)) ?? [])

/** The file name Export will propose, e.g. 锦绣家园-维修资金-收支明细账-2025.pdf. */
export const defaultName = (kind: string, p: ReportParams): Promise<string> => call(() => svc.DefaultName(kind, p))

/**
 * Asks where to save and writes the report; resolves to the saved path, or "" when the user
 * cancelled the dialog. Emits "progress" events with task "report".
 */
export const exportReport = (kind: string, p: ReportParams): Promise<string> => call(() => svc.Export(kind, p))

/** Shows a saved file in the system's file manager. */
export const openFolder = (path: string): Promise<void> => call(() => svc.OpenFolder(path))

/** Listens to the export's progress (task "report"); returns the function that stops listening. */
export function onReportProgress(fn: (p: Progress) => void): () => void {
  return onProgress((p) => {
    if (p.task === 'report') fn(p)
  })
}
