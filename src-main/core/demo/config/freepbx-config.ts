/**
 * The simulated FreePBX's configuration: what its database holds (extensions, voicemail boxes,
 * ring groups, inbound routes, queues) — edited by the demo FreePBX API — and the copy the demo PBX
 * runs, taken when an Apply Config (`doreload`) completes. Between the two, `needReload` is the
 * "Apply Config" banner. One object is shared by the demo FreePBX (src-main/core/demo-freepbx) and
 * the demo PBX (config-state.ts follows `applied`), so an edit reaches the live side only after Apply.
 *
 *   const config = new FreepbxConfig(officeRecords())
 *   config.extensions.set(…); config.markChanged()   // what an API write does
 *   config.onApply((before, after) => …)            // the PBX reloads
 *   config.apply()                                  // doreload finished: applied = staged copy
 *
 * Records keep FreePBX's own column names where the API resolves from them (grpnum, grplist,
 * postdest, cidnum…), so the API layer reads like the module sources it mirrors.
 */
import { OFFICE_DAYNIGHT } from '../presence/presence'

export interface ExtensionRecord {
  readonly extensionId: string
  tech: string
  name: string
  email: string
  /** The SIP secret (`fetchExtension { user { extPassword } }` returns it in plain text). */
  secret: string
  outboundCid: string
  emergencyCid: string
  /** The device's `callerid` (FreePBX: `"Name" <ext>` unless the API was given one). */
  callerId: string
  channelName: string
  umEnable: boolean
  umGroups: string
  umPassword: string
  maxContacts: number
  /**
   * Settings the GraphQL API has no field for (Advanced tab, Follow-Me): FreePBX's defaults come back
   * when updateExtension deletes and recreates the extension (freepbx-api.md §6, issue-tracker#309).
   */
  settings: ExtensionSettings
}

export interface ExtensionSettings {
  /** Seconds; 0 = the system's ring time. */
  ringtimer: number
  callwaiting: 'enabled' | 'disabled'
  dtmfmode: string
  directMedia: 'yes' | 'no'
  webrtc: boolean
  followMe: boolean
}

export const DEFAULT_EXTENSION_SETTINGS: Readonly<ExtensionSettings> = {
  ringtimer: 0,
  callwaiting: 'enabled',
  dtmfmode: 'rfc4733',
  directMedia: 'yes',
  webrtc: false,
  followMe: false,
}

export interface VoicemailRecord {
  readonly extensionId: string
  context: string
  password: string
  name: string
  email: string
  pager: string
  /** voicemail.conf options, `yes`/`no` as FreePBX returns them. */
  attach: string
  saycid: string
  envelope: string
  delete: string
}

/** A ring group row (FreePBX's `ringgroups` columns). */
export interface RingGroupRecord {
  readonly grpnum: string
  description: string
  strategy: string
  /** Members joined by `-` as stored (`101-102-103`). */
  grplist: string
  grptime: number
  grppre: string
  postdest: string
  annmsg_id: string
  alertinfo: string
  needsconf: string
  remotealert_id: string
  toolate_id: string
  ringing: string
  cwignore: string
  cfignore: string
  cpickup: string
  recording: string
  progress: string
  elsewhere: string
  rvolume: string
  changecid: string
  fixedcid: string
}

/** An inbound route row (FreePBX's `incoming` columns); its id is `<extension>/<cidnum>`. */
export interface InboundRouteRecord {
  extension: string
  cidnum: string
  description: string
  destination: string
  privacyman: number
  alertinfo: string
  ringing: string
  mohclass: string
  grppre: string
  delay_answer: number
  pricid: string
  pmmaxretries: string
  pmminlength: string
  reversal: string
  rvolume: string
  fanswer: string
}

export interface QueueRecord {
  /** The queue's number (what callers dial, the REST id). */
  readonly extension: string
  /** Asterisk's queue name (the office's queues are `support` and `sales`). */
  readonly name: string
  readonly strategy: string
  readonly serviceLevel: number
  /** Static members as queues.conf holds them: `Local/101@from-queue/n,0` (interface, penalty). */
  members: string[]
  /** Dynamic members FreePBX logs in at start: `101,0`. */
  dynmembers: string[]
}

export interface ConfigRecords {
  readonly extensions: Map<string, ExtensionRecord>
  readonly voicemail: Map<string, VoicemailRecord>
  readonly ringGroups: Map<string, RingGroupRecord>
  /** By id `<did>/<cid>`. */
  readonly inboundRoutes: Map<string, InboundRouteRecord>
  /** By queue number. */
  readonly queues: Map<string, QueueRecord>
}

export type ReadonlyRecords = {
  readonly [K in keyof ConfigRecords]: ReadonlyMap<string, Readonly<ConfigRecords[K] extends Map<string, infer R> ? R : never>>
}

/** The parts of the configuration a reload reconfigures; voicemail also reloads on its own. */
export type ConfigPart = keyof ConfigRecords

export type ApplyListener = (before: ReadonlyRecords, after: ReadonlyRecords, parts: ReadonlySet<ConfigPart>) => void

