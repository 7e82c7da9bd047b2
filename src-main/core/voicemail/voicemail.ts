import { randomUUID } from 'node:crypto'
import type { ActionDone } from '../../../src-preload/types/actions'
import type { MailboxView, PlaybackAvailability, VoicemailMessages, VoicemailState } from '../../../src-preload/types/voicemail'
import { runGuarded, type Actor, type GuardDeps } from '../actions/guarded-run'
import type { AmiPort } from '../actions/pbx-port'
import type { ListResult } from '../ami/client'
import { isAmiError } from '../ami/errors'
import type { AmiFieldsInput, AmiMessage } from '../ami/message'
import { ApiFailure } from '../errors/api-failure'
import { authorizeIn } from '../guard'
import { say } from '../i18n'
import { messagesOf } from './box-summary'
import { MailboxBook, splitMailbox, type MailboxCounts } from './mailbox-book'
import { VOICEMAIL_POLICIES } from './policy'
import { outOfReachText, reaches } from './reach'
import { strings } from './strings'

const t = say(strings)

export interface VoicemailDeps extends GuardDeps {
  readonly ami: AmiPort
  readonly onAmiEvent: (listener: (msg: AmiMessage) => void) => () => void
  readonly onAmiReady: (listener: () => void) => () => void
  readonly amiList: (name: string, fields?: AmiFieldsInput) => Promise<ListResult>
  readonly now?: () => number
  readonly log?: (message: string, err?: unknown) => void
}

/**
 * No PBX interface gives a voicemail message's audio to the console: FreePBX's GraphQL and REST
 * voicemail routes only read and write a mailbox's settings (fetchVoiceMail, enableVoiceMail,
 * the password), ARI's stored recordings are its own recordings folder (never the voicemail
 * spool), and AMI lists messages (VoicemailBoxSummary) without their sound. Said so in the view.
 */
export function playback(): PlaybackAvailability {
  return { available: false, why: t('playbackWhy') }
}

/**
 * VoiceMailMain's data for a mailbox: `<box>@<context>,s`, the box and context as the PBX listed
 * them (never text from a window) and `s` so the phone is not asked for the mailbox's PIN: the
 * console has already decided this seat may listen.
 */
export function voiceMailMainData(box: Pick<MailboxCounts, 'mailbox' | 'context'>): string {
  if (!/^[0-9]{1,15}$/.test(box.mailbox) || !/^[A-Za-z0-9_-]{1,80}$/.test(box.context)) {
    throw new ApiFailure('refused', t('mailboxName'), { rule: 'mailbox_name' })
  }
  return `${box.mailbox}@${box.context},s`
}

function countsText(b: Pick<MailboxCounts, 'newMessages' | 'oldMessages'>): string {
  return `${String(b.newMessages)} new, ${String(b.oldMessages)} old`
}

/**
 * The voicemail of one PBX: each mailbox's counts for the lamps and the voicemail view (pushed to
 * the windows that watch), listening by phone through runGuarded (role, read-only, the mailboxes
 * this seat reaches, the dial budget, audit), and a mailbox's messages.
 */
export class Voicemail {
  private readonly book: MailboxBook
  private readonly watchers = new Map<string, (state: VoicemailState) => void>()
  private readonly now: () => number
  private pending: NodeJS.Timeout | undefined

  constructor(private readonly d: VoicemailDeps) {
    this.now = d.now ?? Date.now
    this.book = new MailboxBook({
      onAmiEvent: d.onAmiEvent,
      onAmiReady: d.onAmiReady,
      amiList: d.amiList,
      action: (name, fields) => d.ami.action(name, fields),
      now: this.now,
      ...(d.log === undefined ? {} : { log: d.log }),
    })
    this.book.subscribe(() => {
      this.schedulePublish()
    })
    void this.book.reload()
  }

  watch(clientId: string, send: (state: VoicemailState) => void): VoicemailState {
    this.watchers.set(clientId, send)
    return this.view()
  }

  unwatch(clientId: string): void {
    this.watchers.delete(clientId)
  }

  view(): VoicemailState {
    const profile = this.d.profile()
    const listen = authorizeIn(VOICEMAIL_POLICIES, 'voicemail.listen', profile)
    const mailboxes: MailboxView[] = this.book.list().map((b) => ({
      id: `${b.mailbox}@${b.context}`,
      mailbox: b.mailbox,
      context: b.context,
      fullName: b.fullName,
      newMessages: b.newMessages,
      oldMessages: b.oldMessages,
      urgentMessages: b.urgentMessages,
      since: b.since,
      reachable: reaches(profile, b.mailbox),
    }))
    const problem = this.book.problem
    return {
      profileId: profile.id,
      mailboxes,
      loaded: this.book.loaded,
      ...(problem === undefined ? {} : { problem }),
      listen: listen.ok ? { allowed: true } : { allowed: false, refusal: listen.reason },
      playback: playback(),
    }
  }

