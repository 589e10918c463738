// The three books (账簿) a ledger keeps strictly apart, as the Go side names them.

/** The three books, in the order screens show them. */
export const BOOKS = ['fund', 'public', 'working'] as const
export type Book = (typeof BOOKS)[number]

/** Whether a value (a route parameter, a query) names a book. */
export function isBook(v: unknown): v is Book {
  return typeof v === 'string' && (BOOKS as readonly string[]).includes(v)
}

/** The book a route parameter or query names, or the fallback when it names none. */
export function bookOr(v: unknown, fallback: Book): Book {
  return isBook(v) ? v : fallback
}
