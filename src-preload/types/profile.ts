import { z } from 'zod'
import { profileIdSchema } from './profile-id'
import { cleanText } from './text'
import { refusal } from './input-words'

/** True when the runtime's Intl knows the IANA zone (throws RangeError otherwise). */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

const digits = (min: number, max: number, what: string) =>
  z.string().regex(new RegExp(`^[0-9]{${String(min)},${String(max)}}$`), refusal('profile.digits', { what, min, max }))

const port = z.number().int().min(1).max(65535)
/** Hostname, IPv4 or bracket-less IPv6; nothing that could smuggle a path, user-info or port. */
const host = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9._:-]+$/, refusal('profile.host'))
/** AMI/ARI user names go into protocol headers: no CR/LF, no spaces, no separators. */
const pbxUser = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9_.@-]+$/, refusal('profile.user'))
const dialplanName = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9_-]+$/, refusal('profile.word'))
/** PEM text of a CA certificate; bounded so a pasted file cannot bloat the store. */
const pem = cleanText(64_000, { multiline: true }).regex(/-----BEGIN CERTIFICATE-----/, refusal('profile.pem'))

// Every profile object is strict: an unknown key (a typo, `__proto__`, `constructor`) is refused by
// name instead of being dropped without a word.

export const roleSchema = z.enum(['receptionist', 'supervisor', 'admin'])
export type Role = z.infer<typeof roleSchema>

/**
 * How the console logs in to AMI. 'md5' (Challenge/Key) never puts the secret on the wire, so it
 * is the default and the one to use without TLS; 'plain' sends it as `Secret:` (over TLS only).
 */
export const amiAuthSchema = z.enum(['md5', 'plain'])
export type AmiAuth = z.infer<typeof amiAuthSchema>

export const amiSettingsSchema = z.strictObject({
  port,
  tls: z.boolean(),
  ca: pem.optional(),
  /** Name the certificate must carry when `host` is an IP address or differs from it. */
  servername: host.optional(),
  rejectUnauthorized: z.boolean(),
  user: pbxUser,
  /** Absent in profiles saved before it existed: they log in with MD5, which every Asterisk offers. */
  auth: amiAuthSchema.default('md5'),
  hasSecret: z.boolean(),
})

export const ariSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  port,
  tls: z.boolean(),
  ca: pem.optional(),
  rejectUnauthorized: z.boolean().default(true),
  user: pbxUser,
  hasSecret: z.boolean(),
})

export const freepbxSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  baseUrl: cleanText(2048).refine((value) => {
    try {
      const url = new URL(value)
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === ''
    } catch {
      return false
    }
  }, refusal('profile.baseUrl')),
  clientId: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\x21-\x7e]+$/, refusal('profile.clientId')),
  /** A private CA for an https base URL (FreePBX behind a self-signed or in-house certificate). */
  ca: pem.optional(),
  hasSecret: z.boolean(),
})

export const operatorSettingsSchema = z.strictObject({
  ownExtension: digits(1, 10, 'ownExtension'),
  role: roleSchema,
  readOnly: z.boolean(),
})

/**
 * Internal extension patterns in Asterisk's digit notation, without regexes:
 * X = 0-9, Z = 1-9, N = 2-9, digits literal. '1XX' matches 100-199.
 */
const extensionPattern = z.string().regex(/^[0-9XZNxzn]{1,10}$/, refusal('profile.extensionPattern'))
/** E.164 prefixes with their '+': '+44', '+1876', '+4420'. */
export const e164PrefixSchema = z.string().regex(/^\+[1-9][0-9]{0,14}$/, refusal('profile.e164Prefix'))

export const dialPlanSchema = z.strictObject({
  /** E.164 country calling code of the PBX's own country, without '+': '1', '44', '49'. */
  country: z.string().regex(/^[1-9][0-9]{0,2}$/, refusal('profile.country')),
  outsideLinePrefix: digits(0, 4, 'outsideLinePrefix'),
  nationalPrefix: digits(0, 3, 'nationalPrefix'),
  internationalPrefix: digits(1, 4, 'internationalPrefix'),
  internalExtensions: z.strictObject({
    patterns: z.array(extensionPattern).max(100),
    list: z.array(digits(1, 10, 'extension')).max(10_000),
  }),
  emergencyNumbers: z.array(digits(2, 6, 'emergency number')).max(20),
  allowedOutboundPrefixes: z.array(e164PrefixSchema).max(200),
})

