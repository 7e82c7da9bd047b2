/**
 * PBX configuration across the contract (issue 17): one generic set of channels for every object
 * kind, typed per kind by the `kind` discriminant. Secrets never appear in what main sends: an
 * extension's SIP secret and a mailbox PIN are write-only here (`hasSecret`, `hasPin` say whether
 * one exists); a rotated secret is answered once by `config.rotateSecret` and never again.
 *
 * The schemas check shape and size only. FreePBX's own rules (numeric unused extension numbers,
 * DID/CID patterns, destinations that exist …) are checked in main and answered per field
 * (`ConfigFieldErrors`), so the editor can show each message beside its field.
 */
import { z } from 'zod'
import { profileIdSchema } from './profile-id'
import { cleanText } from './text'
import { refusal } from './input-words'
import type { CallFlowNameWords } from '../i18n/strings/call-flow'

export const configKinds = ['extension', 'ringGroup', 'inboundRoute', 'voicemail', 'queueMembers'] as const
export type ConfigKind = (typeof configKinds)[number]
export const configKindSchema = z.enum(configKinds)

/* ------------------------------------------------------------------ destinations */

/** Which greeting a caller sent to voicemail hears. */
export const voicemailGreetings = ['unavailable', 'busy', 'noMessage', 'instructions'] as const
export type VoicemailGreeting = (typeof voicemailGreetings)[number]

/** A number as FreePBX stores extensions, ring groups and queues (checked further in main). */
const number = z.string().min(1).max(20)

/**
 * Where a call goes, typed: main maps each to FreePBX's `context,exten,priority` and back. `unknown`
 * is only ever read: the PBX names a destination this console cannot express (its label says
 * which); sent back unchanged it means "keep what the PBX has", where FreePBX allows that.
 */
export const configDestinationSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('extension'), extension: number }),
  z.strictObject({ type: z.literal('ringGroup'), group: number }),
  z.strictObject({ type: z.literal('queue'), queue: number }),
  z.strictObject({ type: z.literal('voicemail'), extension: number, greeting: z.enum(voicemailGreetings) }),
  z.strictObject({ type: z.literal('ivr'), ivr: number }),
  /**
   * One of FreePBX's call-flow toggles (Day/Night mode, `app-daynight,<toggle>,1`): the call goes to
   * the toggle's day or night destination. `name` is its description when FreePBX gave one.
   */
  z.strictObject({
    type: z.literal('callFlow'),
    toggle: z.string().regex(/^[0-9]{1,3}$/, refusal('callFlowNumber')),
    name: cleanText(100).optional(),
  }),
  z.strictObject({ type: z.literal('hangup') }),
  z.strictObject({ type: z.literal('busy') }),
  z.strictObject({ type: z.literal('congestion') }),
  z.strictObject({ type: z.literal('unknown'), label: cleanText(200) }),
])
export type ConfigDestination = z.infer<typeof configDestinationSchema>

/**
 * A call-flow toggle in words, named when FreePBX gave its description: "Call flow 0 (Office hours)".
 * `words` are the caller's (main's `say`, `inEnglish` for the audit, a window's `tr`) of i18n/strings/call-flow.ts.
 */
export function callFlowWords(toggle: string, name: string | undefined, words: CallFlowNameWords): string {
  return name === undefined || name === '' ? words('plain', { number: toggle }) : words('named', { number: toggle, name })
}
export type DestinationType = ConfigDestination['type']

/** One choice of a destination picker: the destination and how the PBX names it. */
export interface DestinationOption {
  readonly destination: ConfigDestination
  /** "101 Alice", "600 Sales group", "Voicemail 101 (busy greeting)", "Hang up". */
  readonly label: string
}

/* ------------------------------------------------------------------ values per kind */

const text = (max: number) => cleanText(max)

export const ringStrategies = [
  'ringall',
  'ringallprim',
  'hunt',
  'huntprim',
  'memoryhunt',
  'memoryhuntprim',
  'firstavailable',
  'firstnotonphone',
] as const
export type RingStrategy = (typeof ringStrategies)[number]

export const extensionTechs = ['pjsip', 'sip'] as const

