import { useEffect } from 'react'
import { create } from 'zustand'
import type { NumberPlan } from '../../../src-preload/types/phone-number'
import type {
  ColumnTarget,
  Contact,
  ContactInput,
  ImportFormat,
  ImportPreview,
  ImportResult,
  PhonebookChanged,
  PhonebookMatch,
} from '../../../src-preload/types/phonebook'
import { IMPORT_LIMITS } from '../../../src-preload/types/phonebook'
import type { ApiError, Result } from '../../../src-preload/types/result'
import { bridge } from '../bridge/current'
import { fmt, tr } from '../i18n'
import { bridgePhonebookApi, type PhonebookApi } from './phonebook-api'
import { PhonebookIndex } from './phonebook-index'
import { strings } from './strings'

const t = tr(strings)

/**
 * The phonebook in the renderer: the whole of it read from main once per profile (pages of 5,000)
 * into an in-memory index, then kept current by main's `phonebook.changed` events. Searching and
 * looking up a caller never wait for main.
 *
 * Public API for other parts of the console (the dial box, the transfer picker, the call card):
 * - `searchContacts(query, limit)`: contacts by name, company or number, best first, synchronous.
 * - `lookupNumber(number)`: the contact a caller ID belongs to, with the number it matched (keyed
 *   under the seat's dial plan, which main sends with the phonebook).
 * - `usePhonebook(profileId)`: loads the phonebook for the profile shown and re-renders on changes
 *   (returns the revision; call it in the component that searches or looks up).
 */

const PAGE = 5000

interface PhonebookState {
  /** The profile the index was read for; null before the first load. */
  readonly profileId: string | null
  readonly plan: NumberPlan | null
  /** Bumped on every change of the index: components re-render by it. */
  readonly revision: number
  readonly loading: boolean
  readonly loaded: boolean
  /** How many contacts the index holds. */
  readonly size: number
  readonly error: ApiError | null
  /** Reads the whole phonebook for this profile's seat (again when `force`). */
  load: (profileId: string, force?: boolean) => Promise<void>
  applyChange: (change: PhonebookChanged) => void
  save: (id: string | undefined, contact: ContactInput) => Promise<Result<Contact>>
  remove: (id: string) => Promise<Result<null>>
  /** Main's full-text search (notes too), for the phonebook screen. */
  searchFull: (query: string, limit: number) => Promise<Result<readonly Contact[]>>
  /** Sends a file's text to main part by part; answers the preview of what it would import. */
  stageImport: (format: ImportFormat, fileName: string, text: string) => Promise<Result<ImportPreview>>
  previewImport: (importId: string, mapping: readonly ColumnTarget[]) => Promise<Result<ImportPreview>>
  commitImport: (importId: string, mapping?: readonly ColumnTarget[]) => Promise<Result<ImportResult>>
  discardImport: (importId: string) => Promise<void>
}

const index = new PhonebookIndex()
let api: PhonebookApi | null = null
let unsubscribe: (() => void) | null = null
/** The load running now, so callers asking at once share it. */
let running: Promise<void> | null = null

/** The phonebook channels to use (tests set their own; otherwise the bridge's, on first use). */
export function setPhonebookApi(next: PhonebookApi | null): void {
  unsubscribe?.()
  unsubscribe = null
  api = next
  running = null
  index.clear()
  usePhonebookStore.setState({ profileId: null, plan: null, revision: 0, loading: false, loaded: false, size: 0, error: null })
  if (next !== null) {
    const offChanged = next.onChanged((change) => {
      usePhonebookStore.getState().applyChange(change)
    })
    // Events missed while the link was down: read the whole phonebook again.
    const offReopened = next.onReopened(() => {
      const { profileId, loaded } = usePhonebookStore.getState()
      if (profileId !== null && loaded) void usePhonebookStore.getState().load(profileId, true)
    })
    unsubscribe = () => {
      offChanged()
      offReopened()
    }
  }
}

function phonebookApi(): PhonebookApi {
  if (api !== null) return api
  setPhonebookApi(bridgePhonebookApi(bridge()))
  return api as unknown as PhonebookApi
}

const noProfile: ApiError = {
  code: 'not_found',
  // Read when shown, in the language of that moment.
  get message() {
    return t('noPbxSelected')
  },
}

