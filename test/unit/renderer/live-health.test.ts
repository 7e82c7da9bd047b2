/**
 * A console that does not look live during an outage: when the shown state is stale (main's
 * meta.staleSince, or this window's own link to main lost), since when and why; actions off while
 * stale or while the breaker is open, with the reason in words; and the store follows the live
 * meta, the connection status and the link, back to live after the rebuild.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Bridge } from '../../../src-renderer/src/bridge/bridge'
import { setBridge } from '../../../src-renderer/src/bridge/current'
import { whenActionsOn } from '../../../src-renderer/src/actions/action-gate'
import { useAppStore } from '../../../src-renderer/src/stores/app-store'
import { clockTime, liveHealth, staleText } from '../../../src-renderer/src/stores/live-health'
import { useLiveStore } from '../../../src-renderer/src/stores/live-store'
import { useToastStore } from '../../../src-renderer/src/stores/toast-store'
import type { ConnectionStatus } from '../../../src-preload/types/connections'
import { emptyLiveState, type LiveMessage, type LiveMeta } from '../../../src-preload/types/live'

const LIVE: LiveMeta = { status: 'live', syncedAt: 1000, resyncs: 1 }
const AT = new Date(2026, 11, 6, 14, 2, 11).getTime()

function connection(over: Partial<ConnectionStatus> = {}): ConnectionStatus {
  return {
    profileId: 'p',
    name: 'PBX',
    role: 'supervisor',
    readOnly: false,
    ownExtension: '100',
    ami: 'connected',
    ari: 'connected',
    rest: 'disabled',
    breaker: 'closed',
    ...over,
  }
}

describe('liveHealth', () => {
  const base = { meta: LIVE, connection: connection(), link: 'open' as const, linkLostAt: undefined, seenDownAt: 0 }

  it('live: not stale, actions may be tried', () => {
    expect(liveHealth(base)).toEqual({ stale: undefined, actionsOff: undefined })
  })

  it('PBX lost: stale since main says, "as of 14:02:11, PBX unreachable", actions off with the same words', () => {
    const h = liveHealth({ ...base, meta: { ...LIVE, status: 'disconnected', staleSince: AT }, connection: connection({ ami: 'down' }) })
    expect(h.stale).toEqual({ since: AT, reason: 'PBX unreachable' })
    expect(staleText(h.stale ?? { since: 0, reason: '' })).toBe('as of 14:02:11, PBX unreachable')
    expect(h.actionsOff).toBe('Actions are off: PBX unreachable. Showing the state as of 14:02:11.')
  })

  it('reconnected but not rebuilt yet: still stale from the same moment', () => {
    const h = liveHealth({ ...base, meta: { ...LIVE, status: 'syncing', staleSince: AT } })
    expect(h.stale).toEqual({ since: AT, reason: 'PBX back, reloading calls' })
    expect(h.actionsOff).toBeDefined()
  })

  it('a periodic resync (syncing, never stale) is live', () => {
    expect(liveHealth({ ...base, meta: { ...LIVE, status: 'syncing' } })).toEqual({ stale: undefined, actionsOff: undefined })
  })

  it('the breaker open with data still live: actions off, not stale', () => {
    const h = liveHealth({ ...base, connection: connection({ breaker: 'open' }) })
    expect(h.stale).toBeUndefined()
    expect(h.actionsOff).toMatch(/^Actions are off for now: the PBX failed repeatedly/)
  })

  it('the window lost its own link to main: stale since then, whatever main last said', () => {
    const h = liveHealth({ ...base, link: 'closed', linkLostAt: AT })
    expect(h.stale).toEqual({ since: AT, reason: 'connection to the console lost' })
    // An earlier PBX loss is the older moment.
    expect(
      liveHealth({ ...base, meta: { ...LIVE, status: 'disconnected', staleSince: AT - 5000 }, link: 'closed', linkLostAt: AT }).stale?.since,
    ).toBe(AT - 5000)
  })

  it('clock time is 24-hour', () => {
    expect(clockTime(new Date(2026, 0, 1, 21, 5, 9).getTime())).toBe('21:05:09')
  })
})

describe('the live store follows the meta, the connection and the link', () => {
  let seq = 0
  const deliverMeta = async (meta: LiveMeta): Promise<void> => {
    seq++
    const msg: LiveMessage = { kind: 'patch', patch: { profileId: 'p', seq, meta } }
    useLiveStore.getState().receive(msg)
    await vi.waitFor(() => {
      expect(useLiveStore.getState().seq).toBe(seq)
    })
  }

  beforeAll(() => {
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => setTimeout(cb, 0))
    setBridge({
      invoke: () => Promise.resolve({ ok: true, value: null }),
      notify: () => undefined,
      on: () => () => undefined,
      onLinkChange: () => () => undefined,
      linkState: 'open',
    } as unknown as Bridge)
  })
  afterAll(() => {
    vi.unstubAllGlobals()
  })
  beforeEach(async () => {
    useAppStore.getState().setLink('open')
    await useLiveStore.getState().subscribe('p')
    seq = 1
    useLiveStore.getState().receive({ kind: 'snapshot', snapshot: { profileId: 'p', seq, state: { ...emptyLiveState(), meta: LIVE } } })
    await vi.waitFor(() => {
      expect(useLiveStore.getState().seq).toBe(1)
    })
    useLiveStore.getState().setStatus(connection())
  })

  it('stale from the disconnect, actions refused with a toast, live again after the rebuild', async () => {
    expect(useLiveStore.getState().health.stale).toBeUndefined()
    await deliverMeta({ ...LIVE, status: 'disconnected', staleSince: AT })
    expect(useLiveStore.getState().health.stale?.since).toBe(AT)

    const act = vi.fn()
    whenActionsOn(act)
    expect(act).not.toHaveBeenCalled()
    expect(useToastStore.getState().toasts.map((t) => t.text)).toContain('Actions are off: PBX unreachable. Showing the state as of 14:02:11.')

    await deliverMeta({ ...LIVE, status: 'live', syncedAt: AT + 60_000, resyncs: 2 })
    expect(useLiveStore.getState().health).toEqual({ stale: undefined, actionsOff: undefined })
    whenActionsOn(act)
    expect(act).toHaveBeenCalledTimes(1)
  })

  it('the link to main lost: stale at once, back when it reopens', () => {
    const before = Date.now()
    useAppStore.getState().setLink('closed')
    const stale = useLiveStore.getState().health.stale
    expect(stale?.reason).toBe('connection to the console lost')
    expect(stale?.since).toBeGreaterThanOrEqual(before)
    useAppStore.getState().setLink('open')
    expect(useLiveStore.getState().health.stale).toBeUndefined()
  })

  it('the breaker opening turns actions off without marking the data stale', () => {
    useLiveStore.getState().setStatus(connection({ breaker: 'open' }))
    expect(useLiveStore.getState().health.stale).toBeUndefined()
    expect(useLiveStore.getState().health.actionsOff).toBeDefined()
  })
})