export function inboundRouteId(extension: string, cidnum: string): string {
  return `${extension}/${cidnum}`
}

export function emptyRecords(): ConfigRecords {
  return { extensions: new Map(), voicemail: new Map(), ringGroups: new Map(), inboundRoutes: new Map(), queues: new Map() }
}

function copyRecords(r: ReadonlyRecords): ConfigRecords {
  return structuredClone(r) as ConfigRecords
}

export class FreepbxConfig {
  /** What FreePBX's database holds now (the API reads and writes these). */
  readonly staged: ConfigRecords
  private appliedRecords: ConfigRecords
  /** FreePBX's `needreload` flag ("Apply Config" banner). */
  needReload = false
  /**
   * How the demo FreePBX's next `doreload` ends (demo-only, set by tests and the control endpoint):
   * after `delayMs`, `executed`, `failed` with `details`, or `stuck` in Processing.
   */
  reloadBehaviour: { delayMs: number; outcome: 'executed' | 'failed' | 'stuck'; details: string } = {
    delayMs: 1500,
    outcome: 'executed',
    details: 'Reload failed because retrieve_conf encountered an error: 1',
  }
  /** Demo-only: extensions whose phone is not registered (office: 118, 119). */
  readonly unregistered = new Set<string>()
  private readonly listeners: ApplyListener[] = []

  constructor(records: ConfigRecords = emptyRecords()) {
    this.staged = records
    this.appliedRecords = copyRecords(records)
  }

  /** What the PBX runs: the staged records as of the last completed Apply. */
  get applied(): ReadonlyRecords {
    return this.appliedRecords
  }

  get extensions(): Map<string, ExtensionRecord> {
    return this.staged.extensions
  }

  get voicemail(): Map<string, VoicemailRecord> {
    return this.staged.voicemail
  }

  get ringGroups(): Map<string, RingGroupRecord> {
    return this.staged.ringGroups
  }

  get inboundRoutes(): Map<string, InboundRouteRecord> {
    return this.staged.inboundRoutes
  }

  get queues(): Map<string, QueueRecord> {
    return this.staged.queues
  }

  /** A write that FreePBX flags with needreload. */
  markChanged(): void {
    this.needReload = true
  }

  onApply(listener: ApplyListener): () => void {
    this.listeners.push(listener)
    return () => {
      const i = this.listeners.indexOf(listener)
      if (i >= 0) this.listeners.splice(i, 1)
    }
  }

  /** Apply Config completed: the PBX takes every part of the staged configuration. */
  apply(): void {
    this.applyParts(new Set<ConfigPart>(['extensions', 'voicemail', 'ringGroups', 'inboundRoutes', 'queues']))
    this.needReload = false
  }

  /**
   * Some parts reach the PBX without Apply: the voicemail module runs `voicemail reload` itself
   * after enableVoiceMail/disableVoiceMail (freepbx-api.md §3.7).
   */
  applyParts(parts: ReadonlySet<ConfigPart>): void {
    const before = this.appliedRecords
    const after: ConfigRecords = { ...before }
    const staged = copyRecords(this.staged)
    for (const part of parts) (after as Record<ConfigPart, unknown>)[part] = staged[part]
    this.appliedRecords = after
    for (const l of [...this.listeners]) l(before, after, parts)
  }

  /** The destinations FreePBX's module registry knows (`context,exten,priority` → its label). */
  destinations(): Map<string, { readonly category: string; readonly description: string }> {
    const out = new Map<string, { category: string; description: string }>()
    for (const e of this.staged.extensions.values())
      out.set(`from-did-direct,${e.extensionId},1`, { category: 'Extensions', description: `<${e.extensionId}> ${e.name}` })
    for (const vm of this.staged.voicemail.values()) {
      const name = this.staged.extensions.get(vm.extensionId)?.name ?? vm.name
      for (const [kind, label] of [
        ['vmb', 'busy'],
        ['vmu', 'unavail'],
        ['vms', 'no-msg'],
        ['vmi', 'instructions-only'],
      ] as const) {
        out.set(`ext-local,${kind}${vm.extensionId},1`, { category: 'Voicemail', description: `<${vm.extensionId}> ${name} (${label})` })
      }
    }
    for (const g of this.staged.ringGroups.values())
      out.set(`ext-group,${g.grpnum},1`, { category: 'Ring Groups', description: `${g.grpnum} ${g.description}` })
    for (const q of this.staged.queues.values())
      out.set(`ext-queues,${q.extension},1`, { category: 'Queues', description: `${q.extension} ${q.name}` })
    out.set('app-blackhole,hangup,1', { category: 'Terminate Call', description: 'Hangup' })
    out.set('app-blackhole,busy,1', { category: 'Terminate Call', description: 'Busy' })
    out.set('app-blackhole,congestion,1', { category: 'Terminate Call', description: 'Congestion' })
    for (const t of OFFICE_DAYNIGHT) out.set(`app-daynight,${t.index},1`, { category: 'Call Flow Control', description: `${t.index} ${t.name}` })
    return out
  }
}
