import { beforeEach, describe, expect, it } from 'vitest'
import type {
  ConfigApplyProgress,
  ConfigChangeInput,
  ConfigItem,
  ConfigKind,
  ConfigList,
  ConfigPending,
  ExtensionValues,
  InboundRouteValues,
  PendingChange,
} from '../../../src-preload/types/config'
import type { ApiError, Result } from '../../../src-preload/types/result'
import type { ConfigApi, ExtensionRange } from '../../../src-renderer/src/stores/config-api'
import { LIST_FRESH_MS, setConfigApi, useConfigStore } from '../../../src-renderer/src/stores/config-store'

const ok = <T>(value: T): Result<T> => ({ ok: true, value })
const refused = (code: ApiError['code'], message: string): Result<never> => ({ ok: false, error: { code, message } })

const extValues = (extension: string, name: string): ExtensionValues => ({
  extension,
  name,
  tech: 'pjsip',
  email: '',
  outboundCid: '',
  emergencyCid: '',
  callerId: '',
  voicemail: false,
  userManager: false,
  maxContacts: 1,
})
const ext = (extension: string, name: string, version = 'v1'): ConfigItem<'extension'> => ({
  kind: 'extension',
  id: extension,
  version,
  values: extValues(extension, name),
  meta: { hasSecret: true },
})
const routeValues = (did: string): InboundRouteValues => ({
  did,
  cid: '',
  description: `Route ${did}`,
  destination: { type: 'extension', extension: '100' },
  cidPrefix: '',
  alertInfo: '',
  musicClass: '',
  ringing: false,
  delayAnswer: 0,
  privacyManager: false,
})
const route = (did: string): ConfigItem<'inboundRoute'> => ({
  kind: 'inboundRoute',
  id: `${did}/`,
  version: 'r1',
  values: routeValues(did),
  meta: {},
})
const change = (id: string, label: string): PendingChange => ({
  id,
  kind: 'extension',
  objectId: label,
  label,
  operation: 'update',
  at: '2026-12-06T10:00:00Z',
  diff: [],
  state: 'written',
  restorable: true,
})
const pendingOf = (profileId: string, changes: PendingChange[] = [], needReload = changes.length > 0): ConfigPending => ({
  profileId,
  changes,
  needReload,
  applySuggested: changes.length > 0 || needReload,
})

/** Main as the store sees it: answers held until the test releases them, and every call recorded. */
class FakeMain implements ConfigApi {
  readonly calls: string[] = []
  readonly lists = new Map<string, ConfigItem[]>()
  pendingNow: ConfigPending = pendingOf('pbx-a')
  needReload = false
  private progress: ((p: ConfigApplyProgress) => void) | undefined
  /** When set, list answers wait for `release()`. */
  hold = false
  private held: (() => void)[] = []
  listAnswer: (profileId: string, kind: ConfigKind) => Result<unknown> = (p, k) => ok({ kind: k, items: this.lists.get(`${p}:${k}`) ?? [] })
  saveAnswer: (changes: readonly ConfigChangeInput[]) => Result<unknown> = () => refused('internal', 'not scripted')
  applyAnswer: Result<{ applyId: string }> = ok({ applyId: 'apply-1' })

  release(): void {
    const held = this.held
    this.held = []
    for (const go of held) go()
  }
  /** The answer as it is when main sends it (held: when released). */
  private answer<T>(r: () => Result<unknown>): Promise<Result<T>> {
    if (!this.hold) return Promise.resolve(r() as Result<T>)
    return new Promise((resolve) =>
      this.held.push(() => {
        resolve(r() as Result<T>)
      }),
    )
  }
  push(p: ConfigApplyProgress): void {
    this.progress?.(p)
  }