export const usePhonebookStore = create<PhonebookState>((set, get) => {
  const seat = (): string | null => get().profileId
  return {
    profileId: null,
    plan: null,
    revision: 0,
    loading: false,
    loaded: false,
    size: 0,
    error: null,
    load: async (profileId, force = false) => {
      const s = get()
      if (!force && s.profileId === profileId && (s.loaded || running !== null)) return running ?? undefined
      const pb = phonebookApi()
      set({ profileId, loading: true, error: null })
      const work = (async () => {
        const fresh = new PhonebookIndex()
        let after: string | null = null
        let plan: NumberPlan | null = null
        for (;;) {
          const r = await pb.page(profileId, after, PAGE)
          if (get().profileId !== profileId) return
          if (!r.ok) {
            set({ loading: false, error: r.error })
            return
          }
          fresh.upsert(r.value.contacts)
          plan = r.value.plan
          after = r.value.next
          if (after === null) break
        }
        index.clear()
        index.upsert(fresh.all())
        set((st) => ({ plan, loading: false, loaded: true, size: index.size, revision: st.revision + 1 }))
      })()
      running = work
      try {
        await work
      } finally {
        if (running === work) running = null
      }
    },
    applyChange: (change) => {
      const { profileId, loaded } = get()
      if (profileId === null) return
      if (change.reset) {
        void get().load(profileId, true)
        return
      }
      if (!loaded) return
      index.remove(change.removed)
      index.upsert(change.upserted)
      set((st) => ({ size: index.size, revision: st.revision + 1 }))
    },
    save: async (id, contact) => {
      const profileId = seat()
      if (profileId === null) return { ok: false, error: noProfile }
      const r = await phonebookApi().save(profileId, id, contact)
      // The changed event follows; the answer is put in place at once so the editor shows it stored.
      if (r.ok) get().applyChange({ revision: 0, reset: false, upserted: [r.value], removed: [] })
      return r
    },
    remove: async (id) => {
      const profileId = seat()
      if (profileId === null) return { ok: false, error: noProfile }
      const r = await phonebookApi().remove(profileId, id)
      if (r.ok) get().applyChange({ revision: 0, reset: false, upserted: [], removed: [id] })
      return r
    },
    searchFull: async (query, limit) => {
      const profileId = seat()
      if (profileId === null) return { ok: false, error: noProfile }
      return phonebookApi().search(profileId, query, limit)
    },
    stageImport: async (format, fileName, text) => {
      const profileId = seat()
      if (profileId === null) return { ok: false, error: noProfile }
      if (text.length > IMPORT_LIMITS.fileChars) {
        return {
          ok: false,
          error: {
            code: 'invalid_input',
            message: t('import.tooLarge', { millions: fmt().number(IMPORT_LIMITS.fileChars / 1_000_000) }),
          },
        }
      }
      const parts = Math.max(1, Math.ceil(text.length / IMPORT_LIMITS.partChars))
      let importId: string | undefined
      for (let part = 0; part < parts; part++) {
        const chunk = text.slice(part * IMPORT_LIMITS.partChars, (part + 1) * IMPORT_LIMITS.partChars)
        const last = part === parts - 1
        const r = await phonebookApi().stage(profileId, {
          ...(importId === undefined ? {} : { importId }),
          format,
          fileName,
          text: chunk,
          part,
          last,
        })
        if (!r.ok) return r
        importId = r.value.importId
        if (last) {
          if (r.value.preview === null) return { ok: false, error: { code: 'internal', message: t('import.noPreview') } }
          return { ok: true, value: r.value.preview }
        }
      }
      return { ok: false, error: { code: 'internal', message: t('import.notSent') } }
    },
    previewImport: async (importId, mapping) => {
      const profileId = seat()
      if (profileId === null) return { ok: false, error: noProfile }
      return phonebookApi().preview(profileId, importId, mapping)
    },
    commitImport: async (importId, mapping) => {
      const profileId = seat()
      if (profileId === null) return { ok: false, error: noProfile }
      return phonebookApi().commit(profileId, importId, mapping)
    },
    discardImport: async (importId) => {
      const profileId = seat()
      if (profileId === null) return
      await phonebookApi().discard(profileId, importId)
    },
  }
})

/**
 * Contacts whose name or company words start with what was typed, or whose numbers hold three or
 * more typed digits; names starting with the query first, then by name. Synchronous, from memory
 * (well under a millisecond per thousand contacts); empty until the phonebook is loaded.
 */
export function searchContacts(query: string, limit = 20): readonly Contact[] {
  return index.search(query, limit)
}

/** The contact a caller ID (as the PBX delivers it) belongs to, under the loaded profile's dial plan. */
export function lookupNumber(number: string): PhonebookMatch | undefined {
  const plan = usePhonebookStore.getState().plan
  return plan === null ? undefined : index.lookup(number, plan)
}

/** Every contact in name order (the phonebook screen's list). */
export function allContacts(): readonly Contact[] {
  return index.all()
}

export function contactById(id: string): Contact | undefined {
  return index.get(id)
}

/**
 * Loads the phonebook for the profile shown (once; changes then arrive as events) and answers the
 * index's revision, so the calling component re-renders when contacts change.
 */
export function usePhonebook(profileId: string | null): number {
  const revision = usePhonebookStore((s) => s.revision)
  useEffect(() => {
    if (profileId !== null) void usePhonebookStore.getState().load(profileId)
  }, [profileId])
  return revision
}
