// The mailboxes' counts read from real Asterisk 22.10.1 (voicemail.raw): the VoicemailUsersList
// answer, the MailboxCount answers and the MessageWaiting event of a message left, as the capture has them.
import { describe, expect, it } from 'vitest'
import type { AmiMessage } from '../../../src-main/core/ami/message'
import { parseAmiBytes } from '../../../src-main/core/ami/framing'
import { messagesOf, splitCallerId } from '../../../src-main/core/voicemail/box-summary'
import { MailboxBook } from '../../../src-main/core/voicemail/mailbox-book'
import { readCapture } from '../../support/captures'

const captured = parseAmiBytes(readCapture('voicemail')).messages
const byAction = (id: string): AmiMessage[] => captured.filter((m) => m.get('ActionID') === id)
const reply = (id: string): AmiMessage => {
  const found = byAction(id).find((m) => m.has('Response'))
  if (found === undefined) throw new Error(`no answer ${id} in voicemail.raw`)
  return found
}

function book(): { book: MailboxBook; emit: (m: AmiMessage) => void; asked: string[] } {
  let listener: ((m: AmiMessage) => void) | undefined
  let messageLeft = false
  const asked: string[] = []
  const b = new MailboxBook({
    onAmiEvent: (l) => {
      listener = l
      return () => undefined
    },
    onAmiReady: () => () => undefined,
    amiList: (name) => {
      expect(name).toBe('VoicemailUsersList')
      return Promise.resolve({ response: reply('vm-userslist'), events: byAction('vm-userslist').filter((m) => m.has('Event')) })
    },
    action: (name, fields) => {
      asked.push(`${name} ${String((fields as [string, string][])[0]?.[1])}`)
      // Once the message is left (MessageWaiting seen), 101 has one new: the capture's second MailboxCount.
      return Promise.resolve(reply(messageLeft ? 'vm-mailboxcount' : 'vm-mailboxcount-before'))
    },
    now: () => 1000,
  })
  return {
    book: b,
    emit: (m) => {
      if (m.get('Event') === 'MessageWaiting') messageLeft = true
      listener?.(m)
    },
    asked,
  }
}

describe('MailboxBook against voicemail.raw', () => {
  it('lists the six mailboxes with their names and counts, asks no urgent count of a box without new messages, and applies MessageWaiting at once', async () => {
    const { book: b, emit, asked } = book()
    await b.reload()
    expect(b.loaded).toBe(true)
    expect(
      b.list().map((m) => `${m.mailbox}@${m.context} ${m.fullName} ${String(m.newMessages)}/${String(m.oldMessages)}/${String(m.urgentMessages)}`),
    ).toEqual([
      '100@default Phone 100 0/0/0',
      '101@default Phone 101 0/0/0',
      '102@default Phone 102 0/0/0',
      '103@default Phone 103 0/0/0',
      '104@default Phone 104 0/0/0',
      '105@default Phone 105 0/0/0',
    ])
    // None has a new message, so none can hold an urgent one: no MailboxCount at login.
    expect(asked).toEqual([])
    const waiting = captured.find((m) => m.get('Event') === 'MessageWaiting' && m.get('Waiting') === '1')
    if (waiting === undefined) throw new Error('no MessageWaiting in voicemail.raw')
    emit(waiting)
    expect(b.get('101@default')).toMatchObject({ newMessages: 1, oldMessages: 0 })
    expect(asked.at(-1)).toBe('MailboxCount 101@default')
    await expect.poll(() => b.get('101@default')?.urgentMessages).toBe(0)
    expect(b.get('101@default')).toMatchObject({ newMessages: 1, oldMessages: 0 })
  })

  it('reads VoicemailBoxSummary’s message and splits caller IDs', () => {
    const listed = messagesOf(byAction('vm-boxsummary'))
    expect(listed).toEqual([
      {
        folder: 'INBOX',
        callerName: 'Customer 5550123',
        callerNumber: '5550123',
        date: 'Sun Dec 6 05:32:31 PM UTC 2026',
        durationSeconds: 4,
        urgent: false,
        id: '1796578351-00000000',
      },
    ])
    expect(splitCallerId('<5550123>')).toEqual({ name: '', number: '5550123' })
    expect(splitCallerId('5550123')).toEqual({ name: '', number: '5550123' })
    expect(splitCallerId('Unknown')).toEqual({ name: '', number: '' })
  })
})
