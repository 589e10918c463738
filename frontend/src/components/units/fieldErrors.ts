// Refusals from the Go side name the field at fault in args.field (and a grid row in
// args.row): these helpers put the message next to that field.
import { errorText, type AppError } from '@/api/errors'

/** The error's text if it is about `field`, else "". */
export function fieldError(err: AppError | null, field: string, locale: string): string {
  return err && err.args?.field === field ? errorText(err, locale) : ''
}

/** The error's text if it names no field the form shows (shown above the buttons), else "". */
export function formError(err: AppError | null, fields: readonly string[], locale: string): string {
  if (!err) return ''
  const f = err.args?.field
  return f && fields.includes(f) ? '' : errorText(err, locale)
}
