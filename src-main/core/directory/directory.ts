/**
 * One PBX's directory: every extension with its name and what else the PBX knows (mailbox,
 * device, the queues it answers for), read from the sources in sources.ts in their order —
 * FreePBX's API when the profile has it, else FreePBX's AstDB, else (plain Asterisk) the voicemail
 * users' full names, then the PJSIP endpoints' caller IDs for extensions still without one.
 * Extensions the PBX reports hints for are listed even without a name.
 *
 * Read on first use, again on every AMI login (a reconnect may follow a PBX restart), on AMI
 * `Reload` (a burst of them after an Apply Config is read once), when configuration was applied
 * from the console, and at the operator's word. Listeners hear a changed list only.
 */
import type { DirectoryEntry, DirectoryList, DirectorySource } from '../../../src-preload/types/directory'
import type { AmiMessage } from '../ami/message'
import type { FreepbxRunner } from '../freepbx/config/gql'
import type { LiveModel } from '../live'
import { type AmiLister, type Found, readAstdb, readFreepbx, readPjsipCallerIds, readVoicemailUsers } from './sources'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

export interface DirectoryDeps {
  readonly profileId: () => string
  readonly freepbx?: FreepbxRunner | undefined
  readonly amiList: AmiLister
  readonly onAmiEvent: (listener: (msg: AmiMessage) => void) => () => void
  readonly onAmiReady: (listener: () => void) => () => void
  readonly liveModel: () => LiveModel | undefined
  readonly now?: () => number
  /** How long a burst of `Reload` events is gathered before one read (default 1 s). */
  readonly reloadSettleMs?: number
  /**
   * How often the PBX is read again anyway (default 5 min): an AMI user without `system` read (as
   * the README recommends) never hears `Reload`, and a name changed at the PBX must still arrive.
   */
  readonly rereadMs?: number
  readonly log?: (message: string, err?: unknown) => void
}

type Listener = (list: DirectoryList) => void

export class Directory {
  private current: DirectoryList
  private byExtension = new Map<string, DirectoryEntry>()
  private reading: Promise<DirectoryList> | undefined
  private again = false
  private readonly listeners = new Set<Listener>()
  private reloadTimer: NodeJS.Timeout | undefined
  private readonly rereadTimer: NodeJS.Timeout
  private readonly unsubscribe: (() => void)[] = []

  constructor(private readonly deps: DirectoryDeps) {
    this.current = { profileId: deps.profileId(), entries: [], sources: [], readAt: 0 }
    this.unsubscribe.push(
      deps.onAmiEvent((msg) => {
        if (msg.get('Event') === 'Reload') this.reloadSoon()
      }),
      deps.onAmiReady(() => {
        if (this.current.readAt !== 0 || this.reading !== undefined) void this.refresh()
      }),
    )
    this.rereadTimer = setInterval(
      () => {
        if (this.current.readAt !== 0) void this.refresh()
      },
      deps.rereadMs ?? 5 * 60_000,
    )
    this.rereadTimer.unref()
  }

  /** The directory as last read; the first call waits for the first read. */
  async list(): Promise<DirectoryList> {
    if (this.current.readAt === 0) return this.reading ?? this.refresh()
    return this.current
  }

