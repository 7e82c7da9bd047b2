/**
 * How each kind is described to the editor (`config.describe`): fields with their labels, types,
 * limits and rules in words, what is identity and what is secret, what FreePBX's API can do with
 * the kind. The checks themselves are validate.ts; the limits here are the ones it applies.
 */
import {
  extensionTechs,
  ringStrategies,
  type ConfigFieldDescriptor,
  type ConfigKind,
  type ConfigKindDescriptor,
  type PendingChange,
} from '../../../src-preload/types/config'
import type { TextKey } from '../../../src-preload/i18n/catalogue'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)
type Key = TextKey<(typeof strings)['texts']['en']>

export const NUMBER_HINT = 'digits only'
export const DID_HINT = 'empty for any; digits, A–D, *, #, a leading +, or a pattern starting with _ (_X., _2[1-5]XX)'
export const CID_HINT = 'empty for any; digits, A–D, *, #, or a pattern starting with _'

/** Limits validate.ts applies. */
export const LIMITS = {
  maxContacts: { min: 1, max: 100 },
  ringTime: { min: 1, max: 300 },
  delayAnswer: { min: 0, max: 60 },
  penalty: { min: 0, max: 99 },
  pin: { minLength: 4, maxLength: 20 },
  secret: { minLength: 12, maxLength: 128 },
  displayName: { maxLength: 100 },
} as const

/** What FreePBX resets when updateExtension deletes and recreates an extension (freepbx-api.md §6), in the user's language. */
export const extensionUpdateWarnings = (): string[] => [t('warn.recreated'), t('warn.userManager'), t('warn.secretKept')]

/** The English sentences (the audit's words and the tests'). */
export const EXTENSION_UPDATE_WARNINGS = [
  'FreePBX deletes and recreates the extension: settings this console does not edit go back to their defaults — voicemail options, Follow-Me, and the Advanced settings (DTMF mode, transport, call waiting, ring time, WebRTC, direct media).',
  'The User Manager user is recreated.',
  'The SIP secret is kept (this console sends it back); phones stay registered.',
] as const

/** In a range's name, where each extension's number goes ("Desk {n}"). */
export const RANGE_NUMBER = '{n}'

/** A range's name for extension `n`: every {n} replaced by the number. */
export function rangeName(name: string, n: number): string {
  return name.split(RANGE_NUMBER).join(String(n))
}

const f = (d: ConfigFieldDescriptor): ConfigFieldDescriptor => d

