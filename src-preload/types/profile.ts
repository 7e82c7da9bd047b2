import { z } from 'zod'

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
  z.string().regex(new RegExp(`^[0-9]{${String(min)},${String(max)}}$`), `${what} must be ${String(min)}-${String(max)} ASCII digits`)

const port = z.number().int().min(1).max(65535)
/** Hostname, IPv4 or bracket-less IPv6; nothing that could smuggle a path, user-info or port. */
const host = z.string().min(1).max(253).regex(/^[A-Za-z0-9._:-]+$/, 'host must be a hostname or IP address')
/** AMI/ARI user names go into protocol headers: no CR/LF, no spaces, no separators. */
const pbxUser = z.string().min(1).max(80).regex(/^[A-Za-z0-9_.@-]+$/, 'user may contain only letters, digits, _ . @ -')
const dialplanName = z.string().min(1).max(80).regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, _ or -')
/** PEM text of a CA certificate; bounded so a pasted file cannot bloat the store. */
const pem = z.string().max(64_000).regex(/-----BEGIN CERTIFICATE-----/, 'must be a PEM certificate')

export const roleSchema = z.enum(['receptionist', 'supervisor', 'admin'])
export type Role = z.infer<typeof roleSchema>

export const amiSettingsSchema = z.object({
  port,
  tls: z.boolean(),
  ca: pem.optional(),
  /** Name the certificate must carry when `host` is an IP address or differs from it. */
  servername: host.optional(),
  rejectUnauthorized: z.boolean(),
  user: pbxUser,
  hasSecret: z.boolean(),
})

export const ariSettingsSchema = z.object({
  enabled: z.boolean(),
  port,
  tls: z.boolean(),
  ca: pem.optional(),
  rejectUnauthorized: z.boolean().default(true),
  user: pbxUser,
  hasSecret: z.boolean(),
})

export const freepbxSettingsSchema = z.object({
  enabled: z.boolean(),
  baseUrl: z
    .string()
    .max(2048)
    .refine((value) => {
      try {
        const url = new URL(value)
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === ''
      } catch {
        return false
      }
    }, 'baseUrl must be an http(s) URL without user or password'),
  clientId: z.string().min(1).max(200).regex(/^[\x21-\x7e]+$/, 'clientId must be printable ASCII without spaces'),
  /** A private CA for an https base URL (FreePBX behind a self-signed or in-house certificate). */
  ca: pem.optional(),
  hasSecret: z.boolean(),
})

export const operatorSettingsSchema = z.object({
  ownExtension: digits(1, 10, 'ownExtension'),
  role: roleSchema,
  readOnly: z.boolean(),
})

/**
 * Internal extension patterns in Asterisk's digit notation, without regexes:
 * X = 0-9, Z = 1-9, N = 2-9, digits literal. '1XX' matches 100-199.
 */
const extensionPattern = z.string().regex(/^[0-9XZNxzn]{1,10}$/, 'extension patterns use digits and X, Z, N only')
/** E.164 prefixes with their '+': '+44', '+1876', '+4420'. */
export const e164PrefixSchema = z.string().regex(/^\+[1-9][0-9]{0,14}$/, 'allowed prefixes are E.164 prefixes like +44 or +1876')

export const dialPlanSchema = z.object({
  /** E.164 country calling code of the PBX's own country, without '+': '1', '44', '49'. */
  country: z.string().regex(/^[1-9][0-9]{0,2}$/, 'country is an E.164 calling code such as 1 or 44'),
  outsideLinePrefix: digits(0, 4, 'outsideLinePrefix'),
  nationalPrefix: digits(0, 3, 'nationalPrefix'),
  internationalPrefix: digits(1, 4, 'internationalPrefix'),
  internalExtensions: z.object({
    patterns: z.array(extensionPattern).max(100),
    list: z.array(digits(1, 10, 'extension')).max(10_000),
  }),
  emergencyNumbers: z.array(digits(2, 6, 'emergency number')).max(20),
  allowedOutboundPrefixes: z.array(e164PrefixSchema).max(200),
})

export const originateSettingsSchema = z.object({
  /** The fixed channel the operator's own phone is reached on; '{ext}' is replaced by ownExtension. */
  channelTemplate: z
    .string()
    .regex(/^(PJSIP|SIP|IAX2|DAHDI|Local)\/\{ext\}(@[A-Za-z0-9_-]{1,80})?$/, "channelTemplate must look like 'PJSIP/{ext}' or 'Local/{ext}@from-internal'"),
  context: dialplanName,
  voicemailContext: dialplanName,
  /** Digits (plus * as FreePBX uses: '*') dialled before an extension to reach its voicemail. */
  voicemailPrefix: z.string().regex(/^[0-9*]{0,6}$/, 'voicemailPrefix uses digits and * only'),
  parkingLot: dialplanName,
})

