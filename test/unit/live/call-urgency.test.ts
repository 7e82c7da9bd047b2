import { describe, expect, it } from 'vitest'
import type { LiveCall } from '../../../src-preload/types/live'
import { CallList, DEFAULT_CALL_QUERY, visibleCalls } from '../../../src-renderer/src/live/call-list'
import { summarize, summaryText, urgencyOf, URGENCY } from '../../../src-renderer/src/live/call-urgency'

function call(id: string, over: Partial<LiveCall> = {}): LiveCall {
  return {
    id,
    direction: 'inbound',
    caller: { name: `Caller ${id}`, number: `+4930${id}` },
    callee: { name: '', number: '600' },
    state: 'up',
    startedAt: 1_000,
    answeredAt: 2_000,
    stateSince: undefined,
    queue: undefined,
    ringGroup: undefined,
    trunk: 'trunk',
    did: undefined,
    channelIds: [],
    bridgeIds: [],
    ...over,
  }
}

const ringingAt = (ext: string, since = 1_000): Partial<LiveCall> => ({
  state: 'ringing',
  answeredAt: undefined,
  startedAt: since,
  callee: { name: '', number: ext },
  target: { kind: 'ringing', parties: [{ name: '', number: ext }], since },
})

const ids = (calls: readonly LiveCall[]): string[] => calls.map((c) => c.id)
const byId = (calls: readonly LiveCall[]): Record<string, LiveCall> => Object.fromEntries(calls.map((c) => [c.id, c]))

describe('the calls list by urgency (the default order)', () => {
  const talking = call('talk', { startedAt: 100, answeredAt: 200 })
  const held = call('held', { state: 'hold', stateSince: 5_000 })
  const parked = call('parked', { state: 'parked', stateSince: 4_000 })
  const queued = call('queued', { state: 'queued', answeredAt: undefined, queue: 'support', stateSince: 3_000 })
  const ivr = call('ivr', { answeredAt: undefined, startedAt: 2_500 })
  const colleague = call('colleague', ringingAt('104', 6_000))
  const mine = call('mine', ringingAt('100', 9_000))
  const fromQueue = call('fromqueue', { ...ringingAt('104', 8_000), queue: 'support' })
  const voicemail = call('vm', { target: { kind: 'voicemail', parties: [{ name: '', number: '104' }], since: 1 } })
  const all = [talking, held, parked, queued, ivr, colleague, mine, fromQueue, voicemail]

  it('puts calls ringing the operator’s phone or from a queue first, then other ringing, waiting, hold, parked, talking, voicemail', () => {
    const shown = visibleCalls({ calls: byId(all) }, '', DEFAULT_CALL_QUERY.sort, false, '100')
    expect(ids(shown)).toEqual(['fromqueue', 'mine', 'colleague', 'ivr', 'queued', 'held', 'parked', 'talk', 'vm'])
  })

  it('without the operator’s extension known, their phone ringing is one more ringing call', () => {
    expect(urgencyOf(mine, '')).toBe(URGENCY.ringing)
    expect(urgencyOf(mine, '100')).toBe(URGENCY.ringingForOperator)
    expect(urgencyOf(fromQueue, '')).toBe(URGENCY.ringingForOperator)
  })

  it('a new ringing call lands above every talking and held call, under longer-ringing ones (the incremental list agrees)', () => {
    const list = new CallList()
    list.setQuery({ ...DEFAULT_CALL_QUERY, ownExtension: '100' }, [talking, held, colleague])
    expect(ids(list.toArray())).toEqual(['colleague', 'held', 'talk'])
    const newer = call('new', ringingAt('105', 10_000))
    list.apply([{ before: undefined, after: newer }], () => [])
    expect(ids(list.toArray())).toEqual(['colleague', 'new', 'held', 'talk'])
    // It rings the operator's phone now: it goes to the very top.
    const forMe = call('new', ringingAt('100', 10_000))
    list.apply([{ before: newer, after: forMe }], () => [])
    expect(ids(list.toArray())).toEqual(['new', 'colleague', 'held', 'talk'])
  })

  it('sorts Time by the time it shows (hold time for a held call, not since the call began)', () => {
    // Began long ago, on hold for a moment: it shows the short hold time.
    const longCallShortHold = call('a', { state: 'hold', startedAt: 0, answeredAt: 10, stateSince: 9_000 })
    const shortCall = call('b', { startedAt: 5_000, answeredAt: 5_000 })
    const shown = visibleCalls({ calls: byId([longCallShortHold, shortCall]) }, '', 'duration', false)
    // Ascending by shown time: the hold that began at 9000 shows less than the talk since 5000.
    expect(ids(shown)).toEqual(['a', 'b'])
    expect(ids(visibleCalls({ calls: byId([longCallShortHold, shortCall]) }, '', 'duration', true))).toEqual(['b', 'a'])
  })

  it('a changed own extension re-sorts the list', () => {
    const list = new CallList()
    list.reset([colleague, mine])
    expect(ids(list.toArray())).toEqual(['colleague', 'mine'])
    list.setQuery({ ...DEFAULT_CALL_QUERY, ownExtension: '100' }, [colleague, mine])
    expect(ids(list.toArray())).toEqual(['mine', 'colleague'])
  })
})

describe('the summary line', () => {
  it('counts ringing, waiting (queued or with an IVR) and held calls, and parked ones when there are any', () => {
    const s = summarize([
      call('r1', ringingAt('104')),
      call('r2', ringingAt('100')),
      call('q', { state: 'queued', answeredAt: undefined }),
      call('ivr', { answeredAt: undefined }),
      call('h', { state: 'hold' }),
      call('t'),
      call('vm', { answeredAt: undefined, target: { kind: 'voicemail', parties: [{ name: '', number: '104' }], since: 1 } }),
    ])
    expect(summaryText(s)).toBe('2 ringing · 2 waiting · 1 on hold')
    expect(summaryText(summarize([call('p', { state: 'parked' })]))).toBe('0 ringing · 0 waiting · 0 on hold · 1 parked')
  })
})
