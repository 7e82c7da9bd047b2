/**
 * The renderer's presence: changes merged per extension (a null removes), another PBX's changes
 * ignored; the line a picker row gets ("Do not disturb · forwarded to 0171…"); which transfers
 * ask first (offline, DND, but not a forwarded one); the lamp's short time in state.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import type { ExtensionPresence } from '../../../src-preload/types/presence'
import { shortSince, sinceWords } from '../../../src-renderer/src/components/lamp-presence/presence-text'
import { lampsShown } from '../../../src-renderer/src/features/calls/blf-model'
import { askBeforeTransfer, presenceLine, transferConcern, usePresenceStore } from '../../../src-renderer/src/stores/presence-store'

const at = { at: 1_000, exact: true }
const p = (extension: string, more: Partial<ExtensionPresence> = {}): ExtensionPresence => ({
  extension,
  dnd: false,
  forward: {},
  since: at,
  ...more,
})

beforeEach(() => {
  usePresenceStore.setState({ profileId: 'demo', extensions: { '105': p('105', { dnd: true }), '106': p('106') }, toggles: [], question: null })
})

describe('presence store', () => {
  it('merges a change per extension, removes what is null, takes new toggles, and ignores another PBX', () => {
    const s = usePresenceStore.getState()
    s.receive({
      profileId: 'demo',
      source: 'freepbx',
      extensions: { '105': null, '107': p('107', { forward: { unconditional: '0171' } }) },
      toggles: [{ index: '0', name: 'Call flow 0', mode: 'night', featureCode: '*280', since: at }],
      polledAt: 5,
    })
    s.receive({ profileId: 'other', source: 'asterisk', extensions: { '106': null }, polledAt: 9 })
    const now = usePresenceStore.getState()
    expect(Object.keys(now.extensions).sort()).toEqual(['106', '107'])
    expect(now.toggles.map((t) => t.mode)).toEqual(['night'])
    expect(now.polledAt).toBe(5)
  })

  it('says DND, forwarding and the note in one line for a picker row', () => {
    expect(presenceLine(p('105', { dnd: true, forward: { unconditional: '01712345678' } }))).toBe('Do not disturb · forwarded to 01712345678')
    expect(presenceLine(p('106', { forward: { busy: '104', noAnswer: '501' } }))).toBe('When busy to 104 · unanswered to 501')
    expect(presenceLine(p('107', { note: { status: 'away', subtype: '', message: 'Lunch, back at 2' } }))).toBe('“Lunch, back at 2”')
    expect(presenceLine(p('108'))).toBeUndefined()
  })

  it('asks before a transfer to an offline or DND extension, not to a forwarded one or to voicemail', async () => {
    expect(transferConcern('118', { state: 'UNAVAILABLE' })).toBe('118 is offline: the call would not ring anywhere')
    expect(transferConcern('105', { state: 'BUSY' })).toBe('105 has do not disturb on: the call would not ring there')
    usePresenceStore.setState({ extensions: { '105': p('105', { dnd: true, forward: { unconditional: '104' } }) } })
    expect(transferConcern('105', { state: 'BUSY' })).toBeUndefined()
    expect(transferConcern('106', { state: 'NOT_INUSE' })).toBeUndefined()
    await expect(askBeforeTransfer('105', 'voicemail')).resolves.toBe('transfer')
    await expect(askBeforeTransfer('0171 234', 'blind')).resolves.toBe('transfer')
  })

  it('shows a lamp’s time in state briefly, and says "at least" when it was found so at connect', () => {
    expect(shortSince({ at: 0, exact: true }, 10)).toBe('')
    expect(shortSince({ at: 1, exact: true }, 1 + 30_000)).toBe('<1m')
    expect(shortSince({ at: 1, exact: false }, 1 + 12 * 60_000)).toBe('12m')
    expect(shortSince({ at: 1, exact: true }, 1 + 3 * 3_600_000)).toBe('3h')
    expect(sinceWords({ at: 1, exact: false }, 1 + 60_000)).toBe('for at least 1 minute')
    expect(sinceWords({ at: 1, exact: true }, 1 + 2 * 86_400_000)).toBe('for 2 days')
  })

  it('searching the lamps matches the hint’s phone, not FreePBX’s DND and presence devices every hint carries', () => {
    const lamp = (id: string): { id: string; hint: string } => ({ id, hint: `PJSIP/${id}&Custom:DND${id},CustomPresence:${id}` })
    const lamps = { '105': lamp('105'), '106': lamp('106') }
    expect(lampsShown(lamps, undefined, 'dnd')).toEqual([])
    expect(lampsShown(lamps, undefined, 'pjsip/106').map((l) => l.id)).toEqual(['106'])
  })
})
