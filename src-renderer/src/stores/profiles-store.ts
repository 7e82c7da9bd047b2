import { create } from 'zustand'
import type { AuditEntryView } from '../../../src-preload/types/audit'
import type { TestConnectionView } from '../../../src-preload/types/connections'
import type { ProfileSaveInput, ProfilesView } from '../../../src-preload/types/profile'
import type { ApiError } from '../../../src-preload/types/result'
import { bridge } from '../bridge/current'

interface ProfilesState {
  view: ProfilesView | null
  audit: readonly AuditEntryView[]
  error: ApiError | null
  load: () => Promise<void>
  apply: (view: ProfilesView) => void
  save: (input: ProfileSaveInput) => Promise<boolean>
  /** `adminPassphrase`: needed once an admin passphrase exists. */
  remove: (id: string, adminPassphrase?: string) => Promise<boolean>
  test: (input: Omit<ProfileSaveInput, 'adminPassphrase'>) => Promise<TestConnectionView | null>
  /** `setupCode`: web mode's first-run step (the code printed where `npm run web` was started). */
  setPassphrase: (next: string, current?: string, setupCode?: string) => Promise<boolean>
  loadAudit: (profileId?: string) => Promise<void>
  clearError: () => void
}

/** Profiles as main holds them (secrets only as hasSecret flags) and the audit log view. */
export const useProfilesStore = create<ProfilesState>((set, get) => ({
  view: null,
  audit: [],
  error: null,
  load: async () => {
    const r = await bridge().invoke('profiles.list')
    set(r.ok ? { view: r.value } : { error: r.error })
  },
  apply: (view) => {
    set({ view })
  },
  save: async (input) => {
    const r = await bridge().invoke('profiles.save', input)
    set({ error: r.ok ? null : r.error })
    if (r.ok) await get().load()
    return r.ok
  },
  remove: async (id, adminPassphrase) => {
    const r = await bridge().invoke('profiles.remove', adminPassphrase === undefined ? { id } : { id, adminPassphrase })
    set({ error: r.ok ? null : r.error })
    return r.ok
  },
  test: async (input) => {
    const r = await bridge().invoke('profiles.test', input)
    set({ error: r.ok ? null : r.error })
    return r.ok ? r.value : null
  },
  setPassphrase: async (next, current, setupCode) => {
    const r = await bridge().invoke('admin.setPassphrase', {
      next,
      ...(current === undefined ? {} : { current }),
      ...(setupCode === undefined ? {} : { setupCode }),
    })
    set({ error: r.ok ? null : r.error })
    return r.ok
  },
  loadAudit: async (profileId) => {
    const r = await bridge().invoke('audit.read', profileId === undefined ? { limit: 500 } : { limit: 500, profileId })
    set(r.ok ? { audit: r.value } : { error: r.error })
  },
  clearError: () => {
    set({ error: null })
  },
}))