  describe = () => {
    this.calls.push('describe')
    return Promise.resolve(
      ok([{ kind: 'extension' as const, label: 'Extension', plural: 'Extensions', fields: [], operations: ['create' as const] }]),
    )
  }
  status = (profileId: string) => {
    this.calls.push(`status ${profileId}`)
    return Promise.resolve(
      ok({
        profileId,
        ready: true,
        kinds: ['extension', 'inboundRoute'] as ConfigKind[],
        writableKinds: ['extension', 'inboundRoute'] as ConfigKind[],
        canApply: true,
        needReload: this.needReload,
      }),
    )
  }
  list = <K extends ConfigKind>(profileId: string, kind: K) => {
    this.calls.push(`list ${profileId} ${kind}`)
    return this.answer<ConfigList<K>>(() => this.listAnswer(profileId, kind))
  }
  get = (profileId: string, kind: ConfigKind, id: string) => {
    this.calls.push(`get ${kind} ${id}`)
    const found = this.lists.get(`${profileId}:${kind}`)?.find((i) => i.id === id)
    return Promise.resolve(found === undefined ? refused('not_found', `${id} is not on the PBX`) : ok(found))
  }
  destinations = (profileId: string) => {
    this.calls.push(`destinations ${profileId}`)
    return Promise.resolve(ok([]))
  }
  save = (_p: string, changes: readonly ConfigChangeInput[]) => {
    this.calls.push(`save ${String(changes.length)}`)
    return Promise.resolve(this.saveAnswer(changes) as Result<never>)
  }
  rangeAnswer: (range: ExtensionRange) => Result<unknown> = () => refused('internal', 'not scripted')
  createRange = (_p: string, range: ExtensionRange) => {
    this.calls.push(`range ${range.start} ${String(range.count)}`)
    return Promise.resolve(this.rangeAnswer(range) as Result<never>)
  }
  remove = (_p: string, kind: ConfigKind, id: string) => {
    this.calls.push(`remove ${kind} ${id}`)
    return Promise.resolve(ok(change('c-rm', `Extension ${id}`)))
  }
  restore = (_p: string, changeId: string) => {
    this.calls.push(`restore ${changeId}`)
    return Promise.resolve(ok(change(changeId, 'restored')))
  }
  rotateSecret = (profileId: string, extension: string) => {
    this.calls.push(`rotate ${extension}`)
    // Main wrote the extension again: a new version.
    this.lists.set(
      `${profileId}:extension`,
      (this.lists.get(`${profileId}:extension`) ?? []).map((i) => (i.id === extension ? { ...i, version: 'v2' } : i)),
    )
    return Promise.resolve(ok({ extension, secret: 'Zq8-very-secret-4fG', change: change('c-rot', `Extension ${extension}`) }))
  }
  pending = (profileId: string) => {
    this.calls.push(`pending ${profileId}`)
    return Promise.resolve(ok({ ...this.pendingNow, profileId }))
  }
  apply = (profileId: string) => {
    this.calls.push(`apply ${profileId}`)
    return Promise.resolve(this.applyAnswer)
  }
  onProgress = (listener: (p: ConfigApplyProgress) => void) => {
    this.progress = listener
    return () => {
      this.progress = undefined
    }
  }
}

let main: FakeMain
const store = () => useConfigStore.getState()

beforeEach(() => {
  main = new FakeMain()
  setConfigApi(main)
  useConfigStore.setState({
    profileId: null,
    status: null,
    descriptors: {},
    lists: {},
    destinations: [],
    pending: null,
    apply: null,
    error: null,
    views: {},
    shownKind: 'extension',
  })
})

describe('config store: reading', () => {
  it('opens a PBX: its status, pending batch and destinations (the descriptors once for all PBXs)', async () => {
    await store().open('pbx-a')
    expect(store().status?.ready).toBe(true)
    expect(store().pending?.profileId).toBe('pbx-a')
    await store().open('pbx-b')
    expect(main.calls.filter((c) => c === 'describe')).toHaveLength(1)
    expect(main.calls).toContain('destinations pbx-b')
  })

  it('reads the shown list before the status, which may read every kind to see what the API allows', async () => {
    await store().open('pbx-a')
    expect(main.calls.filter((c) => !c.startsWith('describe'))).toEqual([
      'list pbx-a extension',
      'status pbx-a',
      'pending pbx-a',
      'destinations pbx-a',
    ])
    // Opened again within a few seconds: the list is shown as it is.
    await store().open('pbx-a')
    expect(main.calls.filter((c) => c.startsWith('list'))).toHaveLength(1)
  })

  it('keeps a list on screen while it is read again, and keeps it when the new read fails', async () => {
    main.lists.set('pbx-a:extension', [ext('100', 'Reception')])
    await store().open('pbx-a')
    await store().loadList('extension')
    main.hold = true
    const again = store().loadList('extension')
    expect(store().lists.extension).toMatchObject({ loading: true, items: [{ id: '100' }] })
    main.listAnswer = () => refused('unavailable', 'The FreePBX API does not answer')
    main.release()
    await again
    expect(store().lists.extension).toMatchObject({ loading: false, items: [{ id: '100' }], error: { code: 'unavailable' } })
  })

  it('drops a list that answers after another PBX was shown', async () => {
    main.lists.set('pbx-a:extension', [ext('100', 'Reception')])
    await store().open('pbx-a')
    main.hold = true
    const late = store().loadList('extension')
    main.hold = false
    await store().open('pbx-b')
    main.release()
    await late
    expect(store().profileId).toBe('pbx-b')
    expect(store().lists.extension?.items).toEqual([])
  })
})