export const originateSettingsSchema = z.strictObject({
  /** The fixed channel the operator's own phone is reached on; '{ext}' is replaced by ownExtension. */
  channelTemplate: z
    .string()
    .regex(
      /^(PJSIP|SIP|IAX2|DAHDI|Local)\/\{ext\}(@[A-Za-z0-9_-]{1,80})?$/,
      "channelTemplate must look like 'PJSIP/{ext}' or 'Local/{ext}@from-internal'",
    ),
  context: dialplanName,
  voicemailContext: dialplanName,
  /** Digits (plus * as FreePBX uses: '*') dialled before an extension to reach its voicemail. */
  voicemailPrefix: z.string().regex(/^[0-9*]{0,6}$/, refusal('profile.voicemailPrefix')),
  parkingLot: dialplanName,
})

/**
 * How many calls this seat may place or transfer to a destination: a burst, then a steady rate.
 * Sealed (it bounds what a leaked or scripted console can dial); the default lets a busy front desk
 * work through a rush without ever making a caller wait on the console.
 */
export const dialLimitsSchema = z.strictObject({
  burst: z.number().int().min(1).max(200),
  perMinute: z.number().int().min(1).max(600),
})
export const DEFAULT_DIAL_LIMITS: Readonly<z.infer<typeof dialLimitsSchema>> = Object.freeze({ burst: 20, perMinute: 30 })

/** A queue's name as Asterisk knows it (`support`, `sales-2`). */
const queueName = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9_.-]+$/, refusal('profile.queueName'))

/**
 * What this seat may supervise (listen, whisper, barge, record) and how the monitored call is
 * told. Sealed like the role: a supervisor may supervise only the queues and extensions named
 * here (none named: nothing); an admin may supervise every call unless some are named.
 */
export const supervisionSettingsSchema = z.strictObject({
  queues: z.array(queueName).max(500),
  extensions: z.array(digits(1, 10, 'extension')).max(10_000),
  /** A beep barged into the monitored call when listening starts and every 15 s while it lasts. */
  spyTone: z.boolean(),
  /** MixMonitor's periodic beep (its `B` option) on every recording this seat starts. */
  recordingBeep: z.boolean(),
})
export type SupervisionSettings = z.infer<typeof supervisionSettingsSchema>
export const DEFAULT_SUPERVISION: Readonly<SupervisionSettings> = Object.freeze({ queues: [], extensions: [], spyTone: false, recordingBeep: false })

/** A profile's supervision settings; profiles saved before they existed have the default. */
export function supervisionOf(profile: Pick<PbxProfile, 'supervision'>): SupervisionSettings {
  return profile.supervision ?? DEFAULT_SUPERVISION
}

/**
 * Whose voicemail this seat may listen to (by phone, or see the messages of), besides its own
 * extension's. Sealed like the supervision scope: it widens what the seat reaches. A receptionist
 * reaches their own mailbox and the ones named here; supervisors and admins reach every mailbox.
 */
export const voicemailAccessSchema = z.strictObject({
  mailboxes: z.array(digits(1, 15, 'mailbox')).max(10_000),
})
export type VoicemailAccess = z.infer<typeof voicemailAccessSchema>
export const DEFAULT_VOICEMAIL_ACCESS: Readonly<VoicemailAccess> = Object.freeze({ mailboxes: [] })

/** A profile's voicemail access; profiles saved before it existed name no other mailbox. */
export function voicemailAccessOf(profile: Pick<PbxProfile, 'voicemail'>): VoicemailAccess {
  return profile.voicemail ?? DEFAULT_VOICEMAIL_ACCESS
}

export { profileIdSchema }

