/**
 * Extensions' call lists are refreshed only for devices whose channels changed call; after every
 * batch they must still equal a recomputation from scratch (the hint's devices → their channels
 * → their calls).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AmiMessage } from '../../../src-main/core/ami/message'
import { type AmiTypedEvent, toTypedEvent } from '../../../src-main/core/ami/events'
import { emptyLiveModel, type LiveModel } from '../../../src-main/core/live/model'
import { reduceAll } from '../../../src-main/core/live/reduce'
import { SimPbx, type SimCommand } from './sim-pbx'

const SEED = Number(process.env.LIVE_PROPERTY_SEED ?? 20261126)

function typed(msgs: readonly AmiMessage[]): AmiTypedEvent[] {
  return msgs.map(toTypedEvent).filter((e): e is AmiTypedEvent => e !== undefined)
}

/** SimPbx names channels `PJSIP/1N-sim-…` (device `PJSIP/1N-sim`); extension 200 watches two. */
function hints(): AmiTypedEvent[] {
  const ext = (exten: string, hint: string): AmiMessage =>
    AmiMessage.from([['Event', 'ExtensionStatus'], ['Exten', exten], ['Context', 'ext-local'], ['Hint', hint], ['Status', '0'], ['StatusText', 'Idle']])
  const out = [ext('200', 'PJSIP/11-sim&PJSIP/12-sim')]
  for (let i = 0; i < 20; i++) out.push(ext(`1${String(i)}`, `PJSIP/1${String(i)}-sim`))
  return typed(out)
}

function expectedCallIds(m: LiveModel, hint: string): string[] {
  const devices = new Set(hint.split('&'))
  const ids = new Set<string>()
  for (const ch of Object.values(m.channels)) {
    const call = m.index.channelCall[ch.id]
    if (devices.has(ch.device) && call !== undefined) ids.add(call)
  }
  return [...ids].sort()
}

const command: fc.Arbitrary<SimCommand> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('new' as const), link: fc.option(fc.nat(40), { nil: undefined }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('up' as const), ch: fc.nat(40) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('bridge' as const), a: fc.nat(40), b: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('leave' as const), ch: fc.nat(40) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('hangup' as const), ch: fc.nat(40) }) },
)

describe('extension call lists', () => {
  it('equal a recomputation from scratch after every batch (seeded)', () => {
    let nonEmpty = 0
    fc.assert(
      fc.property(fc.array(fc.record({ cmd: command, cut: fc.boolean() }), { minLength: 1, maxLength: 150 }), (steps) => {
        const sim = new SimPbx()
        let m = reduceAll(emptyLiveModel(), hints(), 0)
        let batch: AmiTypedEvent[] = []
        const check = (): void => {
          m = reduceAll(m, batch, 0)
          batch = []
          for (const ext of Object.values(m.extensions)) {
            expect(ext.callIds).toEqual(expectedCallIds(m, ext.hint))
            if (ext.callIds.length > 0) nonEmpty++
          }
        }
        for (const s of steps) {
          batch.push(...typed(sim.apply(s.cmd)))
          if (s.cut) check()
        }
        check()
      }),
      { seed: SEED, numRuns: 150 },
    )
    // The hints must really match the simulated devices, or this checks nothing.
    expect(nonEmpty).toBeGreaterThan(300)
  })
})
