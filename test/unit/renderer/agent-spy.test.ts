import { describe, expect, it } from 'vitest'
import { emptyLiveState, type LiveChannel, type LiveExtension, type LiveState } from '../../../src-preload/types/live'
import { NO_SUPERVISION_SCOPE, supervisionScopeOf, type SpySessionView, type SupervisionState } from '../../../src-preload/types/supervision'
import { agentSpies, agentSpyOf } from '../../../src-renderer/src/features/agents/agent-spy'
import { extensionsByDevice } from '../../../src-renderer/src/live/talking-at'
import { liveCall } from '../../support/live-entities'

/** Only what the board reads of a channel and an extension. */
function channel(id: string, device: string, over: Partial<LiveChannel> = {}): LiveChannel {
  return { id, device, state: 6, name: `${device}-${id}`, queue: undefined, ...over } as unknown as LiveChannel
}
function extension(id: string, callIds: string[] = []): LiveExtension {
  return { id, hint: `PJSIP/${id}&Custom:DND${id},CustomPresence:${id}`, callIds } as unknown as LiveExtension
}

/**
 * A caller from the trunk answered by 104 through queue support; 106 talks to 107 directly; 103
 * rings only; 105 is idle; 100 (the seat's own phone) talks to 108.
 */
function state(): LiveState {
  return {
    ...emptyLiveState(),
    calls: {
      q: liveCall({ id: 'q', queue: 'support', channelIds: ['q', 'q104'] }),
      d: liveCall({ id: 'd', channelIds: ['d', 'd107'] }),
      r: liveCall({ id: 'r', state: 'ringing', channelIds: ['r', 'r103'] }),
      o: liveCall({ id: 'o', channelIds: ['o', 'o108'] }),
    },
    channels: {
      q: channel('q', 'PJSIP/trunk', { queue: 'support' }),
      q104: channel('q104', 'PJSIP/104'),
      d: channel('d', 'PJSIP/106'),
      d107: channel('d107', 'PJSIP/107'),
      r: channel('r', 'PJSIP/trunk'),
      r103: channel('r103', 'PJSIP/103', { state: 5 }),
      o: channel('o', 'PJSIP/100'),
      o108: channel('o108', 'PJSIP/108'),
    },
    extensions: {
      '100': extension('100', ['o']),
      '103': extension('103', ['r']),
      '104': extension('104', ['q']),
      '105': extension('105'),
      '106': extension('106', ['d']),
      '107': extension('107', ['d']),
      '108': extension('108', ['o']),
    },
  }
}

function supervision(over: Partial<SupervisionState> = {}): SupervisionState {
  return {
    profileId: 'demo',
    spies: [],
    recordings: [],
    allowed: true,
    scope: supervisionScopeOf('supervisor', { queues: ['support'], extensions: [] }),
    ...over,
  }
}

const s = state()
const devices = extensionsByDevice(s.extensions)
const offer = (ext: string, sv: SupervisionState | undefined = supervision()) => agentSpyOf({ extension: ext }, s, devices, sv, '100')

function session(spied: string, mode: SpySessionView['mode'] = 'listen', ours = true): SpySessionView {
  return { id: 'spy1', spiedChannelId: spied, spiedChannelName: `x-${spied}`, byName: 'Supervisor', byNumber: '100', mode, ours, since: 0 }
}

describe('listening in from the agent board', () => {
  it('offers the call the agent’s phone talks on, on the agent’s own channel (a whisper reaches the agent)', () => {
    expect(offer('104')).toMatchObject({ call: { id: 'q' }, channelId: 'q104', refused: undefined, session: undefined })
  })

  it('offers nothing for an agent not on a call: idle, only ringing, or no extension known', () => {
    expect(offer('105')).toBeUndefined()
    expect(offer('103')).toBeUndefined()
    expect(agentSpyOf({ extension: undefined }, s, devices, supervision(), '100')).toBeUndefined()
    expect([
      ...agentSpies(
        [
          { iface: 'a', extension: '104' },
          { iface: 'b', extension: '105' },
        ],
        s,
        devices,
        supervision(),
        '100',
      ).keys(),
    ]).toEqual(['a'])
  })

  it('greys a call outside the profile’s scope with main’s own words, and one the scope names by extension is offered', () => {
    expect(offer('106')?.refused).toBe('This call is not one you supervise (yours: queue support)')
    const byExtension = supervision({ scope: supervisionScopeOf('supervisor', { queues: [], extensions: ['107'] }) })
    expect(offer('106', byExtension)?.refused).toBeUndefined()
    expect(offer('104', byExtension)?.refused).toBe('This call is not one you supervise (yours: 107)')
  })

  it('greys everything for a supervisor whose profile names nothing; an admin naming nothing may listen to any call', () => {
    expect(offer('104', supervision({ scope: supervisionScopeOf('supervisor', { queues: [], extensions: [] }) }))?.refused).toBe(
      'Your profile names no queues or extensions you supervise: an admin names them in the profile',
    )
    expect(offer('106', supervision({ scope: supervisionScopeOf('admin', { queues: [], extensions: [] }) }))?.refused).toBeUndefined()
  })

  it('says why a seat that may not supervise at all is greyed (read-only), and waits for the state before offering', () => {
    expect(offer('104', supervision({ allowed: false, refusal: 'This profile is read-only', scope: NO_SUPERVISION_SCOPE }))?.refused).toBe(
      'This profile is read-only',
    )
    expect(agentSpyOf({ extension: '104' }, s, devices, undefined, '100')?.refused).toBe(
      'Who you may supervise is not loaded yet: try again in a moment',
    )
  })

  it('refuses the call the seat’s own phone is on', () => {
    const all = supervision({ scope: supervisionScopeOf('admin', { queues: [], extensions: [] }) })
    expect(offer('108', all)?.refused).toBe('Your own phone (100) is on that call')
  })

  it('switches the mode of this seat’s session on the agent’s call, and greys other calls while it runs', () => {
    const running = supervision({ spies: [session('q104', 'whisper')] })
    expect(offer('104', running)).toMatchObject({ refused: undefined, session: { id: 'spy1', mode: 'whisper' } })
    const everything = supervision({ spies: [session('q104')], scope: supervisionScopeOf('admin', { queues: [], extensions: [] }) })
    expect(offer('106', everything)?.refused).toBe('Your phone is already listening to another call: end that session first (E)')
    // Another console's session on the call is shown as a mark, not taken over.
    expect(offer('104', supervision({ spies: [session('q104', undefined, false)] }))).toMatchObject({ refused: undefined, session: undefined })
  })
})

describe('the devices of the extensions’ hints', () => {
  it('maps each device to the extensions whose hints name it, the presence provider after the comma left out', () => {
    expect(devices.get('PJSIP/104')).toEqual(['104'])
    expect(devices.get('Custom:DND104')).toEqual(['104'])
    expect(devices.has('CustomPresence:104')).toBe(false)
  })
})