  /** Rings the seat's own phone into VoiceMailMain for the mailbox. */
  listen(mailboxId: string, actor: Actor): Promise<ActionDone> {
    const profile = this.d.profile()
    const own = profile.operator.ownExtension
    const known = this.book.get(mailboxId)
    const target = known === undefined ? `mailbox ${mailboxId}` : `mailbox ${this.nameOf(known)} (${countsText(known)})`
    return runGuarded(this.d, VOICEMAIL_POLICIES, { action: 'voicemail.listen', target, actor, support: mailboxId }, async (scope) => {
      const box = this.reachable(mailboxId)
      const data = voiceMailMainData(box)
      scope.spendDialBudget()
      const channelId = randomUUID()
      scope.expect({ kind: 'appeared', channelId })
      const p = this.d.profile()
      const handle = await this.d.ami.originate([
        ['Channel', p.originate.channelTemplate.replace('{ext}', own)],
        ['Application', 'VoiceMailMain'],
        ['Data', data],
        ['CallerID', `Voicemail ${box.mailbox} <${box.mailbox}>`],
        ['ChannelId', channelId],
      ])
      return {
        message: t('rings', { own, name: this.nameOf(box), newCount: String(box.newMessages), oldCount: String(box.oldMessages) }),
        ref: handle.channelId,
        note: `VoiceMailMain ${data}`,
      }
    })
  }

  /** The messages of a mailbox (VoicemailBoxSummary), audited like every read of someone's voicemail. */
  async messages(mailboxId: string, actor: Actor): Promise<VoicemailMessages> {
    let result: VoicemailMessages | undefined
    const known = this.book.get(mailboxId)
    const target = known === undefined ? `mailbox ${mailboxId}` : `mailbox ${this.nameOf(known)}`
    await runGuarded(this.d, VOICEMAIL_POLICIES, { action: 'voicemail.messages', target, actor, support: mailboxId }, async () => {
      const box = this.reachable(mailboxId)
      let list: ListResult
      try {
        list = await this.d.amiList('VoicemailBoxSummary', [
          ['Context', box.context],
          ['Mailbox', box.mailbox],
        ])
      } catch (err) {
        if (isAmiError(err) && err.code === 'action_error' && /unknown command/i.test(err.response?.get('Message') ?? err.message)) {
          throw new ApiFailure('pbx_error', t('noBoxSummary'), {
            rule: 'ami_unsupported',
          })
        }
        throw err
      }
      result = { mailbox: mailboxId, messages: messagesOf(list.events), playback: playback() }
      return { message: t('messages', { count: result.messages.length }), note: `${String(result.messages.length)} listed` }
    })
    if (result === undefined) throw new ApiFailure('internal', t('notRead'))
    return result
  }

  dispose(): void {
    clearTimeout(this.pending)
    this.watchers.clear()
    this.book.dispose()
  }

  /** A mailbox the PBX listed and this seat reaches, or the refusal in words. */
  private reachable(mailboxId: string): MailboxCounts {
    const profile = this.d.profile()
    const [mailbox] = splitMailbox(mailboxId)
    if (!reaches(profile, mailbox)) throw new ApiFailure('refused', outOfReachText(profile), { rule: 'voicemail_scope' })
    if (!this.book.loaded) throw new ApiFailure('unavailable', t('notLoaded'))
    const box = this.book.get(mailboxId)
    if (box === undefined) throw new ApiFailure('not_found', t('noMailbox', { mailbox: mailboxId }))
    return box
  }

  private nameOf(box: Pick<MailboxCounts, 'mailbox' | 'fullName'>): string {
    return box.fullName === '' ? box.mailbox : `${box.fullName} (${box.mailbox})`
  }

  /** Pushed at most every 100 ms: a reload's burst of MailboxCount answers becomes one push. */
  private schedulePublish(): void {
    if (this.pending !== undefined || this.watchers.size === 0) return
    this.pending = setTimeout(() => {
      this.pending = undefined
      const state = this.view()
      for (const send of this.watchers.values()) send(state)
    }, 100)
    this.pending.unref()
  }
}