export const DESCRIPTORS: readonly ConfigKindDescriptor[] = [
  {
    kind: 'extension',
    label: 'Extension',
    plural: 'Extensions',
    operations: ['create', 'createRange', 'update', 'remove', 'rotateSecret', 'restore'],
    updateNote: EXTENSION_UPDATE_WARNINGS.join(' '),
    fields: [
      f({
        name: 'extension',
        label: 'Extension number',
        type: 'text',
        required: true,
        identity: true,
        maxLength: 20,
        hint: 'digits only, not used by another extension, ring group or queue',
      }),
      f({
        name: 'name',
        label: 'Display name',
        type: 'text',
        required: true,
        maxLength: LIMITS.displayName.maxLength,
      }),
      f({ name: 'tech', label: 'Technology', type: 'enum', required: true, options: extensionTechs }),
      f({ name: 'email', label: 'Email', type: 'text', required: false, maxLength: 200 }),
      f({ name: 'outboundCid', label: 'Outbound caller ID', type: 'text', required: false, maxLength: 100, hint: '"Name" <number>, or a number' }),
      f({ name: 'emergencyCid', label: 'Emergency caller ID', type: 'text', required: false, maxLength: 100, hint: 'digits (with a leading +)' }),
      f({ name: 'callerId', label: 'Internal caller ID', type: 'text', required: false, maxLength: 100 }),
      f({ name: 'voicemail', label: 'Voicemail', type: 'boolean', required: true }),
      f({ name: 'userManager', label: 'User Manager user', type: 'boolean', required: true }),
      f({
        name: 'maxContacts',
        label: 'Devices that may register',
        type: 'number',
        required: true,
        min: LIMITS.maxContacts.min,
        max: LIMITS.maxContacts.max,
      }),
      f({
        name: 'secret',
        label: 'SIP secret',
        type: 'secret',
        required: false,
        secret: true,
        readOnly: true,
        hint: 'never shown; rotate it to set a new one',
      }),
      f({
        name: 'voicemailPin',
        label: 'Voicemail PIN',
        type: 'secret',
        required: false,
        secret: true,
        hint: '4–20 digits; needed when voicemail is switched on',
      }),
      f({ name: 'userManagerPassword', label: 'User Manager password', type: 'secret', required: false, secret: true }),
    ],
  },
  {
    kind: 'ringGroup',
    label: 'Ring group',
    plural: 'Ring groups',
    operations: ['create', 'update', 'remove', 'restore'],
    updateNote: 'FreePBX deletes the group and adds it again with the old values merged in; calls ringing the group at that moment are not affected.',
    fields: [
      f({
        name: 'group',
        label: 'Group number',
        type: 'text',
        required: true,
        identity: true,
        maxLength: 20,
        hint: 'digits only, not used by an extension or another ring group',
      }),
      f({ name: 'description', label: 'Description', type: 'text', required: true, maxLength: 100 }),
      f({ name: 'strategy', label: 'Ring strategy', type: 'enum', required: true, options: ringStrategies }),
      f({ name: 'members', label: 'Members', type: 'numberList', required: true, hint: 'extensions that exist, or outside numbers ending in #' }),
      f({
        name: 'ringTime',
        label: 'Ring time (s)',
        type: 'number',
        required: true,
        min: LIMITS.ringTime.min,
        max: LIMITS.ringTime.max,
        default: 20,
      }),
      f({ name: 'cidPrefix', label: 'Caller name prefix', type: 'text', required: false, maxLength: 50 }),
      f({ name: 'noAnswer', label: 'If nobody answers', type: 'destination', required: true }),
      f({ name: 'alertInfo', label: 'Alert info', type: 'text', required: false, maxLength: 200 }),
      f({ name: 'confirmCalls', label: 'Confirm calls', type: 'boolean', required: true }),
      f({ name: 'ignoreCallForward', label: 'Ignore call forwarding', type: 'boolean', required: true }),
      f({ name: 'ignoreCallWaiting', label: 'Skip busy members', type: 'boolean', required: true }),
      f({ name: 'pickup', label: 'Allow call pickup', type: 'boolean', required: true }),
    ],
  },
  {
    kind: 'inboundRoute',
    label: 'Inbound route',
    plural: 'Inbound routes',
    operations: ['create', 'update', 'remove', 'restore'],
    fields: [
      f({ name: 'did', label: 'DID number', type: 'pattern', required: false, identity: true, maxLength: 60, hint: DID_HINT }),
      f({ name: 'cid', label: 'Caller ID number', type: 'pattern', required: false, identity: true, maxLength: 60, hint: CID_HINT }),
      f({ name: 'description', label: 'Description', type: 'text', required: false, maxLength: 100 }),
      f({ name: 'destination', label: 'Destination', type: 'destination', required: true }),
      f({ name: 'cidPrefix', label: 'Caller name prefix', type: 'text', required: false, maxLength: 50 }),
      f({ name: 'alertInfo', label: 'Alert info', type: 'text', required: false, maxLength: 200 }),
      f({ name: 'musicClass', label: 'Music on hold', type: 'text', required: false, maxLength: 80 }),
      f({ name: 'ringing', label: 'Signal ringing', type: 'boolean', required: true }),
      f({ name: 'delayAnswer', label: 'Delay answer (s)', type: 'number', required: true, min: LIMITS.delayAnswer.min, max: LIMITS.delayAnswer.max }),
      f({ name: 'privacyManager', label: 'Privacy Manager', type: 'boolean', required: true }),
    ],
  },
  {
    kind: 'voicemail',
    label: 'Voicemail',
    plural: 'Voicemail boxes',
    operations: ['update', 'remove', 'restore'],
    updateNote:
      'FreePBX has no call to change a mailbox: this console disables it and enables it again with the new settings (messages are kept on the PBX).',
    fields: [
      f({ name: 'extension', label: 'Extension', type: 'text', required: true, identity: true, maxLength: 20 }),
      f({ name: 'enabled', label: 'Enabled', type: 'boolean', required: true }),
      f({ name: 'name', label: 'Name', type: 'text', required: false, maxLength: 100 }),
      f({ name: 'email', label: 'Email', type: 'text', required: false, maxLength: 200 }),
      f({ name: 'pager', label: 'Pager email', type: 'text', required: false, maxLength: 200 }),
      f({ name: 'attach', label: 'Attach recording', type: 'boolean', required: true }),
      f({ name: 'sayCallerId', label: 'Say caller ID', type: 'boolean', required: true }),
      f({ name: 'envelope', label: 'Say date and time', type: 'boolean', required: true }),
      f({ name: 'deleteAfterEmail', label: 'Delete after email', type: 'boolean', required: true }),
      f({
        name: 'pin',
        label: 'PIN',
        type: 'secret',
        required: false,
        secret: true,
        keepsWhenEmpty: true,
        hint: '4–20 digits; empty keeps the current PIN',
      }),
    ],
  },
  {
    kind: 'queueMembers',
    label: 'Queue members',
    plural: 'Queues',
    operations: ['update', 'restore'],
    updateNote: 'Static and dynamic members take effect on Apply; logged-in members change at once.',
    fields: [
      f({ name: 'queue', label: 'Queue', type: 'text', required: true, identity: true, readOnly: true }),
      f({ name: 'name', label: 'Name', type: 'text', required: false, readOnly: true }),
      f({ name: 'staticMembers', label: 'Static members', type: 'members', required: true, hint: 'extensions that exist; penalty 0–99' }),
      f({ name: 'dynamicMembers', label: 'Dynamic members', type: 'members', required: true, hint: 'may log in and out; penalty 0–99' }),
      f({ name: 'loggedIn', label: 'Logged in now', type: 'members', required: true, hint: 'changed live, without Apply' }),
    ],
  },
]