export const pbxProfileSchema = z.strictObject({
  id: profileIdSchema,
  name: cleanText(100).trim().min(1),
  host,
  ami: amiSettingsSchema,
  ari: ariSettingsSchema,
  freepbx: freepbxSettingsSchema,
  operator: operatorSettingsSchema,
  dialPlan: dialPlanSchema,
  timeZone: cleanText(64).refine(isValidTimeZone, refusal('profile.timeZone')),
  originate: originateSettingsSchema,
  /** Absent in profiles saved before it existed: they get the default. */
  dialLimits: dialLimitsSchema.default({ ...DEFAULT_DIAL_LIMITS }),
  /** Absent in profiles saved before it existed: nothing named (see supervisionOf). */
  supervision: supervisionSettingsSchema.optional(),
  /** Absent in profiles saved before it existed: only the seat's own mailbox (see voicemailAccessOf). */
  voicemail: voicemailAccessSchema.optional(),
})

export type PbxProfile = z.infer<typeof pbxProfileSchema>
export type DialPlan = z.infer<typeof dialPlanSchema>
export type OriginateSettings = z.infer<typeof originateSettingsSchema>
export type DialLimits = z.infer<typeof dialLimitsSchema>
export type SecretKind = 'ami' | 'ari' | 'freepbx'
export const SECRET_KINDS: readonly SecretKind[] = ['ami', 'ari', 'freepbx']

/** IPv6 literals need brackets inside URLs and host:port labels. */
function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host
}

/** The ARI base URL of a profile (scheme, host, port): where its ARI password is sent. */
export function ariUrlOf(profile: PbxProfile): string {
  return `${profile.ari.tls ? 'https' : 'http'}://${urlHost(profile.host)}:${String(profile.ari.port)}`
}

/**
 * Where a transport's secret goes and what protects it on the way: the endpoint a stored secret is
 * bound to. Certificate settings count (turning off the check or pasting another CA lets someone
 * else pose as the PBX); settings that TLS-off makes meaningless are left out so they cannot make
 * an unchanged endpoint look changed.
 */
export interface AmiEndpoint {
  readonly host: string
  readonly port: number
  readonly tls: boolean
  readonly ca: string | null
  readonly servername: string | null
  readonly rejectUnauthorized: boolean
  /** A secret entered for the MD5 login never crossed the wire; sending it plain is a new exposure. */
  readonly auth: AmiAuth
}
export interface AriEndpoint {
  readonly url: string
  readonly ca: string | null
  readonly servername: string | null
  readonly rejectUnauthorized: boolean
}
export interface FreepbxEndpoint {
  /** The token URL and the GraphQL URL both derive from it. */
  readonly baseUrl: string
  readonly ca: string | null
}
export interface ProfileEndpoints {
  readonly ami: AmiEndpoint
  readonly ari: AriEndpoint
  readonly freepbx: FreepbxEndpoint
}

function normalizedUrl(value: string): string {
  try {
    return new URL(value).href
  } catch {
    return value
  }
}

export function endpointsOf(profile: PbxProfile): ProfileEndpoints {
  const { ami, ari, freepbx } = profile
  const freepbxHttps = normalizedUrl(freepbx.baseUrl).startsWith('https:')
  return {
    ami: {
      host: profile.host.toLowerCase(),
      port: ami.port,
      tls: ami.tls,
      ca: ami.tls ? (ami.ca ?? null) : null,
      servername: ami.tls ? (ami.servername ?? null) : null,
      rejectUnauthorized: ami.tls ? ami.rejectUnauthorized : true,
      auth: ami.auth,
    },
    ari: {
      url: ariUrlOf(profile).toLowerCase(),
      ca: ari.tls ? (ari.ca ?? null) : null,
      // ARI's TLS names the certificate with the AMI servername (see connection/endpoints.ts).
      servername: ari.tls ? (ami.servername ?? null) : null,
      rejectUnauthorized: ari.tls ? ari.rejectUnauthorized : true,
    },
    freepbx: { baseUrl: normalizedUrl(freepbx.baseUrl), ca: freepbxHttps ? (freepbx.ca ?? null) : null },
  }
}

/** The endpoint as an admin reads it: "10.0.0.5:5038", "10.0.0.5:5039 (TLS)", a URL. */
export function endpointLabel(kind: SecretKind, profile: PbxProfile): string {
  if (kind === 'ami') return `${urlHost(profile.host)}:${String(profile.ami.port)}${profile.ami.tls ? ' (TLS)' : ''}`
  if (kind === 'ari') return ariUrlOf(profile)
  return profile.freepbx.baseUrl
}