  /**
   * The name the PBX gives an extension, if any (audit lines and toasts in main use it). Never
   * waits: before the first read it answers nothing and starts that read, so the next line has names.
   */
  nameOf(extension: string): string | undefined {
    if (this.current.readAt === 0 && this.reading === undefined) void this.refresh().catch(() => undefined)
    const name = this.byExtension.get(extension)?.name
    return name === undefined || name === '' ? undefined : name
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  /** Reads the PBX again; a read asked for while one runs starts once that one ends. */
  refresh(): Promise<DirectoryList> {
    if (this.reading !== undefined) {
      this.again = true
      return this.reading
    }
    this.reading = this.read().finally(() => {
      this.reading = undefined
      if (this.again) {
        this.again = false
        void this.refresh()
      }
    })
    return this.reading
  }

  /** After a `Reload`: several come at once (one per module), so they are read once they settle. */
  reloadSoon(): void {
    clearTimeout(this.reloadTimer)
    this.reloadTimer = setTimeout(() => void this.refresh(), this.deps.reloadSettleMs ?? 1000)
    this.reloadTimer.unref()
  }

  dispose(): void {
    clearTimeout(this.reloadTimer)
    clearInterval(this.rereadTimer)
    for (const off of this.unsubscribe.splice(0)) off()
    this.listeners.clear()
  }

  private async read(): Promise<DirectoryList> {
    const now = this.deps.now ?? Date.now
    const known = this.hintExtensions()
    const found = new Map<string, Found & { source: DirectorySource }>()
    const sources: DirectorySource[] = []
    const problems: string[] = []
    const take = (source: DirectorySource, map: ReadonlyMap<string, Found>): void => {
      sources.push(source)
      for (const [ext, f] of map) {
        const had = found.get(ext)
        if (had === undefined || had.name === '') found.set(ext, { ...had, ...f, source })
        else found.set(ext, { ...f, ...had })
      }
    }
    const attempt = async (source: DirectorySource, work: () => Promise<ReadonlyMap<string, Found>>): Promise<boolean> => {
      try {
        take(source, await work())
        return true
      } catch (err) {
        problems.push(sourceWords(source))
        this.deps.log?.(`directory: reading ${source} failed`, err)
        return false
      }
    }
    const freepbx = this.deps.freepbx
    const named = (): number => [...found.values()].filter((f) => f.name !== '').length
    if (freepbx !== undefined) await attempt('freepbx', () => readFreepbx(freepbx))
    if (named() === 0) await attempt('astdb', () => readAstdb(this.deps.amiList, known))
    if (named() === 0) {
      await attempt('voicemail', () => readVoicemailUsers(this.deps.amiList))
      const nameless = known.filter((ext) => (found.get(ext)?.name ?? '') === '')
      if (nameless.length > 0) await attempt('callerid', () => readPjsipCallerIds(this.deps.amiList, nameless))
    }
    if (sources.length === 0 && this.current.readAt !== 0) {
      // Nothing answered: keep the names shown, and say why they may be old.
      return this.publish({ ...this.current, problem: problemWords(problems) })
    }
    const groups = this.queueGroups()
    const all = new Set([...found.keys(), ...known])
    const entries: DirectoryEntry[] = [...all]
      .sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))
      .map((extension) => {
        const f = found.get(extension)
        const device = f?.device ?? this.hintDevice(extension)
        return {
          extension,
          name: f?.name ?? '',
          source: f !== undefined && f.name !== '' ? f.source : 'none',
          ...(f?.department !== undefined ? { department: f.department } : {}),
          ...(f?.mailbox !== undefined ? { mailbox: f.mailbox } : {}),
          ...(device !== undefined ? { device } : {}),
          ...(f?.email !== undefined ? { email: f.email } : {}),
          groups: groups.get(extension) ?? [],
        }
      })
    return this.publish({
      profileId: this.deps.profileId(),
      entries,
      sources,
      readAt: now(),
      ...(problems.length > 0 && sources.length === 0 ? { problem: problemWords(problems) } : {}),
    })
  }

  private publish(next: DirectoryList): DirectoryList {
    const changed = JSON.stringify({ ...next, readAt: 0 }) !== JSON.stringify({ ...this.current, readAt: 0 })
    this.current = next
    this.byExtension = new Map(next.entries.map((e) => [e.extension, e]))
    if (changed) for (const listener of this.listeners) listener(next)
    return next
  }

  /** Extensions the PBX reports hints for (digits only: not `*76101`-style feature hints). */
  private hintExtensions(): string[] {
    const model = this.deps.liveModel()
    if (model === undefined) return []
    return Object.keys(model.extensions).filter((id) => /^[0-9]{1,10}$/.test(id))
  }

  /** The first device of the extension's hint that is a phone (`PJSIP/105` of `PJSIP/105&Custom:DND105`). */
  private hintDevice(extension: string): string | undefined {
    const hint = this.deps.liveModel()?.extensions[extension]?.hint ?? ''
    return hint.split('&').find((d) => /^(PJSIP|SIP|IAX2|DAHDI|Local)\//i.test(d))
  }

  /** Queue name per member extension, from the live queues (`PJSIP/106` or `Local/106@from-queue/n` → 106). */
  private queueGroups(): Map<string, string[]> {
    const out = new Map<string, string[]>()
    const model = this.deps.liveModel()
    if (model === undefined) return out
    for (const queue of Object.values(model.queues)) {
      for (const member of Object.values(queue.members)) {
        const m = /^(?:PJSIP|SIP|IAX2|Local)\/([0-9]{1,10})(?:[@/-]|$)/i.exec(member.stateInterface || member.interface)
        const ext = m?.[1]
        if (ext === undefined) continue
        const list = out.get(ext) ?? []
        if (!list.includes(queue.id)) list.push(queue.id)
        out.set(ext, list)
      }
    }
    return out
  }
}

function sourceWords(source: DirectorySource): string {
  return t(source)
}

function problemWords(problems: readonly string[]): string {
  return t('outOfDate', { problem: problems[0] ?? t('noAnswer') })
}
