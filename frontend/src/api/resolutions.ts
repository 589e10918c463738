// ResolutionService: the resolutions register (决议) — assembly and committee decisions, their
// publication, and the resolutions a voucher may cite (R8).
// src/api is the only place that imports the generated bindings (src/wailsjs).
import * as svc from '@/wailsjs/go/app/ResolutionService'
import type { app } from '@/wailsjs/go/models'
import { call } from '@/lib/call'

export type Resolution = app.ResolutionView
export type ResolutionForm = app.ResolutionForm

/** What a resolution may decide, in the order the form offers them. */
export const PURPOSES = ['allocation', 'other_use', 'budget', 'budget_raise', 'contract', 'delegation', 'repair_delegation', 'general'] as const

/** The register, newest first. */
export const list = (): Promise<Resolution[]> => call(async () => (await svc.List()) ?? [])

/** The passed resolutions of a purpose dated on or before date: what a voucher may cite. */
export const citable = (purpose: string, date: string): Promise<Resolution[]> => call(async () => (await svc.Citable(purpose, date)) ?? [])

/** Records a resolution as typed. */
export const record = (f: ResolutionForm): Promise<Resolution> => call(() => svc.Record(f))

/** Records the date the resolution's notice (公告) was posted. */
export const publish = (id: number, date: string): Promise<void> => call(() => svc.Publish(id, date))