/** One fixed-order text per endpoint: the form secrets are bound to and seals cover. */
export function canonicalEndpoint(kind: SecretKind, endpoints: ProfileEndpoints): string {
  if (kind === 'ami') {
    const e = endpoints.ami
    return JSON.stringify(['ami', e.host, e.port, e.tls, e.ca, e.servername, e.rejectUnauthorized, e.auth])
  }
  if (kind === 'ari') {
    const e = endpoints.ari
    return JSON.stringify(['ari', e.url, e.ca, e.servername, e.rejectUnauthorized])
  }
  const e = endpoints.freepbx
  return JSON.stringify(['freepbx', e.baseUrl, e.ca])
}

/** The transports whose endpoint differs between two versions of a profile. */
export function changedEndpoints(before: PbxProfile, after: PbxProfile): SecretKind[] {
  const a = endpointsOf(before)
  const b = endpointsOf(after)
  return SECRET_KINDS.filter((kind) => canonicalEndpoint(kind, a) !== canonicalEndpoint(kind, b))
}

/**
 * Everything that decides what this seat may dial, where the first leg of a call goes, and where
 * the stored secrets are sent. Sealed (see core/profiles/seal.ts): changing any of it needs the
 * admin passphrase, and a hand edit of the file is detected.
 */
export interface SealedFields {
  readonly role: Role
  readonly readOnly: boolean
  readonly ownExtension: string
  readonly dialPlan: DialPlan
  readonly originate: OriginateSettings
  readonly dialLimits: DialLimits
  readonly endpoints: ProfileEndpoints
  readonly supervision: SupervisionSettings
  readonly voicemail: VoicemailAccess
}

export function sealedFieldsOf(profile: PbxProfile): SealedFields {
  return {
    role: profile.operator.role,
    readOnly: profile.operator.readOnly,
    ownExtension: profile.operator.ownExtension,
    dialPlan: profile.dialPlan,
    originate: profile.originate,
    dialLimits: profile.dialLimits,
    endpoints: endpointsOf(profile),
    supervision: supervisionOf(profile),
    voicemail: voicemailAccessOf(profile),
  }
}

/** The supervision scope as fixed-order text; the default's text is left out of the seal (see canonicalSealedFields). */
function supervisionText(s: SupervisionSettings): string {
  return JSON.stringify([s.queues, s.extensions, s.spyTone, s.recordingBeep])
}
const DEFAULT_SUPERVISION_TEXT = supervisionText(DEFAULT_SUPERVISION)
const voicemailText = (v: VoicemailAccess): string => JSON.stringify(v.mailboxes)
const DEFAULT_VOICEMAIL_TEXT = voicemailText(DEFAULT_VOICEMAIL_ACCESS)

/** The sealed fields in groups an admin recognises, each as fixed-order text (key order never matters). */
function sealedGroups(f: SealedFields): ReadonlyArray<readonly [string, string]> {
  const { dialPlan: d, originate: o } = f
  return [
    ['role', f.role],
    ['read-only', String(f.readOnly)],
    ['own extension', f.ownExtension],
    [
      'dial plan',
      JSON.stringify([
        d.country,
        d.outsideLinePrefix,
        d.nationalPrefix,
        d.internationalPrefix,
        d.internalExtensions.patterns,
        d.internalExtensions.list,
        d.emergencyNumbers,
        d.allowedOutboundPrefixes,
      ]),
    ],
    ['originate settings', JSON.stringify([o.channelTemplate, o.context, o.voicemailContext, o.voicemailPrefix, o.parkingLot])],
    ['dial limits', JSON.stringify([f.dialLimits.burst, f.dialLimits.perMinute])],
    ['AMI endpoint', canonicalEndpoint('ami', f.endpoints)],
    ['ARI endpoint', canonicalEndpoint('ari', f.endpoints)],
    ['FreePBX API endpoint', canonicalEndpoint('freepbx', f.endpoints)],
    ['supervision scope', supervisionText(f.supervision)],
    ['voicemail mailboxes', voicemailText(f.voicemail)],
  ]
}

/**
 * The sealed fields as one canonical text: what the seal's HMAC covers. The supervision scope and
 * the voicemail mailboxes count only once they differ from the default, so profiles sealed before
 * they existed stay valid.
 */
