/**
 * Voicemail: the mailboxes (new and old messages, the MWI device state), a caller leaving a
 * message (VoiceMail()), and messages marked as heard.
 */
import type { Channel } from '../model'
import { PRIV_CALL, PRIV_SYSTEM } from '../pbx/events'
import type { Pbx } from '../pbx/pbx'

export interface Mailbox {
  readonly mailbox: string
  newMessages: number
  oldMessages: number
}

export class Voicemail {
  /** By mailbox number (`101`). */
  readonly mailboxes = new Map<string, Mailbox>()

  constructor(private readonly pbx: Pbx) {}

  /** The configured mailboxes, empty, each with its `MWI:<box>@default` device. */
  load(): void {
    for (const mb of this.pbx.config.mailboxes) {
      this.mailboxes.set(mb, { mailbox: `${mb}@default`, newMessages: 0, oldMessages: 0 })
      this.pbx.devices.states.set(`MWI:${mb}@default`, 'NOT_INUSE')
    }
  }

  reset(): void {
    this.mailboxes.clear()
  }

  /**
   * `voicemail reload` (enableVoiceMail/disableVoiceMail, Apply Config): as config-objects.raw shows,
   * every configured box announces its MessageWaiting, then Reload, then a new box's MWI device.
   * A removed box is gone (its MWI device too).
   */
  reload(): void {
    const configured = this.pbx.config.mailboxes
    const wanted = new Set(configured)
    for (const box of [...this.mailboxes.keys()]) {
      if (!wanted.has(box)) {
        this.mailboxes.delete(box)
        this.pbx.devices.states.delete(`MWI:${box}@default`)
      }
    }
    const added: string[] = []
    for (const box of configured) {
      let mb = this.mailboxes.get(box)
      if (mb === undefined) {
        mb = { mailbox: `${box}@default`, newMessages: 0, oldMessages: 0 }
        this.mailboxes.set(box, mb)
        added.push(box)
      }
      this.pbx.events.emit('MessageWaiting', PRIV_CALL, [
        ['Mailbox', mb.mailbox],
        ['Waiting', mb.newMessages > 0 ? '1' : '0'],
        ['New', String(mb.newMessages)],
        ['Old', String(mb.oldMessages)],
      ])
    }
    this.pbx.events.emit('Reload', PRIV_SYSTEM, [
      ['Module', 'app_voicemail.so'],
      ['Status', '0'],
    ])
    for (const box of added) this.pbx.devices.publish(`MWI:${box}@default`, 'NOT_INUSE')
  }

  /** VoiceMail(<box>@default,u): the caller leaves a message for a while, then hangs up. */
  leaveMessage(ch: Channel, mailboxNum: string): void {
    const ev = this.pbx.channelEvents
    ev.newexten(ch, 'VoiceMail', `${mailboxNum}@default,u`, { priority: ch.priority + 1 })
    if (ch.state !== 6) ev.setState(ch, 6)
    // The box gets one more new message once the caller hangs up.
    this.pbx.channels.later(ch, this.pbx.rng.int(5_000, 25_000), () => {
      const mb = this.mailboxes.get(mailboxNum)
      if (mb) {
        mb.newMessages++
        this.pbx.events.emit('MessageWaiting', PRIV_CALL, [
          ['Mailbox', mb.mailbox],
          ['Waiting', '1'],
          ['New', String(mb.newMessages)],
          ['Old', String(mb.oldMessages)],
        ])
      }
      this.pbx.hangups.soft(ch, 16)
    })
  }

  /** The console's "listened" action moves messages to Old. */
  markRead(mailboxNum: string): boolean {
    const mb = this.mailboxes.get(mailboxNum)
    if (!mb) return false
    mb.oldMessages += mb.newMessages
    mb.newMessages = 0
    this.pbx.events.emit('MessageWaiting', PRIV_CALL, [
      ['Mailbox', mb.mailbox],
      ['Waiting', '0'],
      ['New', '0'],
      ['Old', String(mb.oldMessages)],
    ])
    return true
  }
}
