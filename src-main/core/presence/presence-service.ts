import type { ActionDone } from '../../../src-preload/types/actions'
import type { DayNightMode, ForwardKind, NoteStatus, PresenceChange, PresenceSnapshot, PresenceSource } from '../../../src-preload/types/presence'
import { runGuarded, type Actor, type Attempt, type BodyResult, type GuardDeps } from '../actions/guarded-run'
import type { AmiPort } from '../actions/pbx-port'
import { AmiError } from '../ami/errors'
import type { ListResult } from '../ami/client'
import type { AmiFieldsInput, AmiMessage } from '../ami/message'
import { ApiFailure } from '../errors/api-failure'
import { judgeDestination } from '../guard'
import type { LiveModel } from '../live'
import { PresenceBook } from './presence-book'
import { PRESENCE_POLICIES, type PresenceAction } from './policy'
import {
  FORWARD_FAMILY,
  dayNightDeviceIndex,
  dayNightFrom,
  dndDeviceExtension,
  dndFrom,
  dndOfDeviceState,
  forwardsFrom,
  modeOfDeviceState,
  noteFrom,
  presenceValue,
  treeEntries,
  type PresenceReading,
} from './reading'
import { extensionStateName } from '../live/reduce'
import { say } from '../i18n'
import { strings } from './strings'
import { strings as callFlowStrings } from '../../../src-preload/i18n/strings/call-flow'
import { callFlowWords } from '../../../src-preload/types/config'

const t = say(strings)
const flowWords = say(callFlowStrings)

/**
 * How often AstDB is read. FreePBX and the phones write DND, forwarding and day/night there
 * without any event (astdb-presence.raw), so reading is the only way to see a forward set with
 * *72 at a phone. A read is five small DBGetTree lists and a PresenceStateList (a few hundred
 * bytes on a quiet office PBX), so every 10 s costs the PBX nothing worth measuring, and a change
 * made at a phone shows within 10 s. DND and day/night switched by feature code also change a
 * custom device state, and presence notes are presence state: those events are applied at once.
 */
export const PRESENCE_POLL_MS = 10_000

/** How long a batch of changes waits before it is sent (one message per burst, not per event). */
const FLUSH_MS = 50

export interface PresenceServiceDeps extends GuardDeps {
  readonly ami: AmiPort
  /** An EventList action (DBGetTree, PresenceStateList) on the session's AMI client. */
  readonly amiList: (name: string, fields?: AmiFieldsInput) => Promise<ListResult>
  /** Every unsolicited AMI event of the runtime; returns the unsubscribe. */
  readonly onAmiEvent: (listener: (msg: AmiMessage) => void) => () => void
  /** Each AMI login (first and every reconnect); returns the unsubscribe. */
  readonly onAmiReady: (listener: () => void) => () => void
  readonly amiReady: () => boolean
  /** The live state as now (the lamps' states, the known extensions); undefined until loaded. */
  readonly liveModel: () => LiveModel | undefined
  readonly now?: () => number
  readonly pollEveryMs?: number
  readonly log?: (message: string, err?: unknown) => void
}

/**
 * Presence of one PBX: DND, forwarding, notes, the lamps' time in state and the day/night
 * toggles, read (AstDB, polled) and followed (device and presence state events), and set by the
 * operator through the guarded path (authorised, judged, audited). Listeners get what changed.
 */
export class PresenceService {
  private readonly book: PresenceBook
  private readonly listeners = new Set<(change: PresenceChange) => void>()
  private readonly unsubscribe: (() => void)[]
  private timer: NodeJS.Timeout | undefined
  private flushTimer: NodeJS.Timeout | undefined
  private reading: Promise<void> | undefined
  /** When the operator last wrote each extension (a read that began before it is older news). */
  private readonly writtenAt = new Map<string, number>()
  private disposed = false

  constructor(private readonly d: PresenceServiceDeps) {
    this.book = new PresenceBook(d.profile().id, this.pollEveryMs)
    this.unsubscribe = [
      d.onAmiEvent((msg) => {
        this.onEvent(msg)
      }),
      // After a reconnect AstDB may have changed unseen: read it at once, not at the next tick.
      d.onAmiReady(() => void this.read()),
    ]
    this.timer = setInterval(() => void this.read(), this.pollEveryMs)
    this.timer.unref()
    void this.read()
  }

  private get pollEveryMs(): number {
    return this.d.pollEveryMs ?? PRESENCE_POLL_MS
  }

