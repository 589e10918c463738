// The one wrapper around a call to a bound Go method: whatever its promise rejects with (an
// Error carrying the JSON refusal, the bare string, anything) reaches the caller as an AppError,
// so screens handle one shape. Every module in src/api calls the bindings through it.
import { toAppError } from '@/api/errors'

/** Runs fn and turns any rejection into an AppError (see api/errors.ts). */
export async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (e) {
    throw toAppError(e)
  }
}
