// VoucherService: the books' vouchers (凭证) — chart of accounts, paged list, entry with a dry
// run before posting, reversal, transfers between books, attachments.
// src/api is the only place that imports the generated bindings (src/wailsjs).
import * as svc from '@/wailsjs/go/app/VoucherService'
import { app } from '@/wailsjs/go/models'
import { call } from '@/lib/call'
import type { Book } from './ledger'

export type VoucherAccount = app.VoucherAccount
export type VoucherQuery = app.VoucherQuery
export type VoucherRow = app.VoucherRow
export type VoucherPage = app.VoucherPage
export type VoucherLine = app.VoucherLine
export type VoucherLink = app.VoucherLink
export type VoucherAttachment = app.VoucherAttachment
export type VoucherDetail = app.VoucherDetail
export type VoucherLineInput = app.VoucherLineInput
export type VoucherSplitInput = app.VoucherSplitInput
/** A voucher to check or post, as plain data (the generated class adds a converter). */
export interface VoucherInput {
  book: string
  date: string
  summary: string
  lines: { account: string; debit: string; credit: string; memo: string }[]
  splits: { unitId: number; amount: string }[]
  projectId: number
  caseId: number
  attachmentIds: number[]
  /** One posting the user asked for: the same token never posts twice. */
  token: string
}
export type TransferRequest = app.BookTransferRequest
export type TransferResult = app.BookTransferResult
export type SplitUnit = app.SplitUnitOption
export type CaseOption = app.VoucherCaseOption
export type ProjectOption = app.VoucherProjectOption
export type AttachmentContent = app.VoucherAttachmentContent

/** Go sends nil slices as null; the screens always get arrays. */
function fixDetail(d: VoucherDetail): VoucherDetail {
  d.lines ??= []
  d.attachments ??= []
  d.transferPartners ??= []
  return d
}

/** A book's chart of accounts with balances, in code order. */
export const accounts = (book: Book): Promise<VoucherAccount[]> => call(async () => (await svc.Accounts(book)) ?? [])

/** One page of a book's vouchers, newest first; filtering and paging happen in the ledger. */
export const list = (q: Partial<VoucherQuery> & { book: Book }): Promise<VoucherPage> =>
  call(async () => {
    const p = await svc.List(
      app.VoucherQuery.createFrom({ from: '', to: '', account: '', text: '', minAmount: '', maxAmount: '', page: 1, pageSize: 50, ...q }),
    )
    p.rows ??= []
    return p
  })

/** A posted voucher with its lines, attachments, chain link and linked vouchers. */
export const get = (id: number): Promise<VoucherDetail> => call(async () => fixDetail(await svc.Get(id)))

/** Dry run: the voucher as it would be posted (number, lines, unit split, R2 share), or the refusal. */
export const check = (v: VoucherInput): Promise<VoucherDetail> => call(async () => fixDetail(await svc.Check(app.VoucherInput.createFrom(v))))

/** Posts a voucher; the same token never posts twice. */
export const post = (v: VoucherInput): Promise<VoucherDetail> => call(async () => fixDetail(await svc.Post(app.VoucherInput.createFrom(v))))

/** Reverses a posted voucher (a transfer on both sides); date "" is today. */
export const reverse = (id: number, date: string, reason: string): Promise<VoucherLink[]> =>
  call(async () => (await svc.Reverse(id, date, reason)) ?? [])

function fixTransfer(r: TransferResult): TransferResult {
  fixDetail(r.out)
  fixDetail(r.in)
  return r
}

/** Dry run of a transfer between books: both vouchers as they would be posted, or the refusal. */
export const checkTransfer = (r: TransferRequest): Promise<TransferResult> => call(async () => fixTransfer(await svc.CheckTransfer(r)))

/** Posts a transfer between books (public income → fund or → working expenses). */
export const transfer = (r: TransferRequest): Promise<TransferResult> => call(async () => fixTransfer(await svc.Transfer(r)))

/** Units by room, building or owner ("2号-1202", "1202", "陈"), for a deposit's split. */
export const searchUnits = (text: string, limit = 20): Promise<SplitUnit[]> => call(async () => (await svc.SearchUnits(text, limit)) ?? [])

/** Replenishment cases a replenishment deposit may cite. */
export const replenishmentCases = (): Promise<CaseOption[]> => call(async () => (await svc.ReplenishmentCases()) ?? [])

/** Repair projects a fund repair expense may pay. */
export const projects = (): Promise<ProjectOption[]> => call(async () => (await svc.Projects()) ?? [])

/** Stores a dropped file (bytes in base64) in the ledger. */
export const addAttachment = (name: string, base64: string): Promise<VoucherAttachment> => call(() => svc.AddAttachment(name, base64))

/** Asks for files with the system dialog and stores them; [] when cancelled. */
export const chooseAttachments = (): Promise<VoucherAttachment[]> => call(async () => (await svc.ChooseAttachments()) ?? [])

/** Saves an attachment where the user chooses; resolves to the path, "" when cancelled. */
export const saveAttachment = (id: number): Promise<string> => call(() => svc.SaveAttachment(id))

/** An image or PDF attachment's bytes to show inside the app. */
export const attachmentContent = (id: number): Promise<AttachmentContent> => call(() => svc.AttachmentContent(id))

/** A new token for one posting the user asks for. */
export function newToken(): string {
  const c = globalThis.crypto
  if (c && 'randomUUID' in c) return c.randomUUID()
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
}
