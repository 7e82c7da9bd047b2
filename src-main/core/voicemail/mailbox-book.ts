import type { ListResult } from '../ami/client'
import type { AmiFieldsInput, AmiMessage } from '../ami/message'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

/** One mailbox's counts as the PBX last told them. */
export interface MailboxCounts {
  readonly mailbox: string
  readonly context: string
  readonly fullName: string
  readonly newMessages: number
  readonly oldMessages: number
  readonly urgentMessages: number | undefined
  readonly since: number
}

export interface MailboxBookDeps {
  readonly onAmiEvent: (listener: (msg: AmiMessage) => void) => () => void
  readonly onAmiReady: (listener: () => void) => () => void
  readonly amiList: (name: string, fields?: AmiFieldsInput) => Promise<ListResult>
  readonly action: (name: string, fields?: AmiFieldsInput) => Promise<AmiMessage>
  readonly now: () => number
  readonly log?: (message: string, err?: unknown) => void
}

/** How many MailboxCount actions are in flight at once while the urgent counts are read. */
const COUNT_PARALLEL = 8

function count(value: string | undefined): number {
  const n = Number.parseInt(value ?? '', 10)
  return Number.isFinite(n) && n >= 0 ? n : 0
}

/** `101@default` → ['101', 'default']; a bare `101` is in `default`, as app_voicemail reads it. */
export function splitMailbox(id: string): [string, string] {
  const at = id.indexOf('@')
  return at < 0 ? [id, 'default'] : [id.slice(0, at), id.slice(at + 1)]
}

/**
 * The mailboxes of one PBX and their counts, from its AMI (apps/app_voicemail.c, as voicemail.raw
 * shows it): VoicemailUsersList at each login and after `Reload` of app_voicemail.so gives every
 * mailbox with its name and new/old counts; MailboxCount adds the urgent ones (UrgMessages);
 * MessageWaiting (Mailbox, New, Old) changes a box at once and its urgent count is asked again.
 * MWIGet is not asked: app_voicemail does not register it (voicemail.raw: "Invalid/unknown command").
 */
export class MailboxBook {
  private readonly boxes = new Map<string, MailboxCounts>()
  private readonly listeners = new Set<() => void>()
  private readonly offs: (() => void)[] = []
  private loadedOnce = false
  private problemText: string | undefined
  private generation = 0

  constructor(private readonly d: MailboxBookDeps) {
    this.offs.push(
      d.onAmiEvent((msg) => {
        this.onEvent(msg)
      }),
    )
    this.offs.push(d.onAmiReady(() => void this.reload()))
  }

  get loaded(): boolean {
    return this.loadedOnce
  }

  get problem(): string | undefined {
    return this.problemText
  }

  list(): readonly MailboxCounts[] {
    return [...this.boxes.values()].sort(
      (a, b) => a.mailbox.localeCompare(b.mailbox, undefined, { numeric: true }) || a.context.localeCompare(b.context),
    )
  }

  get(id: string): MailboxCounts | undefined {
    return this.boxes.get(id)
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Every mailbox again from VoicemailUsersList, then their urgent counts. */
  async reload(): Promise<void> {
    const generation = ++this.generation
    let list: ListResult
    try {
      list = await this.d.amiList('VoicemailUsersList')
    } catch (err) {
      if (generation !== this.generation) return
      this.problemText = t('notListed')
      this.d.log?.('voicemail: VoicemailUsersList failed', err)
      this.changed()
      return
    }
    if (generation !== this.generation) return
    const at = this.d.now()
    const next = new Map<string, MailboxCounts>()
    for (const e of list.events) {
      if (e.get('Event') !== 'VoicemailUserEntry') continue
      const mailbox = e.get('VoiceMailbox') ?? ''
      const context = e.get('VMContext') ?? 'default'
      if (mailbox === '') continue
      const id = `${mailbox}@${context}`
      const before = this.boxes.get(id)
      next.set(id, {
        mailbox,
        context,
        fullName: (e.get('Fullname') ?? '').trim(),
        newMessages: count(e.get('NewMessageCount')),
        oldMessages: count(e.get('OldMessageCount')),
        // No new message, no urgent one (app_voicemail counts urgent messages among the new).
        urgentMessages: count(e.get('NewMessageCount')) === 0 ? 0 : before?.urgentMessages,
        since: before?.since ?? at,
      })
    }
    this.boxes.clear()
    for (const [id, box] of next) this.boxes.set(id, box)
    this.loadedOnce = true
    this.problemText = undefined
    this.changed()
    // Urgent counts only where there are new messages: a PBX with thousands of mailboxes is not
    // asked thousands of MailboxCount actions at every login.
    const ids = [...next].filter(([, box]) => box.newMessages > 0).map(([id]) => id)
    for (let i = 0; i < ids.length; i += COUNT_PARALLEL) {
      if (generation !== this.generation) return
      await Promise.all(ids.slice(i, i + COUNT_PARALLEL).map((id) => this.readCount(id, false)))
    }
    this.changed()
  }

  dispose(): void {
    this.generation++
    for (const off of this.offs) off()
    this.offs.length = 0
    this.listeners.clear()
  }

  /** MailboxCount of one box: its urgent count (and new and old, which it also carries). */
  private async readCount(id: string, announce: boolean): Promise<void> {
    let reply: AmiMessage
    try {
      reply = await this.d.action('MailboxCount', [['Mailbox', id]])
    } catch (err) {
      this.d.log?.(`voicemail: MailboxCount ${id} failed`, err)
      return
    }
    const box = this.boxes.get(id)
    if (box === undefined) return
    const urgent = count(reply.get('UrgMessages'))
    const fresh = count(reply.get('NewMessages'))
    const old = count(reply.get('OldMessages'))
    if (box.urgentMessages === urgent && box.newMessages === fresh && box.oldMessages === old) return
    this.boxes.set(id, { ...box, urgentMessages: urgent, newMessages: fresh, oldMessages: old })
    if (announce) this.changed()
  }

  private onEvent(msg: AmiMessage): void {
    const event = msg.get('Event')
    if (event === 'Reload' && (msg.get('Module') ?? '').toLowerCase() === 'app_voicemail.so') {
      void this.reload()
      return
    }
    if (event !== 'MessageWaiting') return
    const raw = msg.get('Mailbox') ?? ''
    if (raw === '') return
    const [mailbox, context] = splitMailbox(raw)
    const id = `${mailbox}@${context}`
    const before = this.boxes.get(id)
    // New and Old are absent on the oldest Asterisks: Waiting alone then says whether any is new.
    const fresh = msg.has('New') ? count(msg.get('New')) : msg.get('Waiting') === '1' ? Math.max(1, before?.newMessages ?? 1) : 0
    const old = msg.has('Old') ? count(msg.get('Old')) : (before?.oldMessages ?? 0)
    this.boxes.set(id, {
      mailbox,
      context,
      fullName: before?.fullName ?? '',
      newMessages: fresh,
      oldMessages: old,
      urgentMessages: fresh === 0 ? 0 : before?.urgentMessages,
      since: this.d.now(),
    })
    this.changed()
    if (fresh > 0) void this.readCount(id, true)
  }

  private changed(): void {
    for (const l of this.listeners) l()
  }
}
