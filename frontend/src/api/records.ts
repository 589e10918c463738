// RecordsService: audits (审计) with their coverage and findings, and disclosures (公示) with
// their schedule and what is due (R7).
// src/api is the only place that imports the generated bindings (src/wailsjs).
import * as svc from '@/wailsjs/go/app/RecordsService'
import type { app } from '@/wailsjs/go/models'
import { call } from '@/lib/call'

export type AuditsOverview = app.AuditsOverview
export type AuditYear = app.AuditYear
export type AuditCell = app.AuditCell
export type AuditView = app.AuditView
export type FindingView = app.FindingView
export type AuditForm = app.AuditForm
export type DisclosuresOverview = app.DisclosuresOverview
export type DisclosureSchedule = app.DisclosureSchedule
export type DisclosureDue = app.DisclosureDue
export type DisclosureView = app.DisclosureView
export type DisclosureForm = app.DisclosureForm

/** The audit coverage grid and the recorded audits. */
export const audits = (): Promise<AuditsOverview> =>
  call(async () => {
    const o = await svc.Audits()
    o.grid ??= []
    o.audits ??= []
    o.opinions ??= []
    for (const a of o.audits) {
      a.findings ??= []
      a.books ??= []
    }
    return o
  })

/** Records an audit; resolves to its id. */
export const addAudit = (f: AuditForm): Promise<number> => call(() => svc.AddAudit(f))

/** Records a finding of an audit. */
export const addFinding = (auditId: number, text: string): Promise<number> => call(() => svc.AddFinding(auditId, text))

/** Marks a finding rectified (today when date is empty). */
export const rectifyFinding = (findingId: number, date: string): Promise<void> => call(() => svc.RectifyFinding(findingId, date))

function fill(o: DisclosuresOverview): DisclosuresOverview {
  o.schedule ??= []
  o.due ??= []
  o.past ??= []
  return o
}

/** Each book's schedule, what is due, and what was published. */
export const disclosures = (): Promise<DisclosuresOverview> => call(async () => fill(await svc.Disclosures()))

/** Records a publication; resolves to the updated overview. */
export const addDisclosure = (f: DisclosureForm): Promise<DisclosuresOverview> => call(async () => fill(await svc.AddDisclosure(f)))