describe('config store: read ahead (an admin seat just connected)', () => {
  it('reads the list the workspace opens on and the descriptors, then the other tables one at a time (not mailboxes nor queue members)', async () => {
    main.lists.set('pbx-a:extension', [ext('100', 'Reception')])
    main.lists.set('pbx-a:inboundRoute', [route('5551000')])
    useConfigStore.setState({ shownKind: 'inboundRoute' })
    main.hold = true
    const ahead = store().prefetch('pbx-a')
    await Promise.resolve()
    expect(main.calls).toEqual(['describe', 'list pbx-a inboundRoute'])
    main.hold = false
    main.release()
    await ahead
    expect(main.calls).toEqual(['describe', 'list pbx-a inboundRoute', 'list pbx-a extension', 'list pbx-a ringGroup'])
    expect(store().lists.extension).toMatchObject({ loading: false, items: [{ id: '100' }] })
    expect(store().lists.inboundRoute).toMatchObject({ loading: false, items: [{ id: '5551000/' }] })
  })

  it('opening while it still reads asks main nothing twice, and asks the status only after the list', async () => {
    main.lists.set('pbx-a:extension', [ext('100', 'Reception')])
    main.hold = true
    const ahead = store().prefetch('pbx-a')
    const opened = store().open('pbx-a')
    await Promise.resolve()
    expect(main.calls.filter((c) => c.startsWith('list'))).toEqual(['list pbx-a extension'])
    expect(main.calls).not.toContain('status pbx-a')
    main.hold = false
    main.release()
    await Promise.all([ahead, opened])
    expect(main.calls.filter((c) => c === 'list pbx-a extension')).toHaveLength(1)
    expect(main.calls.indexOf('status pbx-a')).toBeGreaterThan(main.calls.indexOf('list pbx-a extension'))
    expect(store().lists.extension?.items).toHaveLength(1)
  })

  it('a list read ahead longer ago than LIST_FRESH_MS is shown and read again behind it when the workspace opens', async () => {
    main.lists.set('pbx-a:extension', [ext('100', 'Reception')])
    await store().prefetch('pbx-a')
    const old = store().lists.extension
    if (old === undefined) throw new Error('no list read ahead')
    useConfigStore.setState({ lists: { extension: { ...old, loadedAt: Date.now() - LIST_FRESH_MS - 1 } } })
    main.lists.set('pbx-a:extension', [ext('100', 'Reception'), ext('101', 'Anna')])
    main.hold = true
    const opened = store().open('pbx-a')
    expect(store().lists.extension).toMatchObject({ loading: true, items: [{ id: '100' }] })
    main.hold = false
    main.release()
    await opened
    expect(store().lists.extension).toMatchObject({ loading: false, items: [{ id: '100' }, { id: '101' }] })
  })

  it('a read ahead of another PBX is dropped when that PBX is no longer shown', async () => {
    main.lists.set('pbx-a:extension', [ext('100', 'Reception')])
    main.hold = true
    const ahead = store().prefetch('pbx-a')
    main.hold = false
    await store().open('pbx-b')
    main.release()
    await ahead
    expect(store().profileId).toBe('pbx-b')
    expect(store().lists.extension?.items).toEqual([])
  })
})

