import { describe, expect, it } from 'vitest'
import { mailboxesMeaning, mailboxList } from '../../../src-renderer/src/features/admin/voicemail-access'

describe('the voicemail mailboxes field of the profile editor', () => {
  it('takes mailbox numbers as main’s profile schema does, duplicates dropped', () => {
    expect(mailboxList('104 105, 104')).toEqual({ ok: true, value: ['104', '105'] })
    expect(mailboxList('')).toEqual({ ok: true, value: [] })
    expect(mailboxList('123456789012345')).toEqual({ ok: true, value: ['123456789012345'] })
  })

  it('names the first mailbox it refuses, so nothing typed is lost silently', () => {
    expect(mailboxList('104, 10a, x')).toEqual({ ok: false, error: '“10a” is not a mailbox (1 to 15 digits)' })
    expect(mailboxList('104@default')).toEqual({ ok: false, error: '“104@default” is not a mailbox (1 to 15 digits)' })
    expect(mailboxList('1234567890123456')).toMatchObject({ ok: false })
  })

  it('says what the seat reaches for its role, as main decides it', () => {
    expect(mailboxesMeaning('receptionist', '100', [])).toBe('Nothing named: this seat reaches only its own mailbox (100).')
    expect(mailboxesMeaning('receptionist', '100', ['104'])).toBe('This seat reaches its own mailbox (100) and mailbox 104.')
    // Its own mailbox named again is not another one.
    expect(mailboxesMeaning('receptionist', '100', ['100', '104', '105'])).toBe('This seat reaches its own mailbox (100) and mailboxes 104, 105.')
    expect(mailboxesMeaning('receptionist', '', [])).toBe('Nothing named: this seat reaches only its own extension’s mailbox.')
    expect(mailboxesMeaning('supervisor', '100', ['104'])).toBe(
      'As a supervisor, this seat reaches every mailbox: the ones named here apply once the role is Receptionist.',
    )
    expect(mailboxesMeaning('admin', '100', [])).toMatch(/^As an admin, this seat reaches every mailbox/)
  })
})
