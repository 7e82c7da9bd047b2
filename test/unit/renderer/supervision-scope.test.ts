import { describe, expect, it } from 'vitest'
import { extensionList, queueList, scopeMeaning } from '../../../src-renderer/src/features/admin/supervision-scope'

describe('the supervision scope fields of the profile editor', () => {
  it('takes queue names and extensions as main’s profile schema does, duplicates dropped', () => {
    expect(queueList('support, sales-2 support')).toEqual({ ok: true, value: ['support', 'sales-2'] })
    expect(extensionList('104 105, 104')).toEqual({ ok: true, value: ['104', '105'] })
    expect(extensionList('')).toEqual({ ok: true, value: [] })
  })

  it('names the first item it refuses, so nothing typed is lost silently', () => {
    expect(queueList('support, sales;drop')).toEqual({ ok: false, error: '“sales;drop” is not a queue name (letters, digits, _ . -)' })
    expect(extensionList('104, 10a')).toEqual({ ok: false, error: '“10a” is not an extension (1 to 10 digits)' })
    expect(extensionList('12345678901')).toMatchObject({ ok: false })
  })

  it('says what an empty scope means for each role: a supervisor nothing, an admin everything', () => {
    expect(scopeMeaning('supervisor', [], [])).toBe('Nothing named: as a supervisor, this seat may listen to and record no call.')
    expect(scopeMeaning('admin', [], [])).toBe('Nothing named: as an admin, this seat may listen to and record every call.')
    expect(scopeMeaning('receptionist', ['support'], [])).toMatch(/^A receptionist never listens in or records/)
    expect(scopeMeaning('supervisor', ['support'], ['104', '105'])).toBe('Only calls through queue support and calls on extensions 104, 105.')
    expect(scopeMeaning('admin', [], ['104'])).toBe('Only calls on extension 104 (an admin too, once any are named).')
  })
})
