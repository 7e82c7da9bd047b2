import { describe, expect, it } from 'vitest'
import { AmiError } from '../../../src-main/core/ami/errors'
import { AmiMessage, formatAction, formatMessage } from '../../../src-main/core/ami/message'

describe('AmiMessage', () => {
  const m = new AmiMessage(['Event', 'Uniqueid', 'ChanVariable', 'chanvariable'], ['Hangup', 'lab-1.0', 'A=1', 'B=x=y'])

  it('looks keys up case-insensitively and keeps their spelling', () => {
    expect(m.get('UniqueID')).toBe('lab-1.0')
    expect(m.get('missing')).toBeUndefined()
    expect(m.getAll('ChanVariable')).toEqual(['A=1', 'B=x=y'])
    expect(m.fields()[1]).toEqual(['Uniqueid', 'lab-1.0'])
    expect(m.event).toBe('Hangup')
    expect(m.toObject()).toEqual({ Event: 'Hangup', Uniqueid: 'lab-1.0', ChanVariable: ['A=1', 'B=x=y'] })
  })

  it('classifies by Event even when a Response key is present (OriginateResponse)', () => {
    const o = AmiMessage.from([
      ['Event', 'OriginateResponse'],
      ['Response', 'Success'],
    ])
    expect(o.event).toBe('OriginateResponse')
    expect(o.response).toBe('Success')
  })
})

describe('formatMessage / formatAction', () => {
  it('writes Key: Value CRLF lines and a blank line; arrays repeat the key', () => {
    expect(formatAction('Originate', { Channel: 'Local/100@lab', Variable: ['A=1', 'B=2'], Async: true, Timeout: 30000, Skip: undefined })).toBe(
      'Action: Originate\r\nChannel: Local/100@lab\r\nVariable: A=1\r\nVariable: B=2\r\nAsync: true\r\nTimeout: 30000\r\n\r\n',
    )
  })

  it.each([
    ['CR', 'x\ry'],
    ['LF', '100\r\n\r\nAction: Command'],
    ['bare LF', '100\nApplication: System'],
    ['NUL', 'a\0b'],
  ])('refuses a value with %s before anything is written', (_label, bad) => {
    expect(() => formatAction('Originate', { Exten: bad })).toThrow(AmiError)
    try {
      formatAction('Originate', { Exten: bad })
    } catch (err) {
      expect((err as AmiError).code).toBe('invalid_action')
      expect((err as AmiError).message).not.toContain(bad)
    }
  })

  it.each(['Bad Key', 'Key:', 'Ke\ny', '', 'Kéy', 'a_b'])('refuses key %j (not a token)', (key) => {
    expect(() => formatMessage([[key, 'v']])).toThrow(/not a token/)
  })

  it('never puts a secret into the error text', () => {
    const secret = 'hunter2\r\nAction: Command'
    expect(() => formatAction('Login', { Username: 'u', Secret: secret })).toThrow(/Secret/)
    try {
      formatAction('Login', { Username: 'u', Secret: secret })
    } catch (err) {
      expect((err as Error).message).not.toContain('hunter2')
    }
  })

  it('refuses a second Action key and lines over 1024 bytes', () => {
    expect(() => formatAction('Ping', { Action: 'Command' })).toThrow(/Action/)
    expect(() => formatAction('Setvar', { Value: 'é'.repeat(600) })).toThrow(/1024/)
    expect(formatAction('Setvar', { Value: 'x'.repeat(1000) })).toContain('x'.repeat(1000))
  })
})
