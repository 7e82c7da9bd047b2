import { describe, expect, it } from 'vitest'
import { inEnglish } from '../../../src-preload/i18n/english'
import { strings as shortcutStrings } from '../../../src-preload/i18n/strings/shortcut'
import { acceleratorProblem } from '../../../src-preload/types/attention'
import { dialableNumber, parseClipboardNumber, parseDialLink, shownSource } from '../../../src-main/core/attention/dial-link'

const number = (link: string): string | undefined => {
  const r = parseDialLink(link)
  return r.ok ? r.number : undefined
}

describe('click-to-dial links', () => {
  it('reads tel: links as other applications write them', () => {
    expect(number('tel:+49%20171%201234567')).toBe('+491711234567')
    expect(number('tel:+49-30-123.456')).toBe('+4930123456')
    expect(number('TEL:(030)%20123%20456')).toBe('030123456')
    expect(number('tel:+49 (0) 30 1234 5678')).toBe('+493012345678')
    expect(number('tel:+1-201-555-0123;ext=1234')).toBe('+12015550123')
    expect(number('tel:7042;phone-context=example.com')).toBe('7042')
    expect(number('tel://0301234')).toBe('0301234')
    expect(number('tel:*97')).toBe('*97')
  })

  it('takes the user part of sip: and sips: links, and callto: with or without //', () => {
    expect(parseDialLink('sip:105@pbx')).toEqual({ ok: true, number: '105', source: 'sip' })
    expect(number('sip:+4930123456@pbx.example.com;user=phone')).toBe('+4930123456')
    expect(number('sips:0301234:secret@pbx.example.com')).toBe('0301234')
    expect(parseDialLink('callto://+4930123456')).toEqual({ ok: true, number: '+4930123456', source: 'callto' })
    expect(number('callto:030%2F123456')).toBe('030123456')
  })

  it('refuses junk with a reason the operator can read', () => {
    const refusals: [string, RegExp][] = [
      ['sip:alice@example.com', /“alice”, not a phone number/],
      ['callto://skype.name', /not a phone number/],
      ['tel:', /names nothing/],
      ['tel:+49+30', /not a phone number/],
      ['tel:12a34', /not a phone number/],
      ['tel:%E0%A4%A', /garbled/],
      ['tel:123%0A456', /control characters/],
      ['tel:123%E2%80%AE456', /hidden marks/],
      ['javascript:alert(1)', /only tel:, sip: and callto:/],
      ['https://evil.example/tel:123', /only tel:, sip: and callto:/],
      ['file:///etc/passwd', /only tel:, sip: and callto:/],
      ['123456', /only tel:, sip: and callto:/],
      [`tel:${'1'.repeat(600)}`, /too long/],
      [`tel:${'1'.repeat(40)}`, /not a phone number/],
    ]
    for (const [link, reason] of refusals) {
      const r = parseDialLink(link)
      expect(r.ok, link).toBe(false)
      if (!r.ok) expect(r.reason, link).toMatch(reason)
    }
  })

  it('finds the one number in clipboard text, and refuses none or several', () => {
    expect(parseClipboardNumber('  +49 171 1234567\n')).toEqual({ ok: true, number: '+491711234567', source: 'clipboard' })
    expect(parseClipboardNumber('Tel.: (030) 123-456')).toEqual({ ok: true, number: '030123456', source: 'clipboard' })
    expect(parseClipboardNumber('tel:+4930123')).toEqual({ ok: true, number: '+4930123', source: 'clipboard' })
    expect(parseClipboardNumber('Call 105 please')).toEqual({ ok: true, number: '105', source: 'clipboard' })
    const bad: [string, RegExp][] = [
      ['', /empty/],
      ['hello there', /no phone number/],
      ['030 1234 or 030 5678', /2 numbers/],
      ['x'.repeat(300), /long text/],
      ['sip:bob@example.com', /not a phone number/],
      ['030\u202e1234', /hidden marks/],
    ]
    for (const [text, reason] of bad) {
      const r = parseClipboardNumber(text)
      expect(r.ok, text).toBe(false)
      if (!r.ok) expect(r.reason, text).toMatch(reason)
    }
  })

  it('compacts written numbers and shows their source on one short line', () => {
    expect(dialableNumber('+44 (0)20 7946 0958')).toBe('+442079460958')
    expect(dialableNumber('0 (30) 12')).toBe('03012')
    expect(dialableNumber('#')).toBeUndefined()
    expect(shownSource('tel:123\n\u202eevil')).toBe('tel:123 evil')
    expect(shownSource(`tel:${'9'.repeat(200)}`)).toHaveLength(80)
  })
})

describe('the dial shortcut', () => {
  const english = inEnglish(shortcutStrings)
  it('accepts accelerators with a real modifier, and says what is wrong with others', () => {
    for (const ok of ['CommandOrControl+Alt+D', 'Ctrl+Shift+9', 'Alt+F5', 'Super+K', '']) expect(acceleratorProblem(ok, english), ok).toBeUndefined()
    expect(acceleratorProblem('D', english)).toMatch(/Add Control, Alt/)
    expect(acceleratorProblem('Shift+D', english)).toMatch(/Add Control, Alt/)
    expect(acceleratorProblem('Ctrl+Hyper+D', english)).toMatch(/Use only/)
    expect(acceleratorProblem('Ctrl+Ctrl+D', english)).toMatch(/twice/)
    expect(acceleratorProblem('Ctrl+Enter', english)).toMatch(/letter, a digit or F1-F24/)
    expect(acceleratorProblem('Ctrl+F25', english)).toMatch(/letter, a digit or F1-F24/)
  })
})
