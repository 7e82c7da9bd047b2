import { describe, expect, it } from 'vitest'
import { PatchCoalescer } from '../../../src-main/core/live/patch-coalescer'
import { EXTENSION_CALL_IDS_SENT, extensionForWire } from '../../../src-main/core/live/wire-extensions'
import { type LiveCall, type LiveExtension, type LiveMessage, type LiveState, emptyLiveState } from '../../../src-preload/types/live'
import { talkingTo } from '../../../src-renderer/src/features/calls/blf-model'
import { liveCall } from '../../support/live-entities'

const ext = (id: string, n: number): LiveExtension => ({
  id,
  context: 'from-internal',
  hint: `PJSIP/${id}`,
  state: 'INUSE',
  statusText: 'InUse',
  callIds: Array.from({ length: n }, (_, i) => `c${String(1000 + i)}`),
})

const call = (id: string, name: string): LiveCall =>
  liveCall({ id, caller: { name, number: '+4930' }, callee: { name: '', number: '100' }, answeredAt: 0, trunk: 'trunk' })

describe('extensions on the wire', () => {
  it('keep a short list whole and cut a long one to the first ids with the full count', () => {
    const short = ext('100', EXTENSION_CALL_IDS_SENT)
    expect(extensionForWire(short)).toBe(short)
    const long = ext('101', 300)
    const wire = extensionForWire(long)
    expect(wire.callIds).toEqual(long.callIds.slice(0, EXTENSION_CALL_IDS_SENT))
    expect(wire.callCount).toBe(300)
    // One cut per model object: the same object for every patch and snapshot that carries it.
    expect(extensionForWire(long)).toBe(wire)
  })

  it('are what subscribers get in snapshots and patches; the BLF text is the same as from the full list', () => {
    const got: LiveMessage[] = []
    const base: LiveState = { ...emptyLiveState(), extensions: { '100': ext('100', 2) } }
    const co = new PatchCoalescer({ profileId: 'p', initial: base, scheduler: () => ({ cancel: () => undefined }) })
    co.subscribe({ send: (m) => got.push(m) })
    const long = ext('100', 250)
    const calls: Record<string, LiveCall> = {}
    for (const id of long.callIds) calls[id] = call(id, id === 'c1000' ? 'Anna' : 'Bob')
    co.update({ ...base, calls, extensions: { '100': long } })
    co.flush()
    const snap = got[0]
    expect(snap?.kind === 'snapshot' ? snap.snapshot.state.extensions['100']?.callCount : 'no snapshot').toBeUndefined()
    const patch = got[1]
    const sent = patch?.kind === 'patch' ? patch.patch.extensions?.upsert['100'] : undefined
    expect(sent?.callIds).toHaveLength(EXTENSION_CALL_IDS_SENT)
    expect(sent?.callCount).toBe(250)
    // The coalescer's own state keeps the whole list.
    expect(co.snapshot().state.extensions['100']?.callIds).toHaveLength(250)
    const byId = new Map(Object.entries(calls))
    expect(sent === undefined ? undefined : talkingTo(sent, byId)).toBe(talkingTo(long, byId))
    expect(talkingTo(long, byId)).toBe('Anna, Bob +248 more')
  })
})
