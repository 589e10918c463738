// ContractService: the public-income contracts register (公共收益合同) — each contract's
// expected and received income per quarter, the expiring and missing-income flags, and
// recording a contract with the resolution that approved it (R8).
// src/api is the only place that imports the generated bindings (src/wailsjs).
import * as svc from '@/wailsjs/go/app/ContractService'
import type { app } from '@/wailsjs/go/models'
import { call } from '@/lib/call'

export type Contract = app.ContractView
export type ContractForm = app.ContractForm
export type ContractOptions = app.ContractOptions
export type ContractsHeld = app.ContractsHeld

/** The periods a contract's amount may be stated per, in the order the form offers them. */
export const PERIODS = ['month', 'quarter', 'year'] as const
/** Who collects the income: the property company's supervised account, or the committee. */
export const COLLECTORS = ['property', 'committee'] as const

/** The register, the newest start first, each contract with its quarters up to today. */
export const list = (): Promise<Contract[]> =>
  call(async () =>
    ((await svc.List()) ?? []).map((c) => ({ ...c, missing: c.missing ?? [], quarters: c.quarters ?? [] }) as Contract),
  )

/** The buildings and income accounts the form offers. */
export const options = (): Promise<ContractOptions> =>
  call(async () => {
    const o = await svc.Options()
    return { ...o, buildings: o.buildings ?? [], accounts: o.accounts ?? [] } as ContractOptions
  })

/** What the property company reported on its statements, transferred to the owners' account and still holds. */
export const held = (): Promise<ContractsHeld> => call(() => svc.Held())

/** Records a contract as typed; the store checks it (its resolution included) and refuses bad input whole. */
export const add = (f: ContractForm): Promise<Contract> => call(() => svc.Add(f))
