// OpeningService: the opening balances (期初余额) of a ledger that starts mid-life — each book's
// balance and the fund's per-unit balances as of a date, checked before they are saved.
// src/api is the only place that imports the generated bindings (src/wailsjs).
import * as svc from '@/wailsjs/go/app/OpeningService'
import { app } from '@/wailsjs/go/models'
import { call } from '@/lib/call'
import { toAppError, type AppError } from './errors'

export type OpeningState = app.OpeningState
export type OpeningBook = app.OpeningBookDTO
export type OpeningUnit = app.OpeningUnitDTO
export type OpeningUnitInput = app.OpeningUnitInput
/** A book's opening balance as typed (amounts as people type them; bank "" = from the statement). */
export type OpeningInput = Omit<app.OpeningInputDTO, 'convertValues'>
/** The check's figures and verdict; `refusal` is why the ledger refuses it (null when ok). */
export type OpeningCheck = Omit<app.OpeningCheck, 'convertValues' | 'refusal'> & { refusal: AppError | null }

/** Each book's opening (recorded or not) and the date to propose. */
export const state = (): Promise<OpeningState> =>
  call(async () => {
    const s = await svc.State()
    s.books ??= []
    return s
  })

/** Every unit, in building and room order, for the per-unit grid. */
export const units = (): Promise<OpeningUnit[]> => call(async () => (await svc.Units()) ?? [])

function fix(c: app.OpeningCheck): OpeningCheck {
  const { refusal, ...rest } = c
  return { ...rest, problems: c.problems ?? [], refusal: refusal ? toAppError(refusal) : null }
}

/** Checks an opening balance as saving would, writing nothing. */
export const check = (input: OpeningInput): Promise<OpeningCheck> =>
  call(async () => fix(await svc.Check(app.OpeningInputDTO.createFrom(input))))

/** Saves the opening balance after the same checks; `ok` false means nothing was written. */
export const save = (input: OpeningInput): Promise<OpeningCheck> =>
  call(async () => fix(await svc.Save(app.OpeningInputDTO.createFrom(input))))
