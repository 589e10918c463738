// Paging of long lists: the Go side pages by page number (units, vouchers, bank lines, the
// change log) or by offset (apportionment previews, dues, the unit picker); both pagers under
// the tables (components/units/PagerBar.vue, components/works/WorksPager.vue) and the screens
// that page by hand use these figures.

/** Rows a page holds unless a screen says otherwise. */
export const PAGE_SIZE = 50

/** Number of pages for a total at a page size (at least 1, so "page 1 of 1" for none). */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, size)))
}

/** A page number kept within 1 … the number of pages. */
export function clampPage(page: number, total: number, size: number): number {
  return Math.min(Math.max(1, page), pageCount(total, size))
}

/** The first and last row shown (1-based) from an offset, for "rows 51–100 of 240"; 0–0 when empty. */
export function rowRange(offset: number, size: number, total: number): { from: number; to: number } {
  if (total <= 0) return { from: 0, to: 0 }
  return { from: offset + 1, to: Math.min(total, offset + size) }
}

/** The offset of the first row of a page (pages count from 1). */
export function pageOffset(page: number, size: number): number {
  return (Math.max(1, page) - 1) * size
}

/** The rows of one page of a list held whole in the window. */
export function pageSlice<T>(rows: readonly T[], page: number, size: number): T[] {
  const from = pageOffset(page, size)
  return rows.slice(from, from + size)
}
