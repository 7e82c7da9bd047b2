/**
 * The renderer's directory: search by name, number or department with accents folded and
 * name-word matches first; parties named where the PBX left an extension bare or gave only an
 * identifier; the filters of the calls list and the lamps finding people by name.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import type { DirectoryEntry } from '../../../src-preload/types/directory'
import type { LiveCall } from '../../../src-preload/types/live'
import { lampsShown } from '../../../src-renderer/src/features/calls/blf-model'
import { partyText, viaText } from '../../../src-renderer/src/features/calls/call-model'
import { visibleCalls } from '../../../src-renderer/src/live/call-list'
import { partyLabel } from '../../../src-renderer/src/live/format'
import { labelOf, namedParty, searchDirectory, setDirectoryForTest, spokenOf } from '../../../src-renderer/src/stores/directory-store'
import { liveCall } from '../../support/live-entities'

const entry = (extension: string, name: string, more: Partial<DirectoryEntry> = {}): DirectoryEntry => ({
  extension,
  name,
  source: 'astdb',
  groups: [],
  ...more,
})

beforeEach(() => {
  setDirectoryForTest({
    profileId: 'p',
    readAt: 1,
    sources: ['astdb'],
    entries: [
      entry('100', 'Reception'),
      entry('105', 'Eva Fischer', { groups: ['support'] }),
      entry('106', 'Farid Gül', { groups: ['sales'] }),
      entry('150', 'Steven Evans', { department: 'Accounts' }),
      entry('200', ''),
      entry('1105', 'Jonas Keller'),
    ],
  })
})

describe('searchDirectory', () => {
  const found = (q: string): string[] => searchDirectory(q).map((e) => e.extension)

  it('a name word starting with the query comes before a name merely containing it', () => {
    // "eva": Eva Fischer's first name starts with it; Steven Evans' surname too; neither merely contains it.
    expect(found('eva')).toEqual(['105', '150'])
    expect(found('ev')).toEqual(['105', '150'])
    expect(found('ischer')).toEqual(['105'])
  })

  it('accents are folded both ways: "gul" finds Farid Gül, "gül" too', () => {
    expect(found('gul')).toEqual(['106'])
    expect(found('GÜL')).toEqual(['106'])
  })

  it('the number: extensions starting with the digits before those only containing them', () => {
    expect(found('105')).toEqual(['105', '1105'])
    expect(found('10')).toEqual(['100', '105', '106', '1105'])
  })

  it('every typed word must match; a department or queue finds its people', () => {
    expect(found('eva fi')).toEqual(['105'])
    expect(found('eva zz')).toEqual([])
    expect(found('sales')).toEqual(['106'])
    expect(found('accounts')).toEqual(['150'])
  })

  it('nothing typed is nothing found, and the limit holds', () => {
    expect(found('  ')).toEqual([])
    expect(searchDirectory('1', 2)).toHaveLength(2)
  })
})

describe('parties named from the directory', () => {
  it('an extension left bare, or named only by an identifier, gets its name', () => {
    expect(namedParty({ name: '', number: '105' })).toEqual({ name: 'Eva Fischer', number: '105' })
    expect(namedParty({ name: '105', number: '105' })).toEqual({ name: 'Eva Fischer', number: '105' })
    expect(namedParty({ name: 'PJSIP/106', number: '' })).toEqual({ name: 'Farid Gül', number: '106' })
    expect(namedParty({ name: 'PJSIP_106', number: '106' })).toEqual({ name: 'Farid Gül', number: '106' })
    expect(namedParty({ name: '', number: 'PJSIP/106-0000002a' })).toEqual({ name: 'Farid Gül', number: '106' })
    expect(namedParty({ name: '<unknown>', number: 'Local/105@from-queue/n' })).toEqual({ name: 'Eva Fischer', number: '105' })
    expect(namedParty({ name: '', number: '*105' })).toEqual({ name: 'Voicemail of Eva Fischer', number: '105' })
  })

  it('what the PBX said is kept: a caller’s own name, outside numbers, unknown extensions (shown bare, never as PJSIP/…)', () => {
    expect(namedParty({ name: 'Eva (mobile)', number: '105' })).toEqual({ name: 'Eva (mobile)', number: '105' })
    expect(namedParty({ name: '', number: '+4930123456' })).toEqual({ name: '', number: '+4930123456' })
    expect(namedParty({ name: 'PJSIP/177', number: '' })).toEqual({ name: '', number: '' })
    expect(namedParty({ name: '', number: 'PJSIP/177' })).toEqual({ name: '', number: '177' })
    expect(namedParty({ name: '', number: '200' })).toEqual({ name: '', number: '200' })
  })

  it('rows, cards and toasts word them', () => {
    expect(partyLabel({ name: '', number: '105' })).toEqual({ primary: 'Eva Fischer', secondary: '105' })
    expect(partyText({ name: 'PJSIP/106', number: '106' })).toBe('106 Farid Gül')
    expect(labelOf('105')).toBe('105 Eva Fischer')
    expect(spokenOf('106')).toBe('Farid Gül (106)')
    expect(spokenOf('200')).toBe('200')
    const c = liveCall({ caller: { name: 'X', number: '+49' }, callee: { name: '', number: '105' }, trunk: 'trunk' })
    expect(viaText(c)).toBe('Trunk')
  })
})

describe('filters find people by name', () => {
  const call = (id: string, over: Partial<LiveCall>): LiveCall =>
    liveCall({ id, caller: { name: 'Anna Außen', number: '+4989111222' }, callee: { name: '', number: '4930555000' }, channelIds: [id], ...over })

  it('the calls filter matches the directory’s name, queue and department of any extension on the call', () => {
    const calls = {
      a: call('a', { callee: { name: '', number: '105' }, target: { kind: 'talking', parties: [{ name: '', number: '105' }], since: 1 } }),
      b: call('b', { callee: { name: 'PJSIP/106', number: '106' } }),
      c: call('c', {}),
    }
    const ids = (q: string): string[] => visibleCalls({ calls }, q, 'started', false).map((c) => c.id)
    expect(ids('eva')).toEqual(['a'])
    expect(ids('gul')).toEqual(['b'])
    expect(ids('sales')).toEqual(['b'])
    expect(ids('außen')).toEqual(['a', 'b', 'c'])
    expect(ids('aussen')).toEqual([])
  })

  it('the lamp search matches name, number and department', () => {
    const ext = (id: string): { id: string; hint: string } => ({ id, hint: `PJSIP/${id}` })
    const lamps = { '100': ext('100'), '105': ext('105'), '106': ext('106'), '150': ext('150') }
    const shown = (q: string): string[] => lampsShown(lamps, undefined, q).map((e) => e.id)
    expect(shown('eva')).toEqual(['105', '150'])
    expect(shown('Gül')).toEqual(['106'])
    expect(shown('accounts')).toEqual(['150'])
    expect(shown('10')).toEqual(['100', '105', '106'])
  })
})
