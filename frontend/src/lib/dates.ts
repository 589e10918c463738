// Calendar dates as the Go side exchanges them: "YYYY-MM-DD" strings, never Date objects
// (a Date carries a time zone and an hour, and the ledger's dates have neither).

/** Two digits: 3 → "03". */
export const pad2 = (n: number): string => String(n).padStart(2, '0')

/** The last day (28–31) of a month (1–12) of a year. */
export function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Whether a string is a real date YYYY-MM-DD ("2025-02-29" is not). */
export function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return mo >= 1 && mo <= 12 && d >= 1 && d <= lastDay(y, mo)
}

/** Today in the user's time zone (the secretary's calendar day), YYYY-MM-DD. */
export function todayISO(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`
}
