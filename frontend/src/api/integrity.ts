// IntegrityService: the change log, the chain head, and the full check of the ledger file.
// src/api is the only place that imports the generated bindings (src/wailsjs).
import * as svc from '@/wailsjs/go/app/IntegrityService'
import { app } from '@/wailsjs/go/models'
import { call } from '@/lib/call'

export type ChangeQuery = app.ChangeQuery
export type ChangePage = app.ChangePage
export type Change = app.ChangeDTO
export type FieldChange = app.FieldChange
export type ChainHead = app.ChainHeadDTO
export type VerifyReport = app.VerifyReport
export type Problem = app.ProblemDTO

/** One page of the change log, newest first. */
export const changes = (q: Partial<ChangeQuery>): Promise<ChangePage> =>
  call(async () => {
    const p = await svc.Changes(app.ChangeQuery.createFrom({ entity: '', entityId: 0, page: 1, pageSize: 50, ...q }))
    p.rows ??= []
    for (const r of p.rows) r.fields ??= []
    return p
  })

/** The kinds of record the change log holds. */
export const entities = (): Promise<string[]> => call(async () => (await svc.Entities()) ?? [])

/** The newest link of the hash chain. */
export const chainHead = (): Promise<ChainHead> => call(() => svc.ChainHead())

/** The full check of the file (takes seconds on a large ledger). */
export const verify = (): Promise<VerifyReport> => call(() => svc.Verify())
