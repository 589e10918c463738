// The column mapping of the Import screen, as pure functions: the user's choices are kept as
// overrides of the columns the Go side guessed (field → header, "" = no column), and one
// column serves one field.

/** A field as the preview shows it: its name and the file's column read for it. */
export interface FieldColumn {
  name: string
  column: string
  required?: boolean
  anyOf?: string[]
}

export type Mapping = Record<string, string>

/**
 * The overrides after the user chose `column` for `field` ("" = none). A field that had the
 * column (guessed or chosen) gives it up, so that the Go side never sees a column twice.
 */
export function chooseColumn(overrides: Mapping, fields: FieldColumn[], field: string, column: string): Mapping {
  const out: Mapping = { ...overrides, [field]: column }
  if (column !== '') {
    for (const f of fields) {
      if (f.name === field) continue
      const current = f.name in overrides ? overrides[f.name] : f.column
      if (current === column) out[f.name] = ''
    }
  }
  return out
}

/** The fields the file still lacks a column for: required ones, and one of each any-of group. */
export function missingFields(fields: FieldColumn[]): string[] {
  const has = new Set(fields.filter((f) => f.column !== '').map((f) => f.name))
  const out: string[] = []
  const groups = new Set<string>()
  for (const f of fields) {
    if (f.required && !has.has(f.name)) out.push(f.name)
    const g = f.anyOf ?? []
    if (g.length > 0 && !groups.has(g.join(','))) {
      groups.add(g.join(','))
      if (!g.some((n) => has.has(n))) out.push(g[0])
    }
  }
  return out
}

/** "12" or "12–15": the rows a problem concerns (0: the file as a whole → ""). */
export function rowRange(row: number, last: number): string {
  if (row <= 0) return ''
  return last > row ? `${row}–${last}` : `${row}`
}

/** A file's name from a path typed or chosen (Windows or POSIX separators). */
export function baseName(path: string): string {
  const p = path.trim().replace(/[\\/]+$/, '')
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'))
  return i >= 0 ? p.slice(i + 1) : p
}

/** A field's name in the interface's language (English capitalised: "Housing type"). */
export function fieldLabel(f: { label: string; labelEn: string }, locale: string): string {
  if (locale !== 'en') return f.label
  return f.labelEn.charAt(0).toUpperCase() + f.labelEn.slice(1)
}
