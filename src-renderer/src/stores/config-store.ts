import { create } from 'zustand'
import type {
  ConfigApplyProgress,
  ConfigChangeInput,
  ConfigItem,
  ConfigKind,
  ConfigKindDescriptor,
  ConfigPending,
  ConfigSaveResult,
  ConfigStatus,
  DestinationOption,
  PendingChange,
  RevealedSecret,
} from '../../../src-preload/types/config'
import type { ApiError, Result } from '../../../src-preload/types/result'
import { bridge } from '../bridge/current'
import { currentLanguage, tr } from '../i18n'
import { bridgeConfigApi, type ConfigApi, type ExtensionRange } from './config-api'
import { strings } from './strings'

const t = tr(strings)

/** One kind's list as last read from the PBX. */
export interface ListSlot<K extends ConfigKind> {
  readonly items: readonly ConfigItem<K>[]
  readonly loading: boolean
  readonly error: ApiError | null
  /** When it was read (epoch ms); undefined before the first answer. */
  readonly loadedAt: number | undefined
}

type Lists = { readonly [K in ConfigKind]?: ListSlot<K> }

/** Apply Config's progress is over: nothing more will come for it. */
export const applyFinished = (p: ConfigApplyProgress | null): boolean =>
  p !== null && (p.state === 'executed' || p.state === 'failed' || p.state === 'unknown')

/** What a list shows: its search text and order (kept per kind across tab and view switches). */
export interface ListView {
  readonly text: string
  /** The column the rows are ordered by, and which way (undefined: the list's default). */
  readonly sort: { readonly key: string; readonly descending: boolean } | undefined
}

interface ConfigState {
  /** The PBX profile the workspace shows. */
  profileId: string | null
  /** The kind whose list is shown. */
  shownKind: ConfigKind
  views: Readonly<Partial<Record<ConfigKind, ListView>>>
  status: ConfigStatus | null
  /** Each kind's fields and rules, as main describes them (the same for every profile). */
  descriptors: Readonly<Partial<Record<ConfigKind, ConfigKindDescriptor>>>
  lists: Lists
  /** What the destination pickers offer: the objects on the PBX now. */
  destinations: readonly DestinationOption[]
  pending: ConfigPending | null
  /** This window's last Apply Config, as main reports it. */
  apply: ConfigApplyProgress | null
  /** Why the workspace could not be read (shown in place of what is missing). */
  error: ApiError | null

  showKind: (kind: ConfigKind) => void
  setListView: (kind: ConfigKind, view: ListView) => void
  /**
   * Shows `profileId`: reads the shown list first (what the admin waits to see), then the status
   * (what the API application may do: it may read every kind), the pending batch and the
   * destinations; the descriptors once, beside the list.
   */
  open: (profileId: string) => Promise<void>
  /**
   * Reads the workspace's lists before it is shown (an admin seat that has just connected, see
   * features/config/ConfigPrefetch.tsx): the shown list and the descriptors first, then the other
   * tables (READ_AHEAD) one after the other. Opening the workspace or a tab then shows a list at once, and reads
   * it again behind it when it is older than LIST_FRESH_MS.
   */
  prefetch: (profileId: string) => Promise<void>
  /**
   * Reads a kind's list; a list already read is kept on screen while it is read again.
   * `ifOlderThanMs`: only when it was read longer ago than that (or never). A list being read
   * already is not asked again: the promise is that read's.
   */
  loadList: (kind: ConfigKind, options?: { readonly ifOlderThanMs?: number }) => Promise<void>
  /** One object fresh from the PBX (an editor opens on it: its `version` guards the write). */
  read: (kind: ConfigKind, id: string) => Promise<Result<ConfigItem>>
  save: (changes: readonly ConfigChangeInput[]) => Promise<Result<ConfigSaveResult>>
  createRange: (range: ExtensionRange) => Promise<Result<ConfigSaveResult>>
  remove: (kind: ConfigKind, id: string, baseVersion: string) => Promise<Result<PendingChange>>
  restore: (change: PendingChange) => Promise<Result<PendingChange>>
  /** The new secret is answered to the caller only (the reveal dialog), never kept here. */
  rotateSecret: (extension: string, baseVersion: string, secret?: string) => Promise<Result<RevealedSecret>>
  applyConfig: () => Promise<void>
  receiveProgress: (progress: ConfigApplyProgress) => void
}

