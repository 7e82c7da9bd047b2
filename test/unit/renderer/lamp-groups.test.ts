import { describe, expect, it } from 'vitest'
import type { LiveExtension } from '../../../src-preload/types/live'
import { seatLampsSchema, type SeatLamps } from '../../../src-preload/types/settings'
import {
  addToGroup,
  createGroup,
  deleteGroup,
  groupNameProblem,
  lampCallEntries,
  lampsShown,
  moveGroup,
  moveInGroup,
  removeFromGroup,
  renameGroup,
  startingLamps,
  stepGroup,
  type LampSeat,
  type LampsChange,
} from '../../../src-renderer/src/features/calls/blf-model'

const ext = (id: string, state: LiveExtension['state'] = 'NOT_INUSE'): LiveExtension => ({
  id,
  context: 'from-internal',
  hint: `PJSIP/${id}`,
  state,
  statusText: '',
  callIds: [],
})
const extensions = Object.fromEntries(['101', '105', '110', '99', '*97'].map((id) => [id, ext(id)]))

function ok(change: LampsChange): SeatLamps {
  if (!change.ok) throw new Error(change.problem)
  // Whatever the model makes, main's schema takes.
  expect(seatLampsSchema.safeParse(change.lamps).success).toBe(true)
  return change.lamps
}

describe('lamp groups', () => {
  it('All shows every numbered extension by number; a group its own, in the order arranged', () => {
    expect(lampsShown(extensions, undefined, '').map((e) => e.id)).toEqual(['99', '101', '105', '110'])
    let lamps = ok(createGroup(startingLamps(), ' Sales '))
    expect(lamps.shown).toBe('Sales')
    lamps = ok(addToGroup(lamps, 'Sales', '110'))
    lamps = ok(addToGroup(lamps, 'Sales', '101'))
    // An extension the PBX no longer has stays in the group, unshown.
    lamps = ok(addToGroup(lamps, 'Sales', '120'))
    const sales = lamps.groups.find((g) => g.name === 'Sales')
    expect(lampsShown(extensions, sales, '').map((e) => e.id)).toEqual(['110', '101'])
    expect(lampsShown(extensions, sales, '10').map((e) => e.id)).toEqual(['110', '101'])
    expect(lampsShown(extensions, sales, '11').map((e) => e.id)).toEqual(['110'])
    lamps = moveInGroup(lamps, 'Sales', '101', -1)
    expect(lamps.groups[1]?.extensions).toEqual(['101', '110', '120'])
    lamps = removeFromGroup(lamps, 'Sales', '110')
    expect(lamps.groups[1]?.extensions).toEqual(['101', '120'])
  })

  it('refuses a name that is empty, taken (in any case), too long or with control characters, and changes nothing', () => {
    expect(groupNameProblem(startingLamps(), '  ')).toBe('Give the group a name.')
    expect(createGroup(startingLamps(), 'favourites')).toEqual({ ok: false, problem: 'There is a group called favourites already.' })
    expect(groupNameProblem(startingLamps(), 'x'.repeat(41))).toMatch(/at most 40/)
    expect(groupNameProblem(startingLamps(), 'Sales\u202e')).toMatch(/control characters/)
    expect(addToGroup(startingLamps(), 'Favourites', '105').ok).toBe(true)
    const once = ok(addToGroup(startingLamps(), 'Favourites', '105'))
    expect(addToGroup(once, 'Favourites', '105')).toEqual({ ok: false, problem: '105 is in Favourites already.' })
    // Renaming to its own name in another case is allowed.
    expect(ok(renameGroup(startingLamps(), 'Favourites', 'FAVOURITES')).groups[0]?.name).toBe('FAVOURITES')
  })

  it('steps through All and the groups round the ends; renaming or deleting the shown group keeps the view sensible', () => {
    let lamps = ok(createGroup(startingLamps(), 'Sales'))
    lamps = ok(createGroup(lamps, 'Support'))
    expect(lamps.shown).toBe('Support')
    lamps = stepGroup(lamps, 1)
    expect(lamps.shown).toBeUndefined()
    lamps = stepGroup(lamps, 1)
    expect(lamps.shown).toBe('Favourites')
    lamps = stepGroup(stepGroup(lamps, -1), -1)
    expect(lamps.shown).toBe('Support')
    lamps = ok(renameGroup(lamps, 'Support', 'Service'))
    expect(lamps.shown).toBe('Service')
    lamps = moveGroup(lamps, 'Service', -1)
    expect(lamps.groups.map((g) => g.name)).toEqual(['Favourites', 'Service', 'Sales'])
    lamps = deleteGroup(lamps, 'Service')
    expect(lamps).toEqual({
      groups: [
        { name: 'Favourites', extensions: [] },
        { name: 'Sales', extensions: [] },
      ],
    })
  })
})

describe('a lamp’s call entries', () => {
  const seat: LampSeat = { role: 'receptionist', readOnly: false, ownExtension: '100', actionsOff: undefined }
  const selected = {
    caller: { name: 'Grace Hopper', number: '+4930777' },
    callee: { name: '', number: '104' },
    target: { kind: 'talking' as const, parties: [{ name: '', number: '104' }], since: 1 },
  }
  const offs = (entries: ReturnType<typeof lampCallEntries>): (string | undefined)[] => entries.map((e) => e.off)

  it('offers call, transfer and voicemail for the selected call, naming the caller', () => {
    const entries = lampCallEntries(ext('105'), seat, selected)
    expect(entries.map((e) => e.label)).toEqual(['Call 105', 'Transfer Grace Hopper here', 'Send Grace Hopper to the voicemail of 105'])
    expect(offs(entries)).toEqual([undefined, undefined, undefined])
  })

  it('greys what cannot be done, with the reason', () => {
    expect(offs(lampCallEntries(ext('105'), seat, undefined))).toEqual([
      undefined,
      'Select a call in the list first.',
      'Select a call in the list first.',
    ])
    expect(offs(lampCallEntries(ext('100'), seat, selected))[0]).toBe('This is your own phone.')
    expect(offs(lampCallEntries(ext('104'), seat, selected))[1]).toBe('Grace Hopper is with 104 already.')
    expect(offs(lampCallEntries(ext('106', 'UNAVAILABLE'), seat, selected))[1]).toMatch(/^106 is offline/)
    const readOnly = offs(lampCallEntries(ext('105'), { ...seat, readOnly: true }, selected))
    expect(new Set(readOnly)).toEqual(new Set(['This seat’s profile is read-only: it places and moves no calls.']))
    const stale = offs(lampCallEntries(ext('105'), { ...seat, actionsOff: 'Actions are off: PBX unreachable.' }, selected))
    expect(new Set(stale)).toEqual(new Set(['Actions are off: PBX unreachable.']))
  })
})