describe('config store: writing', () => {
  beforeEach(async () => {
    main.lists.set('pbx-a:extension', [ext('100', 'Reception'), ext('101', 'Anna'), ext('102', 'Ben')])
    main.lists.set('pbx-a:inboundRoute', [route('5551000'), route('5552000')])
    await store().open('pbx-a')
    await store().loadList('extension')
    await store().loadList('inboundRoute')
  })

  it('puts a saved object in its place in the list, a created one at the end, and takes main’s pending batch', async () => {
    const batch = pendingOf('pbx-a', [change('c1', 'Extension 101 Anna B.'), change('c2', 'Extension 300 New')])
    main.saveAnswer = () =>
      ok({
        outcomes: [
          { ok: true, change: change('c1', 'Extension 101 Anna B.'), item: ext('101', 'Anna B.', 'v2') },
          { ok: true, change: change('c2', 'Extension 300 New'), item: ext('300', 'New') },
        ],
        pending: batch,
      })
    const r = await store().save([
      { kind: 'extension', operation: 'update', id: '101', baseVersion: 'v1', values: extValues('101', 'Anna B.') },
      { kind: 'extension', operation: 'create', values: extValues('300', 'New') },
    ])
    expect(r.ok).toBe(true)
    expect(store().lists.extension?.items.map((i) => [i.id, i.values.name, i.version])).toEqual([
      ['100', 'Reception', 'v1'],
      ['101', 'Anna B.', 'v2'],
      ['102', 'Ben', 'v1'],
      ['300', 'New', 'v1'],
    ])
    expect(store().pending).toBe(batch)
  })

  it('adds each extension of a range that was created, and reports the ones that were not', async () => {
    main.rangeAnswer = () =>
      ok({
        outcomes: [
          { ok: true, change: change('c5', 'Extension 300'), item: ext('300', 'Desk 300') },
          { ok: false, code: 'pbx_error', message: 'Extension 301 was not created: “This device id is already in use”.' },
          { ok: true, change: change('c6', 'Extension 302'), item: ext('302', 'Desk 302') },
        ],
        pending: pendingOf('pbx-a', [change('c5', 'Extension 300'), change('c6', 'Extension 302')]),
      })
    const { extension: _n, ...template } = extValues('300', 'Desk {n}')
    const r = await store().createRange({ start: '300', count: 3, template })
    expect(r.ok && r.value.outcomes.map((o) => o.ok)).toEqual([true, false, true])
    expect(store().lists.extension?.items.map((i) => i.id)).toEqual(['100', '101', '102', '300', '302'])
    expect(store().pending?.changes.map((c) => c.id)).toEqual(['c5', 'c6'])
  })

  it('replaces a route whose DID changed (its id is its DID) instead of listing it twice', async () => {
    main.saveAnswer = () =>
      ok({
        outcomes: [{ ok: true, change: change('c3', 'Inbound route 5553000'), item: route('5553000') }],
        pending: pendingOf('pbx-a', [change('c3', 'x')]),
      })
    await store().save([{ kind: 'inboundRoute', operation: 'update', id: '5551000/', baseVersion: 'r1', values: routeValues('5553000') }])
    expect(store().lists.inboundRoute?.items.map((i) => i.id)).toEqual(['5553000/', '5552000/'])
  })

  it('leaves the list alone for an item main refused, and reports the refusal per item', async () => {
    main.saveAnswer = () =>
      ok({
        outcomes: [{ ok: false, code: 'invalid_input', message: 'Extension 101: check the fields', fields: { name: 'required' } }],
        pending: pendingOf('pbx-a'),
      })
    const r = await store().save([{ kind: 'extension', operation: 'update', id: '101', baseVersion: 'v1', values: extValues('101', '') }])
    expect(r.ok && r.value.outcomes[0]).toMatchObject({ ok: false, fields: { name: 'required' } })
    expect(store().lists.extension?.items.find((i) => i.id === '101')?.values.name).toBe('Anna')
  })

  it('takes a deleted object out of its list and reads the pending batch again', async () => {
    main.pendingNow = pendingOf('pbx-a', [change('c-rm', 'Extension 102')])
    await store().remove('extension', '102', 'v1')
    expect(store().lists.extension?.items.map((i) => i.id)).toEqual(['100', '101'])
    expect(store().pending?.changes.map((c) => c.id)).toEqual(['c-rm'])
  })

  it('answers a rotated secret to the caller only, and takes the extension’s new version', async () => {
    const r = await store().rotateSecret('101', 'v1')
    expect(r.ok && r.value.secret).toBe('Zq8-very-secret-4fG')
    expect(JSON.stringify(store())).not.toContain('Zq8-very-secret-4fG')
    expect(store().lists.extension?.items.find((i) => i.id === '101')?.version).toBe('v2')
  })
})

describe('config store: Apply Config', () => {
  const progress = (state: ConfigApplyProgress['state'], profileId = 'pbx-a', applyId = 'apply-1'): ConfigApplyProgress => ({
    profileId,
    applyId,
    state,
    message: state,
    elapsedMs: 1000,
  })

  beforeEach(async () => {
    main.pendingNow = pendingOf('pbx-a', [change('c1', 'Extension 101')])
    await store().open('pbx-a')
  })

  it('follows main’s progress to the end, then reads the batch and FreePBX’s flag again', async () => {
    await store().applyConfig()
    expect(store().apply).toMatchObject({ applyId: 'apply-1', state: 'started' })
    main.push(progress('processing'))
    expect(store().apply?.state).toBe('processing')
    main.pendingNow = pendingOf('pbx-a', [], false)
    const before = main.calls.length
    main.push(progress('executed'))
    await new Promise((r) => setTimeout(r, 0))
    expect(store().apply?.state).toBe('executed')
    expect(main.calls.slice(before)).toEqual(['pending pbx-a', 'status pbx-a'])
    expect(store().pending?.changes).toEqual([])
  })

  it('keeps progress that arrived before main answered the apply', async () => {
    main.applyAnswer = ok({ applyId: 'apply-7' })
    const applying = store().applyConfig()
    main.push(progress('processing', 'pbx-a', 'apply-7'))
    await applying
    expect(store().apply).toMatchObject({ applyId: 'apply-7', state: 'processing' })
  })

  it('shows a refused apply as failed, in main’s words', async () => {
    main.applyAnswer = refused('forbidden', 'This profile is read-only: Apply Config is refused.')
    await store().applyConfig()
    expect(store().apply).toMatchObject({ state: 'failed', message: 'This profile is read-only: Apply Config is refused.' })
  })

  it('ignores progress of another PBX', () => {
    main.push(progress('unknown', 'pbx-b'))
    expect(store().apply).toBeNull()
  })
})