/**
 * How many calls this seat may place or transfer to a destination: a burst, then a steady rate.
 * Sealed (it bounds what a leaked or scripted console can dial); the default lets a busy front desk
 * work through a rush without ever making a caller wait on the console.
 */
export const dialLimitsSchema = z.object({
  burst: z.number().int().min(1).max(200),
  perMinute: z.number().int().min(1).max(600),
})
export const DEFAULT_DIAL_LIMITS: Readonly<z.infer<typeof dialLimitsSchema>> = Object.freeze({ burst: 20, perMinute: 30 })

export const profileIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'id must be 1-64 letters, digits, _ or -')

export const pbxProfileSchema = z.object({
  id: profileIdSchema,
  name: z.string().trim().min(1).max(100),
  host,
  ami: amiSettingsSchema,
  ari: ariSettingsSchema,
  freepbx: freepbxSettingsSchema,
  operator: operatorSettingsSchema,
  dialPlan: dialPlanSchema,
  timeZone: z.string().refine(isValidTimeZone, 'timeZone must be an IANA time zone such as Europe/London'),
  originate: originateSettingsSchema,
  /** Absent in profiles saved before it existed: they get the default. */
  dialLimits: dialLimitsSchema.default({ ...DEFAULT_DIAL_LIMITS }),
})

export type PbxProfile = z.infer<typeof pbxProfileSchema>
export type DialPlan = z.infer<typeof dialPlanSchema>
export type AmiSettings = z.infer<typeof amiSettingsSchema>
export type AriSettings = z.infer<typeof ariSettingsSchema>
export type FreepbxSettings = z.infer<typeof freepbxSettingsSchema>
export type OriginateSettings = z.infer<typeof originateSettingsSchema>
export type DialLimits = z.infer<typeof dialLimitsSchema>
export type SecretKind = 'ami' | 'ari' | 'freepbx'
export const SECRET_KINDS: readonly SecretKind[] = ['ami', 'ari', 'freepbx']

/** The fields that widen what the console may do; they are sealed and need the admin passphrase. */
export interface SealedFields {
  role: Role
  readOnly: boolean
  allowedOutboundPrefixes: string[]
}

export function sealedFieldsOf(profile: PbxProfile): SealedFields {
  return {
    role: profile.operator.role,
    readOnly: profile.operator.readOnly,
    allowedOutboundPrefixes: [...profile.dialPlan.allowedOutboundPrefixes],
  }
}

/** What a profile may hold without an admin: a receptionist, no extra outbound prefixes. */
export const BASELINE_SEALED_FIELDS: Readonly<SealedFields> = Object.freeze({
  role: 'receptionist',
  readOnly: false,
  allowedOutboundPrefixes: [],
})

export function sameSealedFields(a: SealedFields, b: SealedFields): boolean {
  return (
    a.role === b.role &&
    a.readOnly === b.readOnly &&
    a.allowedOutboundPrefixes.length === b.allowedOutboundPrefixes.length &&
    a.allowedOutboundPrefixes.every((prefix, index) => prefix === b.allowedOutboundPrefixes[index])
  )
}

/** Zod issues as one line of plain words: paths and messages, never the offending values. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 8)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ')
}

/** Secrets travel one way only: renderer → main, on save. Reads return `hasSecret`, never a value. */
const secretValue = z.string().min(1).max(1024)
export const profileSecretsInputSchema = z.strictObject({
  ami: secretValue.optional(),
  ari: secretValue.optional(),
  freepbx: secretValue.optional(),
})

export const profileSaveInputSchema = z.strictObject({
  profile: pbxProfileSchema,
  secrets: profileSecretsInputSchema.optional(),
  /** Needed when role, read-only or allowed outbound prefixes change (they widen what the console may do). */
  adminPassphrase: z.string().min(1).max(1024).optional(),
})
export type ProfileSaveInput = z.infer<typeof profileSaveInputSchema>

/** Secrets not typed in are taken from the store (an existing profile being edited). */
export const profileTestInputSchema = z.strictObject({
  profile: pbxProfileSchema,
  secrets: profileSecretsInputSchema.optional(),
})

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
