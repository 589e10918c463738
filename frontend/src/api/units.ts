// UnitService: buildings, units and owners; a unit's sub-account (分户账) and replenishment dues.
// src/api is the only place that imports the generated bindings (src/wailsjs).
import * as svc from '@/wailsjs/go/app/UnitService'
import { app } from '@/wailsjs/go/models'
import { call } from '@/lib/call'

export type Building = app.BuildingDTO
export type BuildingInput = app.BuildingInput
export type UnitQuery = app.UnitQuery
export type UnitRow = app.UnitRowDTO
export type UnitPage = app.UnitPage
export type UnitInput = app.UnitInput
export type UnitDetail = app.UnitDetail
export type UnitEntry = app.UnitEntryDTO
export type UnitDue = app.UnitDueDTO

/** The housing types the fund knows, in the order forms offer them. */
export const HOUSING_TYPES = ['commodity', 'public_sold', 'non_residential', 'garage'] as const
export type HousingType = (typeof HOUSING_TYPES)[number]

/** The buildings in code order, with their number of units. */
export const buildings = (): Promise<Building[]> => call(async () => (await svc.Buildings()) ?? [])

/** Records a building; refusals name the field in args.field. */
export const addBuilding = (b: BuildingInput): Promise<Building> => call(() => svc.AddBuilding(b))

/** One page of units (server-side paging, search and filters). */
export const units = (q: Partial<UnitQuery>): Promise<UnitPage> =>
  call(async () => {
    const p = await svc.Units(app.UnitQuery.createFrom({ text: '', buildingId: 0, housingType: '', below: false, page: 1, pageSize: 50, ...q }))
    p.rows ??= []
    return p
  })

/** A unit's page: details, sub-account lines with running balance, replenishment dues. */
export const unit = (id: number): Promise<UnitDetail> =>
  call(async () => {
    const d = await svc.Unit(id)
    d.entries ??= []
    d.dues ??= []
    return d
  })

/** Adds a unit; resolves to its page. Refusals name the field in args.field. */
export const addUnit = (u: UnitInput): Promise<UnitDetail> => call(() => svc.AddUnit(u))

/** Changes a unit; resolves to its page. Refusals name the field in args.field. */
export const updateUnit = (u: UnitInput): Promise<UnitDetail> => call(() => svc.UpdateUnit(u))

/** Records that the unit was sold (or passed) to an owner on a date: a replenishment due
 * stays with the unit. The owner is found by name and phone, or recorded. */
export const changeOwner = (unitId: number, name: string, phone: string, date: string): Promise<void> =>
  call(() => svc.ChangeOwner(unitId, name, phone, date))