/** An extension (FreePBX core: a device and its user). The SIP secret is not here: see `hasSecret`. */
export const extensionValuesSchema = z.strictObject({
  extension: number,
  name: text(100),
  tech: z.enum(extensionTechs),
  email: text(200),
  /** What callers outside see ("Reception" <0201234567>); empty = the trunk's. */
  outboundCid: text(100),
  emergencyCid: text(100),
  /** The device's caller ID; empty = FreePBX's `"Name" <ext>`. */
  callerId: text(100),
  /** Whether the extension has a mailbox (the voicemail kind edits its settings). */
  voicemail: z.boolean(),
  /** A User Manager user for the extension. */
  userManager: z.boolean(),
  /** How many devices may register to it (FreePBX caps it at 100). */
  maxContacts: z.number().int(),
})
export type ExtensionValues = z.infer<typeof extensionValuesSchema>

/** Secrets an extension write may carry (never sent back): each optional, omitted = generated or kept. */
export const extensionSecretsSchema = z.strictObject({
  /** The new mailbox's PIN when `voicemail` is switched on. */
  voicemailPin: z.string().max(20).optional(),
  /** The User Manager password when `userManager` is switched on. */
  userManagerPassword: z.string().max(100).optional(),
})
export type ExtensionSecrets = z.infer<typeof extensionSecretsSchema>

export const ringGroupValuesSchema = z.strictObject({
  group: number,
  description: text(100),
  strategy: z.enum(ringStrategies),
  /** Extension numbers, or outside numbers ending in `#`, in ring order. */
  members: z.array(z.string().max(40)).max(200),
  /** Seconds to ring before the no-answer destination. */
  ringTime: z.number().int(),
  /** Prefixed to the caller's name while the group rings (FreePBX's CID name prefix). */
  cidPrefix: text(50),
  /** Where an unanswered call goes. */
  noAnswer: configDestinationSchema,
  alertInfo: text(200),
  /** Ask the member to press 1 before the call is put through. */
  confirmCalls: z.boolean(),
  ignoreCallForward: z.boolean(),
  ignoreCallWaiting: z.boolean(),
  /** Members may pick the call up with the group's pickup code. */
  pickup: z.boolean(),
})
export type RingGroupValues = z.infer<typeof ringGroupValuesSchema>

export const inboundRouteValuesSchema = z.strictObject({
  /** The DID matched: empty = any; digits, A–D, `*`, `#`, a leading `+`, or a pattern starting with `_`. */
  did: z.string().max(60),
  /** The caller ID matched: empty = any; digits, A–D, `*`, `#`, or a pattern starting with `_`. */
  cid: z.string().max(60),
  description: text(100),
  destination: configDestinationSchema,
  /** Prefixed to the caller's name (FreePBX `grppre`). */
  cidPrefix: text(50),
  alertInfo: text(200),
  /** Music on hold class; empty = default. */
  musicClass: text(80),
  /** Callers hear ringing instead of music while the destination is tried. */
  ringing: z.boolean(),
  /** Seconds to wait before answering. */
  delayAnswer: z.number().int(),
  /** Ask anonymous callers to enter their number (Privacy Manager). */
  privacyManager: z.boolean(),
})
export type InboundRouteValues = z.infer<typeof inboundRouteValuesSchema>

/** A mailbox of an extension; the PIN is write-only (`hasPin`). */
export const voicemailValuesSchema = z.strictObject({
  extension: number,
  enabled: z.boolean(),
  name: text(100),
  email: text(200),
  pager: text(200),
  /** Attach the recording to the email. */
  attach: z.boolean(),
  /** Say the caller's number before the message. */
  sayCallerId: z.boolean(),
  /** Say the time of the message before it. */
  envelope: z.boolean(),
  /** Delete the message once it was emailed (needs `attach`). */
  deleteAfterEmail: z.boolean(),
})
export type VoicemailValues = z.infer<typeof voicemailValuesSchema>

export const voicemailSecretsSchema = z.strictObject({
  /** A new PIN; omitted = keep the current one (a new mailbox needs one). */
  pin: z.string().max(20).optional(),
})
export type VoicemailSecrets = z.infer<typeof voicemailSecretsSchema>

