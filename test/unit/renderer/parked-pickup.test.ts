import { describe, expect, it } from 'vitest'
import type { LiveCall, LiveParkedCall } from '../../../src-preload/types/live'
import { parkedToPickUp } from '../../../src-renderer/src/features/calls/call-model'
import { liveCall } from '../../support/live-entities'

function parked(space: string, parkeeId: string, since: number): LiveParkedCall {
  return {
    id: `default:${space}`,
    lot: 'default',
    space,
    parkeeId,
    parkeeChannel: `PJSIP/trunk-${parkeeId}`,
    parkee: { name: '', number: '' },
    parker: '',
    parkerDialString: '',
    timeoutS: 120,
    since,
    expiresAt: undefined,
  }
}

const call = (channelIds: string[], state: LiveCall['state']): LiveCall =>
  liveCall({ id: channelIds[0] ?? 'c', caller: { name: '', number: '' }, callee: { name: '', number: '' }, state, channelIds })

describe('parkedToPickUp: what U picks up', () => {
  const lot = { parked: Object.fromEntries([parked('703', 'c', 30), parked('701', 'a', 10), parked('702', 'b', 10)].map((p) => [p.id, p])) }

  it('the focused call’s own space when it is parked', () => {
    expect(parkedToPickUp(lot, call(['c', 'x'], 'parked'))?.space).toBe('703')
  })

  it('else the call parked longest, the lower space first on a tie', () => {
    expect(parkedToPickUp(lot, undefined)?.space).toBe('701')
    expect(parkedToPickUp(lot, call(['z'], 'up'))?.space).toBe('701')
  })

  it('nothing when nothing is parked', () => {
    expect(parkedToPickUp({ parked: {} }, call(['a'], 'up'))).toBeUndefined()
  })
})