/**
 * The kinds as `config.describe` tells them: labels, rules and notes in the user's language (the
 * English DESCRIPTORS stay the names diffs and the audit record). Keys follow the field's name:
 * `f.<kind>.<field>`, `h.<kind>.<field>` where the English has a hint, `note.<kind>`.
 */
export function describeKinds(): ConfigKindDescriptor[] {
  return DESCRIPTORS.map((d) => ({
    ...d,
    label: t(`kind.${d.kind}`),
    plural: t(`kinds.${d.kind}`),
    ...(d.updateNote === undefined ? {} : { updateNote: d.kind === 'extension' ? extensionUpdateWarnings().join(' ') : t(`note.${d.kind}` as Key) }),
    fields: d.fields.map((f) => ({
      ...f,
      label: t(`f.${d.kind}.${f.name}` as Key),
      ...(f.hint === undefined ? {} : { hint: t(`h.${d.kind}.${f.name}` as Key) }),
    })),
  }))
}

/**
 * A recorded change as the tray shows it: the pending list keeps English names (the audit's), the
 * window reads its kind, field labels and on/off in the user's language. Values FreePBX named stay.
 */
export function shownChange(change: PendingChange): PendingChange {
  const d = descriptorOf(change.kind)
  const label = shownLabel(change.kind, change.label)
  const onOff = (v: string | undefined): string | undefined => (v === 'on' ? t('diff.on') : v === 'off' ? t('diff.off') : v)
  return {
    ...change,
    label,
    diff: change.diff.map((x) => {
      const field = d.fields.find((f) => f.name === x.field)
      if (field === undefined) return x
      const boolean = field.type === 'boolean'
      return {
        ...x,
        label: t(`f.${d.kind}.${field.name}` as Key),
        ...(boolean && x.before !== undefined ? { before: onOff(x.before) } : {}),
        ...(boolean && x.after !== undefined ? { after: onOff(x.after) } : {}),
      }
    }),
  }
}

/** An object's English label (objectLabel's, the audit's) with its kind in the user's language: "Nebenstelle 205 Front desk". */
export function shownLabel(kind: ConfigKind, label: string): string {
  const d = descriptorOf(kind)
  if (label.startsWith(`${d.label} `)) return `${t(`kind.${kind}`)}${label.slice(d.label.length)}`
  if (label.startsWith(`${d.plural} `)) return `${t(`kinds.${kind}`)}${label.slice(d.plural.length)}`
  return label
}

export function descriptorOf(kind: ConfigKind): ConfigKindDescriptor {
  const d = DESCRIPTORS.find((x) => x.kind === kind)
  if (d === undefined) throw new Error(`No descriptor for ${kind}`)
  return d
}

/** A field's label for diffs and messages. */
export function fieldLabel(kind: ConfigKind, field: string): string {
  return descriptorOf(kind).fields.find((x) => x.name === field)?.label ?? field
}

/** How the tray and the audit name an object: "Extension 205 Front desk". */
export function objectLabel(kind: ConfigKind, id: string, name?: string): string {
  const base = `${descriptorOf(kind).label} ${kind === 'inboundRoute' ? routeLabel(id) : id}`
  return name === undefined || name === '' ? base : `${base} ${name}`
}

function routeLabel(id: string): string {
  const [did = '', cid = ''] = id.split('/')
  const d = did === '' ? 'any DID' : did
  return cid === '' ? d : `${d} from ${cid}`
}
