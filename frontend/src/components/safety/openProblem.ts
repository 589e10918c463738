// What the start screen offers when a ledger does not open: the refusals of the Go side that
// have a way out (another window writes it → read-only; damaged, altered or behind its newest
// backup → restore), read from the error's key and arguments.
import type { AppError } from '@/api/errors'

export interface BackupRef {
  path: string
  time: string
  seq: string
}

export type OpenProblem =
  /** Another window or program writes the ledger: it can be opened read-only. */
  | { kind: 'locked'; path: string; pid: string; since: string }
  /** Damaged or altered outside the app, with a good backup to restore from. */
  | { kind: 'damaged'; path: string; detail: string; backup: BackupRef }
  /** Damaged or altered, and no good backup found beside it: a backup file must be chosen. */
  | { kind: 'damagedNoBackup'; path: string; detail: string }
  /** Its newest records are gone (behind) or its history differs (diverged) from its newest backup. */
  | { kind: 'behind' | 'diverged'; path: string; seq: string; backup: BackupRef }

/** The way out of a failed open, or null when the error has none (a plain message then). */
export function openProblem(err: AppError | null, fallbackPath = ''): OpenProblem | null {
  if (!err) return null
  const a = err.args ?? {}
  const path = a.path || fallbackPath
  if (!path) return null
  switch (err.key) {
    case 'ledger.locked':
      return { kind: 'locked', path, pid: a.pid ?? '?', since: a.since ?? '?' }
    case 'ledger.damaged_restore':
      return { kind: 'damaged', path, detail: a.detail ?? '', backup: { path: a.backup ?? '', time: a.time ?? '', seq: a.seq ?? '' } }
    case 'ledger.damaged':
      return { kind: 'damagedNoBackup', path, detail: a.detail ?? '' }
    case 'ledger.behind_backup':
    case 'ledger.diverged':
      return {
        kind: err.key === 'ledger.behind_backup' ? 'behind' : 'diverged',
        path,
        seq: a.seq ?? '',
        backup: { path: a.backup ?? '', time: a.time ?? '', seq: a.backupSeq ?? '' },
      }
  }
  return null
}

/** The file name of a path, either separator. */
export function baseName(p: string): string {
  return p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1)
}

/** The folder of a path, either separator ("" when none). */
export function dirName(p: string): string {
  const cut = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'))
  return cut > 0 ? p.slice(0, cut) : ''
}

/** A file size for people: "812 KB", "1.4 MB". */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return ''
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  const mb = bytes / (1024 * 1024)
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`
}
