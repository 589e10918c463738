// AboutService: which build this is, where the user's files live, and the licences of what the
// app bundles (the About dialog); the folders for ledgers and backups (the first-run screen).
// src/api is the only place that imports the generated bindings (src/wailsjs).
import * as svc from '@/wailsjs/go/app/AboutService'
import type { app } from '@/wailsjs/go/models'
import { call } from '@/lib/call'

export type AboutInfo = app.AboutInfo
export type Locations = app.Locations
export type Component = app.Component

/** Name, version, build date, the open ledger, the folders, and the licences. */
export const about = (): Promise<AboutInfo> => call(() => svc.About())

/** The data folder, and where ledgers and backups go (the user's choice or the defaults). */
export const locations = (): Promise<Locations> => call(() => svc.Locations())

/**
 * Remembers the folders for new ledgers and for backups ("" = back to the default). Refuses a
 * folder that is not a full path or cannot be written to.
 */
export const setLocations = (ledgersDir: string, backupsDir: string): Promise<Locations> =>
  call(() => svc.SetLocations(ledgersDir, backupsDir))

/** Asks in the system's folder dialog where ledgers or backups go; a cancel changes nothing. */
export const chooseFolder = (kind: 'ledgers' | 'backups'): Promise<Locations> => call(() => svc.ChooseFolder(kind))
