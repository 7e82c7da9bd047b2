import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Bridge } from '../../../src-renderer/src/bridge/bridge'
import { setBridge } from '../../../src-renderer/src/bridge/current'
import { useLiveStore } from '../../../src-renderer/src/stores/live-store'
import { emptyLiveState, type LiveCall, type LiveMessage } from '../../../src-preload/types/live'
import { liveCall } from '../../support/live-entities'

const call = (id: string, state: LiveCall['state'], startedAt: number): LiveCall =>
  liveCall({ id, caller: { name: `Caller ${id}`, number: `+4930${id}` }, callee: { name: '', number: '100' }, state, startedAt, channelIds: [id] })

const bridge = {
  invoke: () => Promise.resolve({ ok: true, value: null }),
  notify: () => undefined,
  on: () => () => undefined,
  onLinkChange: () => () => undefined,
  linkState: 'open',
} as unknown as Bridge

/** Delivers a live message and lets the store apply it (it applies once per animation frame). */
async function deliver(msg: LiveMessage): Promise<void> {
  useLiveStore.getState().receive(msg)
  await vi.waitFor(() => {
    expect(useLiveStore.getState().seq).toBe(msg.kind === 'snapshot' ? msg.snapshot.seq : msg.patch.seq)
  })
}

let seq = 0
const patch = (calls: { upsert?: Record<string, LiveCall>; remove?: string[] }): LiveMessage => {
  seq++
  return { kind: 'patch', patch: { profileId: 'p', seq, calls: { upsert: calls.upsert ?? {}, remove: calls.remove ?? [] } } }
}

beforeAll(() => {
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => setTimeout(cb, 0))
  setBridge(bridge)
})
afterAll(() => {
  vi.unstubAllGlobals()
})

beforeEach(async () => {
  await useLiveStore.getState().subscribe('p')
  useLiveStore.getState().select(null)
  seq = 1
  // Two ringing callers, "old" the longest ringing, and one talking.
  const state = {
    ...emptyLiveState(),
    calls: { old: call('old', 'ringing', 1_000), young: call('young', 'ringing', 5_000), talk: call('talk', 'up', 500) },
  }
  await deliver({ kind: 'snapshot', snapshot: { profileId: 'p', seq, state } })
})

describe('the calls selection: only what the operator chose', () => {
  it('with nothing selected, the longest-ringing call is suggested, not selected', () => {
    const s = useLiveStore.getState()
    expect(s.selectedCallId).toBeNull()
    expect(s.selected).toBeUndefined()
    expect(s.suggested?.id).toBe('old')
  })

  it('selecting the suggestion makes it the selection; the suggestion goes away while a call is selected', () => {
    useLiveStore.getState().selectSuggested()
    const s = useLiveStore.getState()
    expect(s.selectedCallId).toBe('old')
    expect(s.selected?.id).toBe('old')
    expect(s.suggested).toBeUndefined()
  })

  it('when the selected call ends the selection is empty and the card is told which call ended: no jump to another caller', async () => {
    useLiveStore.getState().select('talk')
    await deliver(patch({ remove: ['talk'] }))
    const s = useLiveStore.getState()
    expect(s.selectedCallId).toBeNull()
    expect(s.selected).toBeUndefined()
    expect(s.ended?.id).toBe('talk')
    // Still only a suggestion: an action key would find nothing selected.
    expect(s.suggested?.id).toBe('old')
    // The next selection clears the notice.
    useLiveStore.getState().selectSuggested()
    expect(useLiveStore.getState().ended).toBeUndefined()
    expect(useLiveStore.getState().selected?.id).toBe('old')
  })

  it('a selected call that changes stays selected in its new version', async () => {
    useLiveStore.getState().select('young')
    await deliver(patch({ upsert: { young: { ...call('young', 'up', 5_000), answeredAt: 6_000 } } }))
    const s = useLiveStore.getState()
    expect(s.selected?.state).toBe('up')
    expect(s.ended).toBeUndefined()
  })

  it('the suggestion follows the calls (the longest-ringing one leaving suggests the next), while nothing is selected', async () => {
    await deliver(patch({ remove: ['old'] }))
    expect(useLiveStore.getState().suggested?.id).toBe('young')
    expect(useLiveStore.getState().ended).toBeUndefined()
  })
})
