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
import { SimPbx, simCommands } from './sim-pbx'

const SEED = Number(process.env.LIVE_PROPERTY_SEED ?? 20261126)

function typed(msgs: readonly AmiMessage[]): AmiTypedEvent[] {
  return msgs.map(toTypedEvent).filter((e): e is AmiTypedEvent => e !== undefined)
}

/** SimPbx names channels `PJSIP/1N-sim-…` (device `PJSIP/1N-sim`); extension 200 watches two. */
function ext(exten: string, hint: string): AmiMessage {
  return AmiMessage.from([
    ['Event', 'ExtensionStatus'],
    ['Exten', exten],
    ['Context', 'ext-local'],
    ['Hint', hint],
    ['Status', '0'],
    ['StatusText', 'Idle'],
  ])
}

function hints(): AmiTypedEvent[] {
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

const command = simCommands(40, { queueAndCallerId: false })

describe('extension call lists', () => {
  it('equal a recomputation from scratch after every batch (seeded)', () => {
    let nonEmpty = 0
    fc.assert(
      fc.property(
        fc.array(fc.record({ cmd: command, cut: fc.boolean(), rehint: fc.nat(12) }), { minLength: 1, maxLength: 150 }),
        fc.nat(150),
        (steps, hintsAt) => {
          const sim = new SimPbx()
          let m = emptyLiveModel()
          let batch: AmiTypedEvent[] = []
          let flip = false
          const check = (): void => {
            m = reduceAll(m, batch, 0)
            batch = []
            for (const ext of Object.values(m.extensions)) {
              expect(ext.callIds).toEqual(expectedCallIds(m, ext.hint))
              if (ext.callIds.length > 0) nonEmpty++
            }
          }
          for (const [i, s] of steps.entries()) {
            batch.push(...typed(sim.apply(s.cmd)))
            // Hints may arrive after calls exist (a snapshot lists extensions after channels), and
            // a hint may change while calls are up.
            if (i === hintsAt % steps.length) batch.push(...hints())
            if (s.rehint === 0) {
              flip = !flip
              batch.push(...typed([ext('200', flip ? 'PJSIP/13-sim&PJSIP/14-sim' : 'PJSIP/11-sim')]))
            }
            if (s.cut) check()
          }
          check()
        },
      ),
      { seed: SEED, numRuns: 150 },
    )
    // The hints must really match the simulated devices, or this checks nothing.
    expect(nonEmpty).toBeGreaterThan(300)
  })
})

describe('a plain model (not made by the reducers)', () => {
  it('reduces exactly like the model it copies, indexes included (seeded)', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 80 }), fc.array(command, { minLength: 1, maxLength: 40 }), (first, rest) => {
        const sim = new SimPbx()
        const m = reduceAll(reduceAll(emptyLiveModel(), hints(), 0), typed(first.flatMap((c) => sim.apply(c))), 0)
        // A JSON round trip: plain Records, no hidden store.
        const plain = JSON.parse(JSON.stringify(m)) as LiveModel
        const more = typed(rest.flatMap((c) => sim.apply(c)))
        const a = reduceAll(m, more, 0)
        const b = reduceAll(plain, more, 0)
        const sortLists = (r: Readonly<Record<string, readonly string[]>>) =>
          Object.fromEntries(Object.entries(r).map(([k, v]) => [k, [...v].sort()]))
        expect(JSON.parse(JSON.stringify({ ...b, index: undefined }))).toEqual(JSON.parse(JSON.stringify({ ...a, index: undefined })))
        expect(b.index.channelCall).toEqual(a.index.channelCall)
        expect(sortLists(b.index.deviceChannels)).toEqual(sortLists(a.index.deviceChannels))
        expect(sortLists(b.index.linked)).toEqual(sortLists(a.index.linked))
        expect(b.index.ended).toEqual(a.index.ended)
      }),
      { seed: SEED, numRuns: 60 },
    )
  })
})
