// BackupService: the open ledger's backups, backing up (now, or to a USB stick), restoring from
// a backup — and the start screen's ways out when a ledger does not open (read-only, restore).
// src/api is the only place that imports the generated bindings (src/wailsjs).
import * as svc from '@/wailsjs/go/app/BackupService'
import { OpenLedgerReadOnly } from '@/wailsjs/go/app/LedgerService'
import type { app } from '@/wailsjs/go/models'
import { call } from '@/lib/call'
import type { LedgerInfo } from './ledger'

export type Backup = app.BackupDTO
export type BackupList = app.BackupList
export type RestoreOutcome = app.RestoreOutcome

/** The open ledger's backup folder and its backups, newest first. */
export const list = (): Promise<BackupList> =>
  call(async () => {
    const l = await svc.Backups()
    l.backups ??= []
    return l
  })

/** Backs the open ledger up into its backup folder now (emits "progress", task "backup"). */
export const backupNow = (): Promise<Backup> => call(() => svc.BackupNow())

/** Asks where to save a copy (a USB stick) and writes it; an empty path means cancelled. */
export const backupToFolder = (): Promise<Backup> => call(() => svc.BackupToFolder())

/** Asks for a backup file and says what it holds; an empty path means cancelled. */
export const chooseBackupFile = (): Promise<Backup> => call(() => svc.ChooseBackupFile())

/**
 * Replaces the open ledger with a backup, verified in full first; the current file is kept.
 * The ledger is open again afterwards (emits "progress", task "restore").
 */
export const restoreFrom = (path: string): Promise<RestoreOutcome> => call(() => svc.RestoreFrom(path))

/**
 * Restores a ledger that failed to open, from `from` or, when empty, from the newest good
 * backup in its backup folder; then opens it.
 */
export const restoreLedger = (ledgerPath: string, from = ''): Promise<RestoreOutcome> =>
  call(() => svc.RestoreLedger(ledgerPath, from))

/** Opens a ledger for looking only (when another window or program is writing it). */
export const openReadOnly = (path: string): Promise<LedgerInfo> => call(() => OpenLedgerReadOnly(path))