export function canonicalSealedFields(f: SealedFields): string {
  return JSON.stringify(
    sealedGroups(f)
      .filter(([name, value]) => name !== 'supervision scope' || value !== DEFAULT_SUPERVISION_TEXT)
      .filter(([name, value]) => name !== 'voicemail mailboxes' || value !== DEFAULT_VOICEMAIL_TEXT)
      .map(([, value]) => value),
  )
}

/** Names of the sealed groups that differ ("dial plan", "AMI endpoint"); empty when none does. */
export function sealedChanges(a: SealedFields, b: SealedFields): string[] {
  const after = sealedGroups(b)
  return sealedGroups(a)
    .filter(([, value], index) => after[index]?.[1] !== value)
    .map(([name]) => name)
}

/** True when the extension is internal to the dial plan: in its list or matching one of its patterns. */
export function isInternalExtension(extension: string, plan: DialPlan): boolean {
  if (plan.internalExtensions.list.includes(extension)) return true
  return plan.internalExtensions.patterns.some((pattern) => matchesDigitPattern(extension, pattern))
}

/** Asterisk-style digit patterns: X = 0-9, Z = 1-9, N = 2-9, digits literal, same length. */
function matchesDigitPattern(digits: string, pattern: string): boolean {
  if (digits.length !== pattern.length) return false
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern.charAt(i).toUpperCase()
    const d = digits.charAt(i)
    if (p === 'X' && d >= '0' && d <= '9') continue
    if (p === 'Z' && d >= '1' && d <= '9') continue
    if (p === 'N' && d >= '2' && d <= '9') continue
    if (p !== d) return false
  }
  return true
}

/** Zod issues as one line of plain words: paths and messages, never the offending values. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 8)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ')
}

/** Secrets travel one way only: renderer → main, on save. Reads return `hasSecret`, never a value. */
const secretValue = cleanText(1024, { min: 1 })
export const profileSecretsInputSchema = z.strictObject({
  ami: secretValue.optional(),
  ari: secretValue.optional(),
  freepbx: secretValue.optional(),
})

/** What an admin types to unlock sealed changes; bounded and clean like every other typed text. */
export const passphraseSchema = cleanText(1024, { min: 1 })

export const profileSaveInputSchema = z.strictObject({
  profile: pbxProfileSchema,
  /** Secrets for this profile; each is bound to the endpoint the profile names for it. */
  secrets: profileSecretsInputSchema.optional(),
  /** Needed to create a profile and to change any sealed field (see SealedFields). */
  adminPassphrase: passphraseSchema.optional(),
})
export type ProfileSaveInput = z.infer<typeof profileSaveInputSchema>

/** Removing a profile deletes its settings and secrets: an admin's decision once a passphrase exists. */
export const profileRemoveInputSchema = z.strictObject({
  id: profileIdSchema,
  adminPassphrase: passphraseSchema.optional(),
})
export type ProfileRemoveInput = z.infer<typeof profileRemoveInputSchema>

/**
 * A stored secret is used only while the endpoint it was entered for is unchanged; a test of an
 * edited endpoint uses only the secrets typed into this request.
 */
export const profileTestInputSchema = z.strictObject({
  profile: pbxProfileSchema,
  secrets: profileSecretsInputSchema.optional(),
})

/**
 * Sets or changes the admin passphrase. The first one is set in the first-run step: from the
 * desktop window, or in web mode with the one-time setup code printed where `npm run web` started.
 */
export const adminSetPassphraseInputSchema = z.strictObject({
  next: passphraseSchema,
  current: passphraseSchema.optional(),
  setupCode: cleanText(64, { min: 1 }).optional(),
})
export type AdminSetPassphraseInput = z.infer<typeof adminSetPassphraseInputSchema>

export interface ProfileProblemView {
  readonly id: string
  readonly code: string
  readonly message: string
}

export interface ProfilesView {
  readonly profiles: readonly PbxProfile[]
  /** Profiles found in the file but refused (hand-edited seal, invalid data), kept for an admin to fix. */
  readonly problems: readonly ProfileProblemView[]
  readonly hasAdminPassphrase: boolean
}
