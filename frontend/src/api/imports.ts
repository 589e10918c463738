// ImportService and BankService: bringing a unit roster, a historical book or a bank
// statement into the ledger (the Import screen), and the bank reconciliation (银行对账).
// src/api is the only place that imports the generated bindings (src/wailsjs).
import * as bank from '@/wailsjs/go/app/BankService'
import * as svc from '@/wailsjs/go/app/ImportService'
import { app, ops } from '@/wailsjs/go/models'
import { call } from '@/lib/call'
import { onProgress, type Progress } from './ledger'

export type ImportInput = app.ImportInput
export type ImportPreview = app.ImportPreview
export type ImportField = app.ImportFieldDTO
export type ImportRow = app.ImportRowDTO
export type ImportCell = app.ImportCellDTO
export type ImportProblem = app.ImportProblemDTO
export type ImportResult = app.ImportResultDTO
export type ReconcileInput = app.ReconcileInput
export type Reconciliation = ops.Reconciliation
export type ReconItem = ops.ReconItem
export type BankLine = app.BankLineDTO
export type BankLinePage = app.BankLinePage
export type BankOverview = app.BankOverview
export type { Progress }

/** The kinds of file the Import screen reads, in the order it offers them. */
export const IMPORT_KINDS = ['units', 'vouchers', 'bank'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

/** An input with every field present (the Go side reads zero values as "the default"). */
export function importInput(p: Partial<ImportInput>): ImportInput {
  return app.ImportInput.createFrom({
    kind: 'units',
    path: '',
    sheet: '',
    book: '',
    mapping: {},
    quarter: '',
    company: '',
    page: 1,
    pageSize: 50,
    onlyProblems: false,
    ...p,
  })
}

/** The columns a kind of file has, before a file is chosen. */
export const schema = (kind: ImportKind): Promise<ImportField[]> => call(async () => (await svc.Schema(kind)) ?? [])

/** Asks for the file with the system's dialog; "" when cancelled. */
export const chooseFile = (): Promise<string> => call(() => svc.ChooseFile())

/** The largest file that can be dropped on the screen (its bytes cross the bridge). */
export const MAX_DROPPED = 64 * 1024 * 1024

/** Keeps a dropped file (bytes in base64) where the Go side can read it; resolves to its path. */
export const stageDropped = (name: string, base64: string): Promise<string> => call(() => svc.StageDropped(name, base64))

/** Reads the file as Import would, writing nothing (progress: task "import"). */
export const preview = (p: ImportInput): Promise<ImportPreview> =>
  call(async () => {
    const r = await svc.Preview(p)
    r.sheets ??= []
    r.headers ??= []
    r.fields ??= []
    r.rows ??= []
    r.problems ??= []
    for (const f of r.fields) f.anyOf ??= []
    for (const row of r.rows) row.cells ??= []
    if (r.result) r.result.warnings ??= []
    return r
  })

/** Writes the file into the ledger, all or nothing. */
export const runImport = (p: ImportInput): Promise<ImportResult> =>
  call(async () => {
    const r = await svc.Import(p)
    r.warnings ??= []
    return r
  })

/** Lets the Go side drop the rows it keeps for paging the last preview. */
export const forget = (): Promise<void> => call(() => svc.Forget())

/** Listens to an import's progress (task "import"); returns the function that stops listening. */
export function onImportProgress(fn: (p: Progress) => void): () => void {
  return onProgress((p) => {
    if (p.task === 'import') fn(p)
  })
}

// ---- bank reconciliation -------------------------------------------------------------------

export function reconcileInput(p: Partial<ReconcileInput>): ReconcileInput {
  return app.ReconcileInput.createFrom({ book: 'fund', asOf: '', from: '', bankBalance: '', matchDays: 0, ...p })
}

/** The three books with how many bank lines each has. */
export const bankOverview = (): Promise<BankOverview> =>
  call(async () => {
    const o = await bank.Overview()
    o.books ??= []
    return o
  })

/** The 余额调节表 of a book's account as of a date. */
export const reconcile = (p: ReconcileInput): Promise<Reconciliation> =>
  call(async () => {
    const r = await bank.Reconcile(p)
    r.bankOnlyIn ??= []
    r.bankOnlyOut ??= []
    r.bookOnlyIn ??= []
    r.bookOnlyOut ??= []
    return r
  })

/** A page of the bank lines of the reconciliation, matched or not. */
export const bankLines = (p: ReconcileInput, filter: 'all' | 'matched' | 'unmatched', page: number, pageSize: number): Promise<BankLinePage> =>
  call(async () => {
    const r = await bank.Lines(app.BankLinesQuery.createFrom({ reconcile: p, filter, page, pageSize }))
    r.rows ??= []
    return r
  })

/** Asks where to save the reconciliation report and writes it; "" when cancelled. */
export const exportReconciliation = (p: ReconcileInput, format: 'pdf' | 'xlsx'): Promise<string> =>
  call(() => bank.ExportReconciliation(p, format))