export const queueMemberSchema = z.strictObject({
  extension: number,
  /** Lower rings first; 0 is the default. */
  penalty: z.number().int(),
})
export type QueueMember = z.infer<typeof queueMemberSchema>

/**
 * A queue's members. Static and dynamic lists are FreePBX's configuration (queues REST API, take
 * effect on Apply); `loggedIn` are the dynamic members logged in now, changed live over AMI
 * (QueueAdd/QueueRemove) without Apply.
 */
export const queueMembersValuesSchema = z.strictObject({
  queue: number,
  /** Read from the PBX; not editable through FreePBX's API. */
  name: text(100),
  staticMembers: z.array(queueMemberSchema).max(200),
  dynamicMembers: z.array(queueMemberSchema).max(200),
  loggedIn: z.array(queueMemberSchema).max(200),
})
export type QueueMembersValues = z.infer<typeof queueMembersValuesSchema>

/** The values of each kind, by kind. */
export interface ConfigValuesByKind {
  readonly extension: ExtensionValues
  readonly ringGroup: RingGroupValues
  readonly inboundRoute: InboundRouteValues
  readonly voicemail: VoicemailValues
  readonly queueMembers: QueueMembersValues
}

/* ------------------------------------------------------------------ what main answers */

/** What main knows of an object besides its values (never a secret). */
export interface ConfigItemMeta {
  /** Extensions: a SIP secret is set. */
  readonly hasSecret?: boolean
  /** Voicemail: a PIN is set. */
  readonly hasPin?: boolean
  /**
   * Said before an update: what FreePBX resets when it deletes and recreates the object
   * (updateExtension resets Follow-Me, the Advanced settings …), in plain words. Only in
   * `config.get` (and a conflict's `theirs`), never in a list's items.
   */
  readonly updateWarnings?: readonly string[]
  /** The object cannot be written through FreePBX's API as it is (why, in plain words). */
  readonly readOnlyReason?: string
}

/**
 * One object as read from the PBX. `version` is a fingerprint of what was read: send it back as
 * `baseVersion`, and a write is refused (`conflict`) when the object changed on the PBX since.
 * Voicemail boxes in `config.list` come from the extensions (FreePBX lists no mailboxes): they
 * carry no settings (`meta.readOnlyReason`), so open one with `config.get` before editing it.
 */
export type ConfigItem<K extends ConfigKind = ConfigKind> = {
  readonly [P in K]: {
    readonly kind: P
    /** The identity: extension number, group number, `did/cid`, mailbox number, queue number. */
    readonly id: string
    readonly version: string
    readonly values: ConfigValuesByKind[P]
    readonly meta: ConfigItemMeta
  }
}[K]

export interface ConfigList<K extends ConfigKind = ConfigKind> {
  readonly kind: K
  readonly items: readonly ConfigItem<K>[]
}

/** One field's change: values as the renderer shows them; secrets only ever as "(changed)". */
export interface ConfigFieldDiff {
  readonly field: string
  readonly label: string
  readonly before?: string
  readonly after?: string
  readonly secret?: boolean
}

export type ConfigOperation = 'create' | 'createRange' | 'update' | 'remove' | 'rotateSecret' | 'restore'

/**
 * A change written to FreePBX and not yet applied (FreePBX stages writes until Apply Config).
 * `state` says what is on the PBX: `written` as asked; `halfWritten` when a delete-and-recreate
 * failed in the middle (`note` says exactly what state the object is in); a change main still has
 * the before-image of can be restored (`config.restore`).
 */
export interface PendingChange {
  readonly id: string
  readonly kind: ConfigKind
  /** The object's identity (the first one, for a range). */
  readonly objectId: string
  /** How the tray names it: "Extension 205 Front desk". */
  readonly label: string
  readonly operation: ConfigOperation
  /** ISO-8601. */
  readonly at: string
  readonly diff: readonly ConfigFieldDiff[]
  readonly state: 'written' | 'halfWritten' | 'restored'
  readonly note?: string
  readonly restorable: boolean
}

