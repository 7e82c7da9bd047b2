/**
 * Voicemail: the mailboxes (new and old messages, the MWI device state), a caller leaving a
 * message (VoiceMail()), and someone listening to a mailbox (VoiceMailMain()), which marks its
 * messages as heard.
 */
import { type Channel, channelBlock } from '../model'
import { PRIV_CALL, PRIV_SYSTEM } from '../pbx/events'
import type { Pbx } from '../pbx/pbx'

/** One message in a box (what VoicemailBoxSummary lists of it). */
export interface DemoMessage {
  folder: 'INBOX' | 'Old'
  readonly callerNum: string
  readonly callerName: string
  /** Epoch ms on the PBX's clock. */
  readonly at: number
  readonly durationS: number
  /** `<epoch s>-<8 hex digits>` as app_voicemail's msg_id. */
  readonly id: string
}

export interface Mailbox {
  readonly mailbox: string
  newMessages: number
  oldMessages: number
  /** The messages the demo left (a box loaded with counts alone has none listed). */
  readonly messages: DemoMessage[]
}

export class Voicemail {
  /** By mailbox number (`101`). */
  readonly mailboxes = new Map<string, Mailbox>()
  /** The per-process part of a message id (app_voicemail's counter). */
  private sequence = 0

  constructor(private readonly pbx: Pbx) {}

  /** The configured mailboxes, empty, each with its `MWI:<box>@default` device. */
  load(): void {
    for (const mb of this.pbx.config.mailboxes) {
      this.mailboxes.set(mb, { mailbox: `${mb}@default`, newMessages: 0, oldMessages: 0, messages: [] })
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
        mb = { mailbox: `${box}@default`, newMessages: 0, oldMessages: 0, messages: [] }
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

  /**
   * VoiceMail(<box>@default,u) on the caller's channel, as voicemail.raw shows it: answered first
   * (Newexten Answer, Newstate Up), then Newexten VoiceMail; the caller speaks for a while and
   * hangs up; the saved message is VarSet VM_MESSAGEFILE, MessageWaiting with the channel's block,
   * VarSet VMSTATUS, then the hangup and the box's MWI device.
   */
  leaveMessage(ch: Channel, mailboxNum: string): void {
    const ev = this.pbx.channelEvents
    if (ch.state !== 6) {
      ev.newexten(ch, 'Answer', '', { priority: ch.priority + 1 })
      ev.setState(ch, 6)
    }
    ev.newexten(ch, 'VoiceMail', `${mailboxNum}@default,u`, { priority: ch.priority + 1 })
    // The box gets one more new message once the caller hangs up.
    const startedAt = this.pbx.now()
    this.pbx.channels.later(ch, this.pbx.rng.int(5_000, 25_000), () => {
      const mb = this.mailboxes.get(mailboxNum)
      if (mb) {
        // app_voicemail's next free message number in INBOX (msg0000, msg0001, …).
        const file = `/var/spool/asterisk/voicemail/default/${mailboxNum}/INBOX/msg${String(mb.newMessages).padStart(4, '0')}`
        ev.setVar(ch, 'VM_MESSAGEFILE', file)
        mb.newMessages++
        const at = this.pbx.now()
        mb.messages.push({
          folder: 'INBOX',
          callerNum: ch.callerNum,
          callerName: ch.callerName,
          at,
          durationS: Math.round((at - startedAt) / 1000),
          id: `${String(Math.floor(at / 1000))}-${(this.sequence++).toString(16).padStart(8, '0')}`,
        })
        this.pbx.events.emit('MessageWaiting', PRIV_CALL, [
          ...channelBlock(ch),
          ['Mailbox', mb.mailbox],
          ['Waiting', '1'],
          ['New', String(mb.newMessages)],
          ['Old', String(mb.oldMessages)],
        ])
        ev.setVar(ch, 'VMSTATUS', 'SUCCESS')
      }
      this.pbx.hangups.soft(ch, 16)
      if (mb) this.publishMwi(mb)
    })
  }

  /**
   * VoiceMailMain(<box>@<context>[,options]) on an answered channel (an Originate's Application,
   * the console's listen by phone): the phone hears each new message (a few seconds each), then
   * app_voicemail closes the box; the heard messages are Old, MessageWaiting says so and the
   * MWI device goes NOT_INUSE. A phone hung up before the end hears nothing new: they stay new.
   */
  listen(ch: Channel, data: string): void {
    const box = (data.split(',')[0] ?? '').split('@')[0] ?? ''
    const mb = this.mailboxes.get(box)
    if (mb === undefined) {
      // app_voicemail asks for a mailbox number the phone never types: the caller gives up.
      this.pbx.channels.later(ch, 10_000, () => {
        this.pbx.hangups.soft(ch, 16)
      })
      return
    }
    const seconds = 4 + 3 * mb.newMessages
    this.pbx.channels.later(ch, seconds * 1000, () => {
      this.markRead(box)
      this.pbx.hangups.soft(ch, 16)
    })
  }

  /** Every message of the box is heard: moved to Old. */
  markRead(mailboxNum: string): boolean {
    const mb = this.mailboxes.get(mailboxNum)
    if (!mb) return false
    mb.oldMessages += mb.newMessages
    mb.newMessages = 0
    for (const m of mb.messages) m.folder = 'Old'
    this.pbx.events.emit('MessageWaiting', PRIV_CALL, [
      ['Mailbox', mb.mailbox],
      ['Waiting', '0'],
      ['New', '0'],
      ['Old', String(mb.oldMessages)],
    ])
    this.publishMwi(mb)
    return true
  }

  /** The box's `MWI:<box>@<context>` device: INUSE while it holds new messages (voicemail.raw), published on a change. */
  private publishMwi(mb: Mailbox): void {
    const device = `MWI:${mb.mailbox}`
    const state = mb.newMessages > 0 ? 'INUSE' : 'NOT_INUSE'
    if (this.pbx.devices.states.get(device) !== state) this.pbx.devices.publish(device, state)
  }
}
