// SettingsService: the user's language and name (kept in the app's config), and the open
// ledger's community details and rule settings (kept in the ledger, every change logged).
// src/api is the only place that imports the generated bindings (src/wailsjs).
import * as svc from '@/wailsjs/go/app/SettingsService'
import type { app } from '@/wailsjs/go/models'
import { call } from '@/lib/call'

export type Preferences = app.Preferences
export type CommunitySettings = app.CommunitySettings
export type CommunityInput = app.CommunityInput
export type PolicyInput = app.PolicyInput

/** The language and the user's name. */
export const preferences = (): Promise<Preferences> => call(() => svc.Preferences())

/** Tells the Go side the UI language (its dialog titles follow). */
export const setLanguage = (lang: string): Promise<Preferences> => call(() => svc.SetLanguage(lang))

/** The name the change log records from now on (applied to the open ledger at once). */
export const setUserName = (name: string): Promise<Preferences> => call(() => svc.SetUserName(name))

/** The open ledger's community details and rule settings. */
export const community = (): Promise<CommunitySettings> => call(() => svc.Community())

/** Saves the community details and rule settings; refusals name the field in args.field. */
export const updateCommunity = (c: CommunitySettings): Promise<CommunitySettings> => call(() => svc.UpdateCommunity(c))

/** The Shanghai defaults of the rule settings. */
export const policyDefaults = (): Promise<PolicyInput> => call(() => svc.PolicyDefaults())