  private now(): number {
    return (this.d.now ?? Date.now)()
  }

  dispose(): void {
    this.disposed = true
    clearInterval(this.timer)
    clearTimeout(this.flushTimer)
    for (const off of this.unsubscribe) off()
    this.listeners.clear()
  }

  /** What is known now; a first read is awaited (briefly) so a window does not start empty. */
  async list(): Promise<PresenceSnapshot> {
    if (!this.book.hasRead && this.d.amiReady()) await this.read()
    return this.book.snapshot()
  }

  /** Changes from now on; returns the unsubscribe. */
  onChange(listener: (change: PresenceChange) => void): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  /** One complete read of AstDB and the presence states (never two at once). */
  read(): Promise<void> {
    this.reading ??= this.readOnce().finally(() => {
      this.reading = undefined
    })
    return this.reading
  }

  private async readOnce(): Promise<void> {
    if (this.disposed || !this.d.amiReady()) return
    const began = this.now()
    try {
      const tree = async (family: string): Promise<Map<string, string>> =>
        treeEntries(family, (await this.d.amiList('DBGetTree', [['Family', family]])).events)
      const dnd = await tree('DND')
      const cf = await tree(FORWARD_FAMILY.unconditional)
      const cfb = await tree(FORWARD_FAMILY.busy)
      const cfu = await tree(FORWARD_FAMILY.noAnswer)
      const daynight = await tree('DAYNIGHT')
      const states = await this.d.amiList('PresenceStateList')
      const notes = new Map<string, ReturnType<typeof noteFrom> & object>()
      for (const item of states.events) {
        const n = noteFrom(item)
        if (n !== undefined) notes.set(n.extension, n)
      }
      const source = await this.sourceOf(dnd.size + cf.size + cfb.size + cfu.size + daynight.size > 0)
      const reading: PresenceReading = {
        dnd: dndFrom(dnd),
        forward: { unconditional: forwardsFrom(cf), busy: forwardsFrom(cfb), noAnswer: forwardsFrom(cfu) },
        daynight: dayNightFrom(daynight),
        notes: new Map([...notes].map(([ext, n]) => [ext, n.note])),
      }
      this.book.applyReading(reading, source, this.now(), (ext) => (this.writtenAt.get(ext) ?? -Infinity) >= began)
      this.lampsFromLive()
    } catch (err) {
      this.book.readFailed(readProblem(err))
    }
    this.scheduleFlush()
  }

  /**
   * FreePBX keeps every extension under AMPUSER and its features in AstDB; a profile with the
   * FreePBX API is FreePBX. Plain Asterisk has neither: DND is its presence state there.
   */
  private async sourceOf(foundFreepbxKeys: boolean): Promise<PresenceSource> {
    if (foundFreepbxKeys || this.d.profile().freepbx.enabled) return 'freepbx'
    if (this.book.currentSource !== 'unknown') return this.book.currentSource
    const own = this.d.profile().operator.ownExtension
    const mine = await this.d.amiList('DBGetTree', [
      ['Family', 'AMPUSER'],
      ['Key', own],
    ])
    return mine.events.some((e) => e.event === 'DBGetTreeResponse') ? 'freepbx' : 'asterisk'
  }

  /** Lamps the live state shows that no ExtensionStatus told of yet: known since connect, not exactly. */
  private lampsFromLive(): void {
    const model = this.d.liveModel()
    if (model === undefined) return
    const now = this.now()
    for (const ext of Object.values(model.extensions)) {
      if (!this.book.knowsLamp(ext.id)) this.book.lamp(ext.id, ext.state, now, false)
    }
  }

  private onEvent(msg: AmiMessage): void {
    const now = this.now()
    switch (msg.event) {
      case 'DeviceStateChange': {
        const device = msg.get('Device')
        const dndExt = dndDeviceExtension(device)
        const on = dndOfDeviceState(msg.get('State'))
        if (dndExt !== undefined && on !== undefined && this.book.currentSource !== 'asterisk') this.book.setDnd(dndExt, on, now)
        const index = dayNightDeviceIndex(device)
        const mode = modeOfDeviceState(msg.get('State'))
        if (index !== undefined && mode !== undefined) this.book.setToggle(index, mode, now)
        break
      }
      case 'PresenceStateChange': {
        const n = noteFrom(msg)
        if (n !== undefined) this.book.setNote(n.extension, n.note, now)
        break
      }
      case 'ExtensionStatus': {
        const ext = msg.get('Exten') ?? ''
        const status = Number(msg.get('Status'))
        if (/^[0-9]{1,10}$/.test(ext) && Number.isFinite(status)) this.book.lamp(ext, extensionStateName(status), now, true)
        break
      }
      default:
        return
    }
    this.scheduleFlush()
  }