/** The profile's pending batch and whether FreePBX says Apply Config is needed. */
export interface ConfigPending {
  readonly profileId: string
  readonly changes: readonly PendingChange[]
  /** FreePBX's `system { needReload }`; undefined when it could not be read. */
  readonly needReload?: boolean
  /** Offer Apply: a change is pending or FreePBX says so (some writes never set needReload). */
  readonly applySuggested: boolean
  readonly lastApply?: ConfigApplyProgress
}

/** Per-field refusals of main's checks (FreePBX's rules), keyed by field name: plain words. */
export type ConfigFieldErrors = Readonly<Record<string, string>>

/** The detail of an `invalid_input` error from a configuration write. */
export interface ConfigInvalidDetail {
  readonly fields: ConfigFieldErrors
}

/** The detail of a `conflict` error: both versions, so the editor can show them and ask. */
export type ConfigConflictDetail = {
  readonly [P in ConfigKind]: {
    readonly kind: P
    readonly id: string
    /** What the admin meant to write. */
    readonly mine: ConfigValuesByKind[P]
    /** What the PBX holds now (absent: it was deleted on the PBX). */
    readonly theirs?: ConfigItem<P>
  }
}[ConfigKind]

/** How one item of a batch turned out. */
export type ConfigSaveOutcome =
  | { readonly ok: true; readonly change: PendingChange; readonly item?: ConfigItem }
  | {
      readonly ok: false
      readonly code: 'invalid_input' | 'conflict' | 'not_found' | 'pbx_error' | 'forbidden' | 'unavailable' | 'timeout' | 'half_written'
      /** Plain words with the object named ("Extension 205: This device id is already in use"). */
      readonly message: string
      readonly fields?: ConfigFieldErrors
      readonly conflict?: ConfigConflictDetail
      /** A half-written object: the change to restore it by (`config.restore`). */
      readonly change?: PendingChange
    }

export interface ConfigSaveResult {
  /** One outcome per change sent, in the same order. */
  readonly outcomes: readonly ConfigSaveOutcome[]
  readonly pending: ConfigPending
}

/** Progress of Apply Config, pushed (`config.progress`) to the window that applied. */
export interface ConfigApplyProgress {
  readonly profileId: string
  readonly applyId: string
  /** `unknown`: still Processing after the time limit — check the PBX. */
  readonly state: 'started' | 'processing' | 'executed' | 'failed' | 'unknown'
  /** Plain words for the tray. */
  readonly message: string
  /** FreePBX's own details of a failure (the reload's message). */
  readonly details?: string
  readonly elapsedMs: number
}

/** What a profile needs before configuration works, and where it stands. */
export interface ConfigStatus {
  readonly profileId: string
  readonly ready: boolean
  /** Plain words: what to set up on FreePBX (API module, a Machine-to-Machine application, scopes). */
  readonly needs?: readonly string[]
  /** Kinds this profile's API can read (others lack a scope, or FreePBX lacks the module). */
  readonly kinds: readonly ConfigKind[]
  /** Kinds it can also change (a read scope without the write one leaves a kind read-only). */
  readonly writableKinds: readonly ConfigKind[]
  /** The application may run Apply Config. */
  readonly canApply: boolean
  /** "16" or "17" when FreePBX told. */
  readonly freepbxVersion?: string
  readonly needReload?: boolean
}

/** A rotated secret: shown once (reveal dialog with copy), never answered again. */
export interface RevealedSecret {
  readonly extension: string
  readonly secret: string
  readonly change: PendingChange
}

/* ------------------------------------------------------------------ how each kind is described */

export type ConfigFieldType = 'text' | 'number' | 'boolean' | 'enum' | 'numberList' | 'destination' | 'members' | 'secret' | 'pattern'

