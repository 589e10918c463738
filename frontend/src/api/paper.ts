// PaperService: the paperwork a committee prints and signs — a voucher printed from its
// screen, a unit's receipts, checking a chain head printed on a PDF, the hand-over between
// committee terms. src/api is the only place that imports the generated bindings (src/wailsjs).
import * as svc from '@/wailsjs/go/app/PaperService'
import { app } from '@/wailsjs/go/models'
import { toAppError } from './errors'

export type HeadCheck = app.HeadCheckDTO
export type ChainRecord = app.ChainRecordDTO
export type Receipt = app.ReceiptDTO
export type Handover = app.HandoverDTO
export type TermReminder = app.TermReminderDTO

async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (e) {
    throw toAppError(e)
  }
}

/** Saves one voucher as a printable PDF (asks where); the path, or "" when cancelled. */
export const printVoucher = (voucherId: number): Promise<string> => call(() => svc.PrintVoucher(voucherId))

/** Saves the receipts of a deposit voucher (only unitId's when not 0) as a PDF; "" when cancelled. */
export const printReceipts = (voucherId: number, unitId: number): Promise<string> => call(() => svc.PrintReceipts(voucherId, unitId))

/** A unit's receipts, oldest first. */
export const unitReceipts = (unitId: number): Promise<Receipt[]> => call(async () => (await svc.UnitReceipts(unitId)) ?? [])

/** Checks a chain head typed from a PDF's footer ("#1024 a287203653d0"). */
export const checkHead = (printed: string): Promise<HeadCheck> =>
  call(async () => {
    const r = await svc.CheckHead(printed)
    r.after ??= []
    return r
  })

/** The recorded hand-overs between committee terms, oldest first. */
export const handovers = (): Promise<Handover[]> => call(async () => (await svc.Handovers()) ?? [])

/** Records a hand-over; resolves to its id. */
export const recordHandover = (h: Omit<Handover, 'id' | 'note'> & { note?: string }): Promise<number> =>
  call(() => svc.RecordHandover(app.HandoverDTO.createFrom({ id: 0, note: '', ...h })))

/** The dashboard's reminder that the committee's term is ending. */
export const termReminder = (): Promise<TermReminder> => call(() => svc.TermReminder())