  private scheduleFlush(): void {
    if (this.flushTimer !== undefined || this.disposed) return
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined
      const change = this.book.takeChange()
      if (change === undefined) return
      for (const l of this.listeners) {
        try {
          l(change)
        } catch (err) {
          this.d.log?.('a presence listener failed', err)
        }
      }
    }, FLUSH_MS)
    this.flushTimer.unref()
  }

  // ---- operator actions -------------------------------------------------------------------

  setDnd(extension: string, on: boolean, actor: Actor): Promise<ActionDone> {
    const target = `${on ? 'Do not disturb on' : 'Do not disturb off'} for ${extension}`
    return this.run({ action: 'presence.dnd.set', target, actor }, async () => {
      this.knownExtension(extension)
      if (this.book.currentSource === 'asterisk') {
        const note = this.book.factsOf(extension).note
        await this.setvar(`PRESENCE_STATE(CustomPresence:${extension})`, presenceValue(on ? 'dnd' : 'available', note?.message ?? ''))
        this.wrote(extension)
        this.book.setNote(extension, { status: on ? 'dnd' : 'available', subtype: '', message: note?.message ?? '' }, this.now())
      } else {
        // As FreePBX's *76 does: the AstDB key, and the custom device state every DND hint follows.
        if (on) await this.dbPut('DND', extension, 'YES')
        else await this.dbDelIfThere('DND', extension)
        this.wrote(extension)
        await this.setvar(`DEVICE_STATE(Custom:DND${extension})`, on ? 'BUSY' : 'NOT_INUSE')
        this.book.setDnd(extension, on, this.now())
      }
      this.scheduleFlush()
      return { message: t(on ? 'dndOn' : 'dndOff', { extension }) }
    })
  }

  setForward(extension: string, kind: ForwardKind, typed: string | null, actor: Actor): Promise<ActionDone> {
    const words = FORWARD_WORDS[kind]
    const target = typed === null ? `${words} forward of ${extension} off` : `${words} forward of ${extension} → ${typed}`
    return this.run({ action: 'presence.forward.set', target, actor }, async () => {
      this.knownExtension(extension)
      if (this.book.currentSource === 'asterisk') {
        throw new ApiFailure('refused', t('noFreePbx'), {
          rule: 'forwarding_unsupported',
        })
      }
      const family = FORWARD_FAMILY[kind]
      if (typed === null) {
        await this.dbDelIfThere(family, extension)
        this.wrote(extension)
        this.book.setForward(extension, kind, undefined, this.now())
        this.scheduleFlush()
        return { message: t(`off.${kind}`, { extension }) }
      }
      const digits = this.judgeForward(extension, typed)
      await this.dbPut(family, extension, digits)
      this.wrote(extension)
      this.book.setForward(extension, kind, digits, this.now())
      this.scheduleFlush()
      return { message: t(`on.${kind}`, { extension, number: digits }), note: digits === typed ? undefined : `stored ${digits}` }
    })
  }

  setNote(extension: string, status: NoteStatus, message: string, actor: Actor): Promise<ActionDone> {
    const target = message === '' ? `Presence of ${extension}: ${status}` : `Presence of ${extension}: ${status} “${message}”`
    return this.run({ action: 'presence.note.set', target, actor }, async () => {
      this.knownExtension(extension)
      if (Buffer.byteLength(message, 'utf8') > 255) throw new ApiFailure('refused', t('noteTooLong'), { rule: 'too_long' })
      await this.setvar(`PRESENCE_STATE(CustomPresence:${extension})`, presenceValue(status, message))
      this.wrote(extension)
      this.book.setNote(extension, { status, subtype: '', message }, this.now())
      this.scheduleFlush()
      return { message: message === '' ? t('noteCleared', { extension }) : t('note', { extension, note: message }) }
    })
  }

  setDayNight(index: string, mode: DayNightMode, actor: Actor): Promise<ActionDone> {
    const name = this.book.toggleName(index)
    const target = `${name} (*28${index}) → ${mode === 'day' ? 'day' : 'night'} mode`
    return this.run({ action: 'daynight.set', target, actor }, async () => {
      if (!this.book.hasRead) await this.read()
      if (!this.book.hasToggle(index)) throw new ApiFailure('not_found', t('noToggle', { index }), { rule: 'unknown_toggle' })
      // As FreePBX's daynight module does: the AstDB key the dialplan reads, and the toggle's lamp.
      await this.dbPut('DAYNIGHT', `C${index}`, mode === 'day' ? 'DAY' : 'NIGHT')
      await this.setvar(`DEVICE_STATE(Custom:DAYNIGHT${index})`, mode === 'day' ? 'NOT_INUSE' : 'INUSE')
      this.book.setToggle(index, mode, this.now())
      this.scheduleFlush()
      // The audit's target keeps the English name; the person reads it in the console's language.
      return { message: t(mode === 'day' ? 'dayMode' : 'nightMode', { name: callFlowWords(index, undefined, flowWords) }) }
    })
  }

  /**
   * A forward makes the PBX dial the target for every call to the extension, so it is judged as
   * a dial would be: premium, international and other refused destinations cannot be set. An
   * emergency number is refused too: nobody forwards an office phone there on purpose.
   */
  private judgeForward(extension: string, typed: string): string {
    const model = this.d.liveModel()
    const known = new Set(model === undefined ? [] : Object.keys(model.extensions))
    const j = judgeDestination(typed, this.d.profile().dialPlan, known)
    if (j.verdict === 'deny') throw new ApiFailure('refused', t('cannotForward', { reason: j.reason }), { rule: j.rule })
    if (j.verdict === 'confirm_emergency') {
      throw new ApiFailure('refused', t('emergency', { number: j.normalized }), { rule: 'emergency_forward' })
    }
    const digits = j.dialDigits ?? j.normalized
    if (digits === extension) throw new ApiFailure('refused', t('toItself', { extension }), { rule: 'forward_to_itself' })
    return digits
  }

  /** Only the PBX's own extensions (as its hints list them) are acted on. */
  private knownExtension(extension: string): void {
    const model = this.d.liveModel()
    if (model === undefined) throw new ApiFailure('unavailable', t('notLoaded'))
    if (!Object.hasOwn(model.extensions, extension)) {
      throw new ApiFailure('refused', t('notExtension', { extension }), { rule: 'unknown_extension' })
    }
  }

  private wrote(extension: string): void {
    this.writtenAt.set(extension, this.now())
  }

  private async setvar(variable: string, value: string): Promise<void> {
    await this.d.ami.action('Setvar', [
      ['Variable', variable],
      ['Value', value],
    ])
  }

  private async dbPut(family: string, key: string, value: string): Promise<void> {
    try {
      await this.d.ami.action('DBPut', [
        ['Family', family],
        ['Key', key],
        ['Val', value],
      ])
    } catch (err) {
      throw astDbRefusal(err)
    }
  }

  /** DBDel of a key that is not there is an error to Asterisk and "already off" to the operator. */
  private async dbDelIfThere(family: string, key: string): Promise<void> {
    try {
      await this.d.ami.action('DBDel', [
        ['Family', family],
        ['Key', key],
      ])
    } catch (err) {
      if (err instanceof AmiError && err.code === 'action_error' && /could not be deleted|not found/i.test(err.response?.get('Message') ?? '')) return
      throw astDbRefusal(err)
    }
  }

  private run(attempt: Attempt<PresenceAction>, body: () => Promise<BodyResult>): Promise<ActionDone> {
    return runGuarded(this.d, PRESENCE_POLICIES, attempt, body)
  }
}

const FORWARD_WORDS: Readonly<Record<ForwardKind, string>> = { unconditional: 'Unconditional', busy: 'Busy', noAnswer: 'No-answer' }

/**
 * DBPut and DBDel need the AMI `system` write class (FreePBX keeps DND, forwarding and day/night in
 * AstDB): a console whose AMI user lacks it is told so in words an admin can act on.
 */
function astDbRefusal(err: unknown): unknown {
  if (err instanceof AmiError && err.code === 'action_error' && /permission denied/i.test(err.response?.get('Message') ?? '')) {
    return new ApiFailure('pbx_error', t('noAstDb'), { rule: 'ami_permission' })
  }
  return err
}

function readProblem(err: unknown): string {
  if (err instanceof AmiError) {
    if (err.code === 'action_error') return t('listRefused', { reason: err.response?.get('Message') ?? err.message })
    if (err.code === 'not_connected') return t('notConnected')
    return t('notRead', { reason: err.message })
  }
  return t('notReadPlain')
}
