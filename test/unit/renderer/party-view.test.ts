/**
 * Call rows and lamps name an outside party from the phonebook when its caller ID has no name:
 * the caller of an inbound call (the call card's rule), the callee of an outgoing one; a name the
 * PBX sent is kept, the contact only noted; extensions keep the directory's names.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Contact, ContactPage } from '../../../src-preload/types/phonebook'
import { looksUp, partyView } from '../../../src-renderer/src/components/caller/party-view'
import { talkingTo } from '../../../src-renderer/src/features/calls/blf-model'
import type { PhonebookApi } from '../../../src-renderer/src/stores/phonebook-api'
import { setDirectoryForTest } from '../../../src-renderer/src/stores/directory-store'
import { setPhonebookApi, usePhonebookStore } from '../../../src-renderer/src/stores/phonebook-store'
import { liveCall } from '../../support/live-entities'

const DE = { country: '49', nationalPrefix: '0', internationalPrefix: '00' }
const eva: Contact = {
  id: '1',
  source: 'local',
  name: 'Eva Fischer',
  company: 'Fischer GmbH',
  notes: '',
  updatedAt: '2026-12-01T10:00:00.000Z',
  numbers: [{ label: 'work', number: '030 1234567', key: '+49301234567' }],
}

/** Main holding one contact, read by the store as the renderer reads it. */
function oneContactApi(): PhonebookApi {
  const unexpected = (): Promise<never> => Promise.reject(new Error('not in this test'))
  const page: ContactPage = { contacts: [eva], next: null, total: 1, revision: 1, plan: DE }
  return {
    page: () => Promise.resolve({ ok: true, value: page }),
    search: unexpected,
    save: unexpected,
    remove: unexpected,
    stage: unexpected,
    preview: unexpected,
    commit: unexpected,
    discard: unexpected,
    onChanged: () => () => undefined,
    onReopened: () => () => undefined,
  }
}

beforeEach(async () => {
  setDirectoryForTest({
    profileId: 'p',
    readAt: 1,
    sources: ['astdb'],
    entries: [{ extension: '105', name: 'Anna Berger', source: 'astdb', groups: [] }],
  })
  setPhonebookApi(oneContactApi())
  await usePhonebookStore.getState().load('p')
})

afterEach(() => {
  setPhonebookApi(null)
})

describe('parties on rows and lamps', () => {
  it('names a caller without a caller-ID name from the phonebook, marked as such; a PBX name is kept', () => {
    expect(partyView({ name: '', number: '0301234567' }, true)).toEqual({
      primary: 'Eva Fischer',
      secondary: '0301234567',
      note: 'Fischer GmbH · work · from phonebook',
      named: true,
    })
    expect(partyView({ name: 'FISCHER', number: '+49301234567' }, true)).toMatchObject({ primary: 'FISCHER', named: false })
    // Not asked: the number as the PBX gave it.
    expect(partyView({ name: '', number: '0301234567' }, false)).toEqual({ primary: '0301234567', secondary: '', note: '', named: false })
    expect(partyView({ name: '', number: '0309999999' }, true)).toMatchObject({ primary: '0309999999', named: false })
  })

  it('asks about the caller unless the call is outgoing, and about the callee of an outgoing call', () => {
    expect(looksUp(liveCall({ direction: 'inbound' }), 'caller')).toBe(true)
    expect(looksUp(liveCall({ direction: 'internal' }), 'caller')).toBe(true)
    expect(looksUp(liveCall({ direction: 'outbound' }), 'caller')).toBe(false)
    expect(looksUp(liveCall({ direction: 'outbound' }), 'callee')).toBe(true)
    expect(looksUp(liveCall({ direction: 'inbound' }), 'callee')).toBe(false)
  })

  it('a lamp names the outside party it talks to from the phonebook, and colleagues by the directory', () => {
    const inbound = liveCall({ id: 'in', direction: 'inbound', caller: { name: '', number: '0301234567' }, callee: { name: '', number: '105' } })
    const outbound = liveCall({ id: 'out', direction: 'outbound', caller: { name: '', number: '105' }, callee: { name: '', number: '030 1234567' } })
    const internal = liveCall({ id: 'int', direction: 'internal', caller: { name: '', number: '105' }, callee: { name: '', number: '106' } })
    const calls = new Map([inbound, outbound, internal].map((c) => [c.id, c]))
    expect(talkingTo({ id: '105', callIds: ['in'], callCount: 1 }, calls)).toBe('Eva Fischer')
    expect(talkingTo({ id: '105', callIds: ['out'], callCount: 1 }, calls)).toBe('Eva Fischer')
    expect(talkingTo({ id: '106', callIds: ['int'], callCount: 1 }, calls)).toBe('Anna Berger')
  })
})