/** A list read this recently is shown as it is when opened again (R, or a write, reads it again). */
export const LIST_FRESH_MS = 15_000

let api: ConfigApi | null = null
/** The list reads under way, per kind: a second ask (the view opening while a prefetch reads) waits for the first. */
const reading = new Map<ConfigKind, Promise<void>>()
/**
 * What an admin's page reads ahead, the list shown first: the tables read in full from FreePBX.
 * Not the mailboxes (the extensions read again: FreePBX has no mailbox list) nor queue members
 * (REST, queue by queue): they are read when their tab opens, not parsed while the admin works.
 */
const READ_AHEAD: readonly ConfigKind[] = ['extension', 'ringGroup', 'inboundRoute']
/** The read ahead under way: opening the workspace waits for it before asking more of the PBX. */
let ahead: { readonly profileId: string; readonly done: Promise<void> } | null = null
let unsubscribe: (() => void) | null = null

/** The configuration channels to use (tests set their own; otherwise the bridge's, on first use). */
export function setConfigApi(next: ConfigApi): void {
  unsubscribe?.()
  api = next
  unsubscribe = next.onProgress((p) => {
    useConfigStore.getState().receiveProgress(p)
  })
}

function configApi(): ConfigApi {
  // The transport's channels, taken on first use (Apply's progress is listened to from then on:
  // it only ever follows an Apply asked through these).
  if (api !== null) return api
  const fromBridge = bridgeConfigApi(bridge())
  setConfigApi(fromBridge)
  return fromBridge
}

const notOpen: ApiError = {
  code: 'not_found',
  // Read when shown, in the language of that moment.
  get message() {
    return t('noPbxSelected')
  },
}
const failed = (error: ApiError): Result<never> => ({ ok: false, error })

/** The list with `item` in place of the object it replaces (`replacedId`: its id before a rename). */
function upsert<K extends ConfigKind>(slot: ListSlot<K> | undefined, item: ConfigItem<K>, replacedId?: string): ListSlot<K> | undefined {
  if (slot === undefined) return undefined
  const gone = replacedId ?? item.id
  const at = slot.items.findIndex((i) => i.id === gone)
  const rest = slot.items.filter((i) => i.id !== gone && i.id !== item.id)
  if (at < 0) return { ...slot, items: [...rest, item] }
  return { ...slot, items: [...rest.slice(0, at), item, ...rest.slice(at)] }
}

function without<K extends ConfigKind>(slot: ListSlot<K> | undefined, id: string): ListSlot<K> | undefined {
  return slot === undefined ? undefined : { ...slot, items: slot.items.filter((i) => i.id !== id) }
}

/**
 * The configuration workspace's slice: per kind the list as read from the PBX, the pending
 * batch (what was written and not yet applied), Apply's progress, and what the editors need
 * (descriptors, destinations). Main holds the truth; this mirrors what it answered. Secrets are
 * never kept here: a rotated one goes straight to the reveal dialog.
 */