export interface ConfigFieldDescriptor {
  readonly name: string
  readonly label: string
  readonly type: ConfigFieldType
  readonly required: boolean
  /** The object's identity: set at creation, not changed by an update. */
  readonly identity?: boolean
  /** Write-only: never read back. */
  readonly secret?: boolean
  /** Shown, not editable (read from the PBX). */
  readonly readOnly?: boolean
  readonly options?: readonly string[]
  readonly min?: number
  readonly max?: number
  readonly maxLength?: number
  /** The rule in words, for the field's note ("digits, A–D, *, #, a leading + or a pattern starting with _"). */
  readonly hint?: string
  /** A secret that an update keeps when left empty, and whose hint already says so. */
  readonly keepsWhenEmpty?: boolean
  /** A new object's value, where it is not the obvious one (empty, off, the first option, the least number). */
  readonly default?: string | number | boolean
}

export interface ConfigKindDescriptor {
  readonly kind: ConfigKind
  readonly label: string
  readonly plural: string
  readonly fields: readonly ConfigFieldDescriptor[]
  /** What the kind supports through FreePBX's API. */
  readonly operations: readonly ConfigOperation[]
  /** Said before an update when FreePBX deletes and recreates the object. */
  readonly updateNote?: string
}

/* ------------------------------------------------------------------ inputs */

const profileId = profileIdSchema
const version = z.string().max(100)
const objectId = z.string().min(1).max(130)

/**
 * One change of a batch, typed per kind. `create` needs no base; `update` names the object and
 * the `baseVersion` the editor read (refused as `conflict` if the PBX changed since).
 */
export const configChangeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('extension'),
    operation: z.enum(['create', 'update']),
    id: objectId.optional(),
    baseVersion: version.optional(),
    values: extensionValuesSchema,
    secrets: extensionSecretsSchema.optional(),
  }),
  z.strictObject({
    kind: z.literal('ringGroup'),
    operation: z.enum(['create', 'update']),
    id: objectId.optional(),
    baseVersion: version.optional(),
    values: ringGroupValuesSchema,
  }),
  z.strictObject({
    kind: z.literal('inboundRoute'),
    operation: z.enum(['create', 'update']),
    /** On update, the route's current `did/cid` (its DID or CID may change: FreePBX's oldExtension/oldCidnum). */
    id: objectId.optional(),
    baseVersion: version.optional(),
    values: inboundRouteValuesSchema,
  }),
  z.strictObject({
    kind: z.literal('voicemail'),
    operation: z.literal('update'),
    id: objectId.optional(),
    baseVersion: version.optional(),
    values: voicemailValuesSchema,
    secrets: voicemailSecretsSchema.optional(),
  }),
  z.strictObject({
    kind: z.literal('queueMembers'),
    operation: z.literal('update'),
    id: objectId.optional(),
    baseVersion: version.optional(),
    values: queueMembersValuesSchema,
  }),
])
export type ConfigChangeInput = z.input<typeof configChangeSchema>

/** Extensions `start` … `start + count - 1` from one template (FreePBX's createRangeofExtension). */
export const extensionRangeSchema = z.strictObject({
  start: number,
  count: z.number().int().min(1).max(500),
  /**
   * FreePBX names each `<number> <name>` (createRangeofExtension); a name holding `{n}` is taken
   * as it is instead, every `{n}` replaced by the extension's number ("Desk {n}" → "Desk 160").
   */
  template: extensionValuesSchema.omit({ extension: true }),
  secrets: extensionSecretsSchema.optional(),
})

export const configListInputSchema = z.strictObject({ profileId, kind: configKindSchema })
export const configGetInputSchema = z.strictObject({ profileId, kind: configKindSchema, id: objectId })
export const configSaveInputSchema = z.strictObject({
  profileId,
  /** One to 100 changes; each is checked, re-read and written in order, and reported on its own. */
  changes: z.array(configChangeSchema).min(1).max(100),
})
export const configCreateRangeInputSchema = z.strictObject({ profileId, range: extensionRangeSchema })
export const configRemoveInputSchema = z.strictObject({ profileId, kind: configKindSchema, id: objectId, baseVersion: version })
export const configRestoreInputSchema = z.strictObject({ profileId, changeId: z.string().min(1).max(64) })
export const configRotateSecretInputSchema = z.strictObject({
  profileId,
  extension: number,
  baseVersion: version,
  /** A secret the admin typed; omitted = main generates a strong one. */
  secret: z.string().min(1).max(128).optional(),
})
export const configProfileInputSchema = z.strictObject({ profileId })
