// The new-ledger wizard's draft: kept while the app runs, so leaving the wizard and coming back
// (to look something up) loses nothing. Cleared when the ledger is created.
import { reactive } from 'vue'
import type { CommunityInput, PolicyInput } from '@/api/settings'
import { todayISO } from '@/lib/dates'

/** A row of the unit grid as typed (the Go side parses and checks it). */
export interface GridRow {
  key: number
  building: string
  room: string
  area: string
  housingType: string
  initial: string
  ownerName: string
  ownerPhone: string
}

export const GRID_FIELDS = ['building', 'room', 'area', 'housingType', 'initial', 'ownerName', 'ownerPhone'] as const
export type GridField = (typeof GRID_FIELDS)[number]

let nextKey = 1

/** A new grid row; building and type carried over from `like` so a floor is typed quickly. */
export function newRow(like?: Partial<GridRow>): GridRow {
  return {
    key: nextKey++,
    building: like?.building ?? '',
    room: '',
    area: '',
    housingType: like?.housingType ?? 'commodity',
    initial: '',
    ownerName: '',
    ownerPhone: '',
  }
}

/** A row with nothing but its building (carried over to each new row) is no unit; the Go side agrees. */
export function isBlank(r: GridRow): boolean {
  return !(r.room + r.area + r.initial + r.ownerName + r.ownerPhone).trim()
}

function emptyCommunity(): CommunityInput {
  return {
    name: '',
    address: '',
    district: '',
    assemblyCode: '',
    fundBank: '',
    fundAccount: '',
    termStart: '',
    termEnd: '',
    startDate: `${todayISO().slice(0, 4)}-01-01`,
    assemblyOpened: '',
  }
}

export const draft = reactive({
  step: 1,
  community: emptyCommunity(),
  policy: null as PolicyInput | null,
  rows: [newRow(), newRow(), newRow()] as GridRow[],
  path: '',
  /** Whether the user chose the path (else it follows the community's name). */
  pathChosen: false,
})

/** Starts a new draft (after a ledger was created). */
export function resetDraft(): void {
  Object.assign(draft, { step: 1, community: emptyCommunity(), policy: null, rows: [newRow(), newRow(), newRow()], path: '', pathChosen: false })
}

/** What people type or paste for a housing type → its code; unknown text is kept (the Go side refuses it). */
export function housingCode(s: string): string {
  const v = s.trim().toLowerCase()
  const map: Record<string, string> = {
    '': 'commodity',
    commodity: 'commodity',
    商品房: 'commodity',
    商品住宅: 'commodity',
    住宅: 'commodity',
    public_sold: 'public_sold',
    售后公房: 'public_sold',
    已售公房: 'public_sold',
    公房: 'public_sold',
    non_residential: 'non_residential',
    非住宅: 'non_residential',
    商铺: 'non_residential',
    办公: 'non_residential',
    garage: 'garage',
    车库: 'garage',
    车位: 'garage',
  }
  return map[v] ?? s.trim()
}

/**
 * Spreadsheet text (tab-separated columns, one row a line, as Excel and WPS copy it) → cells.
 * Quoted cells may hold tabs and line breaks.
 */
export function parseTSV(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const t = text.replace(/\r\n?/g, '\n')
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]
    if (quoted) {
      if (ch === '"' && t[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"' && cell === '') quoted = true
    else if (ch === '\t') {
      row.push(cell)
      cell = ''
    } else if (ch === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else cell += ch
  }
  if (cell !== '' || row.length) {
    row.push(cell)
    rows.push(row)
  }
  return rows.map((r) => r.map((c) => c.trim()))
}