export const useConfigStore = create<ConfigState>((set, get) => {
  /** Runs `fn` for the shown profile; its answer is dropped if another profile was shown meanwhile. */
  const forShown = async <T>(fn: (profileId: string) => Promise<Result<T>>, then?: (value: T) => void): Promise<Result<T>> => {
    const profileId = get().profileId
    if (profileId === null) return failed(notOpen)
    const r = await fn(profileId)
    if (r.ok && get().profileId === profileId) then?.(r.value)
    return r
  }
  const setList = <K extends ConfigKind>(kind: K, slot: ListSlot<K> | undefined): void => {
    if (slot !== undefined) set((s) => ({ lists: { ...s.lists, [kind]: slot } }))
  }
  const refreshPending = (): Promise<unknown> =>
    forShown(
      (p) => configApi().pending(p),
      (pending) => {
        set({ pending })
      },
    )
  const refreshDestinations = (): Promise<unknown> =>
    forShown(
      (p) => configApi().destinations(p),
      (destinations) => {
        set({ destinations })
      },
    )
  /** The workspace now shows `profileId`: what was read of another PBX is dropped. */
  const show = (profileId: string): void => {
    if (get().profileId !== profileId) set({ profileId, status: null, lists: {}, destinations: [], pending: null, apply: null, error: null })
  }
  /**
   * The descriptors, asked once for every PBX (undefined when they are known already) and again
   * after a change of language: their labels, rules and notes are in the language main speaks.
   */
  let describedIn: string | undefined
  const describeOnce = (): Promise<Result<readonly ConfigKindDescriptor[]>> | undefined =>
    Object.keys(get().descriptors).length > 0 && describedIn === currentLanguage()
      ? undefined
      : configApi()
          .describe()
          .then((d) => {
            if (d.ok) {
              describedIn = currentLanguage()
              set({ descriptors: Object.fromEntries(d.value.map((x) => [x.kind, x])) })
            }
            return d
          })
  const refreshStatus = (): Promise<unknown> =>
    forShown(
      (p) => configApi().status(p),
      (status) => {
        set({ status })
      },
    )

  return {
    profileId: null,
    shownKind: 'extension',
    views: {},
    status: null,
    descriptors: {},
    lists: {},
    destinations: [],
    pending: null,
    apply: null,
    error: null,

    showKind: (kind) => {
      set({ shownKind: kind })
    },
    setListView: (kind, view) => {
      set((s) => ({ views: { ...s.views, [kind]: view } }))
    },

    open: async (profileId) => {
      show(profileId)
      // The descriptors the moment they come (the editor and N need them), not after the list.
      const [descriptors] = await Promise.all([describeOnce(), get().loadList(get().shownKind, { ifOlderThanMs: LIST_FRESH_MS })])
      if (get().profileId !== profileId) return
      // The lists still read ahead first (a tab opened now shows at once): the destinations read
      // every kind in full, and beside them each list took twice as long.
      if (ahead?.profileId === profileId) await ahead.done
      if (get().profileId !== profileId) return
      const status = await configApi().status(profileId)
      if (get().profileId !== profileId) return
      if (!status.ok) {
        set({ error: status.error })
        return
      }
      set({ status: status.value, error: descriptors?.ok === false ? descriptors.error : null })
      // Whatever can be read is worked with, even when something is missing (the status says what).
      if (status.value.kinds.length > 0) await Promise.all([refreshPending(), refreshDestinations()])
    },

    prefetch: async (profileId) => {
      show(profileId)
      const shown = get().shownKind
      const readAll = async (): Promise<void> => {
        await Promise.all([describeOnce(), get().loadList(shown, { ifOlderThanMs: LIST_FRESH_MS })])
        // One at a time, so the PBX is never asked for every list at once.
        for (const kind of READ_AHEAD) {
          if (kind === shown) continue
          if (get().profileId !== profileId) return
          await get().loadList(kind, { ifOlderThanMs: LIST_FRESH_MS })
        }
      }
      const mine = { profileId, done: readAll() }
      ahead = mine
      try {
        await mine.done
      } finally {
        // Another read ahead may have started meanwhile: only this one's mark is taken off.
        ahead = (ahead as typeof mine | null) === mine ? null : ahead
      }
    },

    loadList: (kind, options = {}) => {
      const profileId = get().profileId
      if (profileId === null) return Promise.resolve()
      const before = get().lists[kind]
      const fresh = before?.loadedAt !== undefined && options.ifOlderThanMs !== undefined && Date.now() - before.loadedAt < options.ifOlderThanMs
      const under = reading.get(kind)
      if (before?.loading === true && under !== undefined) return under
      if (fresh) return Promise.resolve()
      setList(kind, { items: before?.items ?? [], loading: true, error: null, loadedAt: before?.loadedAt })
      const read = configApi()
        .list(profileId, kind)
        .then((r) => {
          if (get().profileId !== profileId) return
          setList(
            kind,
            r.ok
              ? { items: r.value.items, loading: false, error: null, loadedAt: Date.now() }
              : { items: before?.items ?? [], loading: false, error: r.error, loadedAt: before?.loadedAt },
          )
        })
        .finally(() => {
          if (reading.get(kind) === read) reading.delete(kind)
        })
      reading.set(kind, read)
      return read
    },

    read: (kind, id) =>
      forShown(
        (p) => configApi().get(p, kind, id),
        (item) => {
          setList(item.kind, upsert(get().lists[item.kind] as ListSlot<typeof item.kind> | undefined, item))
        },
      ),

    save: async (changes) => {
      const r = await forShown((p) => configApi().save(p, changes))
      if (!r.ok) return r
      set({ pending: r.value.pending })
      r.value.outcomes.forEach((outcome, i) => {
        const change = changes[i]
        if (!outcome.ok || outcome.item === undefined || change === undefined) return
        const item = outcome.item
        setList(item.kind, upsert(get().lists[item.kind] as ListSlot<typeof item.kind> | undefined, item, change.id))
      })
      // A saved change whose object main did not answer: the list is read again to show it.
      const unanswered = new Set(r.value.outcomes.flatMap((o, i) => (o.ok && o.item === undefined ? [changes[i]?.kind] : [])))
      for (const kind of unanswered) if (kind !== undefined && get().lists[kind] !== undefined) void get().loadList(kind)
      if (r.value.outcomes.some((o) => o.ok)) void refreshDestinations()
      return r
    },

    createRange: async (range) => {
      const r = await forShown((p) => configApi().createRange(p, range))
      if (!r.ok) return r
      set({ pending: r.value.pending })
      for (const outcome of r.value.outcomes) {
        if (outcome.ok && outcome.item?.kind === 'extension') setList('extension', upsert(get().lists.extension, outcome.item))
      }
      if (r.value.outcomes.some((o) => o.ok)) void refreshDestinations()
      return r
    },

    remove: async (kind, id, baseVersion) => {
      const r = await forShown((p) => configApi().remove(p, kind, id, baseVersion))
      if (!r.ok) return r
      setList(kind, without(get().lists[kind], id))
      await Promise.all([refreshPending(), refreshDestinations()])
      return r
    },

    restore: async (change) => {
      const r = await forShown((p) => configApi().restore(p, change.id))
      if (!r.ok) return r
      await refreshPending()
      if (get().lists[change.kind] !== undefined) await get().loadList(change.kind)
      void refreshDestinations()
      return r
    },

    rotateSecret: async (extension, baseVersion, secret) => {
      const r = await forShown((p) => configApi().rotateSecret(p, extension, baseVersion, secret))
      if (!r.ok) return r
      // The extension was written again: its version changed; read it so its editor guards the next write.
      await Promise.all([refreshPending(), get().read('extension', extension)])
      return r
    },

    applyConfig: async () => {
      const profileId = get().profileId
      if (profileId === null) return
      set({ apply: { profileId, applyId: '', state: 'started', message: t('apply.starting'), elapsedMs: 0 } })
      const r = await configApi().apply(profileId)
      if (get().profileId !== profileId) return
      if (!r.ok) {
        set({ apply: { profileId, applyId: '', state: 'failed', message: r.error.message, elapsedMs: 0 } })
        return
      }
      // Progress may have arrived before the answer: keep it; otherwise name the apply we await.
      set((s) =>
        s.apply !== null && s.apply.applyId === r.value.applyId
          ? {}
          : { apply: { profileId, applyId: r.value.applyId, state: 'started', message: t('apply.started'), elapsedMs: 0 } },
      )
    },

    receiveProgress: (progress) => {
      if (progress.profileId !== get().profileId) return
      set({ apply: progress })
      if (applyFinished(progress)) void Promise.all([refreshPending(), refreshStatus()])
    },
  }
})
