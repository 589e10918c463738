// ProjectService: repair projects (维修工程) — scope, the owners' vote checked live against R3,
// cost audit, acceptance, and the fund expense with its per-unit apportionment (R4).
// src/api is the only place that imports the generated bindings (src/wailsjs).
import * as svc from '@/wailsjs/go/app/ProjectService'
import type { app } from '@/wailsjs/go/models'
import { call } from '@/lib/call'

export type ProjectOptions = app.ProjectOptions
export type ScopeBuildingOption = app.ScopeBuildingOption
export type ProjectForm = app.ProjectForm
export type ProjectRow = app.ProjectRow
export type ProjectDetail = app.ProjectDetail
export type VoteRow = app.VoteRow
export type VoteForm = app.VoteForm
export type VoteCheckResult = app.VoteCheckResult
export type ApportionPage = app.ApportionPage
export type ApportionRow = app.ApportionRow
export type ProjectVoucher = app.ProjectVoucher
export type ScopeUnitPick = app.ScopeUnitPick
export type ScopeUnitPage = app.ScopeUnitPage

/** What a project's next step is, in the order they come. */
export const STAGES = ['vote', 'costAudit', 'pay', 'accept', 'done'] as const
export type Stage = (typeof STAGES)[number]

/** The new-project form's choices: emergency triggers and buildings. */
export const options = (): Promise<ProjectOptions> =>
  call(async () => {
    const o = await svc.Options()
    o.buildings ??= []
    o.emergencyTriggers ??= []
    return o
  })

/** Units for the scope picker, one page at a time ("3-12" finds building 3, room 12…). */
export const searchUnits = (text: string, buildingId: number, offset: number, limit: number): Promise<ScopeUnitPage> =>
  call(async () => {
    const p = await svc.SearchUnits(text, buildingId, offset, limit)
    p.rows ??= []
    return p
  })

/** The projects, newest first. */
export const projects = (): Promise<ProjectRow[]> => call(async () => (await svc.Projects()) ?? [])

/** One project with its scope, votes and vouchers. */
export const project = (id: number): Promise<ProjectDetail> =>
  call(async () => {
    const p = await svc.Project(id)
    p.buildings ??= []
    p.votes ??= []
    p.vouchers ??= []
    return p
  })

/** An emergency project's record: approval, certificate (an attachment id), housing office informed. */
export type EmergencyForm = app.EmergencyForm
export const emergencyRecord = (projectId: number): Promise<EmergencyForm> => call(() => svc.EmergencyRecord(projectId))
export const setEmergencyRecord = (projectId: number, f: EmergencyForm): Promise<void> => call(() => svc.SetEmergencyRecord(projectId, f))

/** Records a new project; resolves to its id. */
export const createProject = (f: ProjectForm): Promise<number> => call(() => svc.CreateProject(f))

/** The live R3 check of a vote's figures (nothing is written). */
export const checkVote = (projectId: number, f: VoteForm): Promise<VoteCheckResult> => call(() => svc.CheckVote(projectId, f))

/** Records the vote (one that falls short is recorded as failed). */
export const recordVote = (projectId: number, f: VoteForm): Promise<VoteCheckResult> => call(() => svc.RecordVote(projectId, f))

/** Records the cost-audit (审价) amount. */
export const setCostAudit = (projectId: number, amount: string): Promise<void> => call(() => svc.SetCostAudit(projectId, amount))

/** Records the acceptance (验收) date. */
export const setAcceptance = (projectId: number, date: string): Promise<void> => call(() => svc.SetAcceptance(projectId, date))

/** One page of the per-unit apportionment of an amount, with the total of all shares. */
export const apportionPreview = (projectId: number, amount: string, offset: number, limit: number): Promise<ApportionPage> =>
  call(async () => {
    const p = await svc.ApportionPreview(projectId, amount, offset, limit)
    p.rows ??= []
    return p
  })

/** Posts the fund's expense for the project. */
export const postExpense = (projectId: number, f: { date: string; amount: string; summary: string }): Promise<ProjectVoucher> =>
  call(() => svc.PostExpense(projectId, f))
