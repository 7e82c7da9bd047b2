/**
 * Extensions over FreePBX core's GraphQL (freepbx-api.md §3.1). Quirks handled here:
 * - `fetchExtension` returns the SIP secret in plain text (`user.extPassword`): it goes into the
 *   image (versions, restore) and nowhere else;
 * - `updateExtension` deletes and recreates the extension: every field we know is sent, and
 *   `extPassword` with the secret read just before, or FreePBX gives the phone a new secret;
 * - `addExtension` has no `extPassword`: FreePBX generates one; a restore sets it afterwards;
 * - email, the device caller ID, User Manager and max contacts are not readable: an update sends
 *   them only when the admin changed them, and FreePBX keeps its own otherwise.
 */
import type { ExtensionSecrets, ExtensionValues } from '../../../../src-preload/types/config'
import type { KindBackend, ReadItem } from '../../config/backend'
import { extensionUpdateWarnings, RANGE_NUMBER, rangeName } from '../../config/descriptors'
import { say } from '../../i18n'
import { strings } from '../../config/strings'
import { strings as own } from './strings'
import { ALL, type FreepbxRunner, type GqlInput, literal, mutate, queryField, queryMaybe, record, records, scoped, str, type Scope } from './gql'

const t = say(strings)
const says = say(own)

const NODE =
  'extensionId tech user { name outboundCid voicemail ringtimer callwaiting extPassword } coreDevice { deviceId tech description emergencyCid }'
const READ_SCOPE: Scope = { scope: 'gql:core', alternative: 'gql:core:read' }
const WRITE_SCOPE: Scope = { scope: 'gql:core', alternative: 'gql:core:write' }

/** What is read of an extension, the secret included; main only. */
export interface ExtensionImage {
  readonly extensionId: string
  readonly tech: string
  readonly name: string
  readonly outboundCid: string
  readonly emergencyCid: string
  readonly voicemail: string
  readonly ringtimer: number
  readonly callwaiting: string
  readonly secret: string
}

function image(node: Record<string, unknown>): ExtensionImage {
  const user = record(node.user) ?? {}
  const device = record(node.coreDevice) ?? {}
  return {
    extensionId: str(node.extensionId),
    tech: str(node.tech) || str(device.tech) || 'pjsip',
    name: str(user.name) || str(device.description),
    outboundCid: str(user.outboundCid),
    emergencyCid: str(device.emergencyCid),
    voicemail: str(user.voicemail),
    ringtimer: typeof user.ringtimer === 'number' ? user.ringtimer : 0,
    callwaiting: str(user.callwaiting),
    secret: str(user.extPassword),
  }
}

function values(i: ExtensionImage): ExtensionValues {
  return {
    extension: i.extensionId,
    name: i.name,
    tech: i.tech === 'sip' ? 'sip' : 'pjsip',
    email: '',
    outboundCid: i.outboundCid,
    emergencyCid: i.emergencyCid,
    callerId: '',
    voicemail: i.voicemail !== '' && i.voicemail !== 'novm',
    userManager: true,
    maxContacts: 1,
  }
}

/** What this update resets, from what can be seen of the extension now. */
function warnings(i: ExtensionImage): string[] {
  const out: string[] = extensionUpdateWarnings()
  if (i.ringtimer !== 0) out.push(t('warn.ringTime', { seconds: String(i.ringtimer) }))
  if (i.callwaiting !== '' && i.callwaiting !== 'enabled') out.push(t('warn.callWaiting'))
  return out
}

function item(node: Record<string, unknown>): ReadItem<'extension'> {
  const i = image(node)
  return { id: i.extensionId, values: values(i), meta: { hasSecret: i.secret !== '', updateWarnings: warnings(i) }, image: i }
}

/** Fields FreePBX cannot tell us: sent only when the admin set them to something else than shown. */
function unreadable(v: ExtensionValues, shown: ExtensionValues | undefined): GqlInput {
  const changed = (k: keyof ExtensionValues): boolean => shown === undefined || v[k] !== shown[k]
  return {
    ...(changed('email') && v.email !== '' ? { email: v.email } : {}),
    ...(changed('callerId') && v.callerId !== '' ? { callerID: v.callerId } : {}),
    ...(changed('userManager') ? { umEnable: v.userManager } : {}),
    ...(changed('maxContacts') ? { maxContacts: String(v.maxContacts) } : {}),
  }
}

function secretsInput(v: ExtensionValues, s: ExtensionSecrets): GqlInput {
  return {
    ...(v.voicemail && s.voicemailPin !== undefined && s.voicemailPin !== '' ? { vmPassword: s.voicemailPin } : {}),
    ...(v.userManager && s.userManagerPassword !== undefined && s.userManagerPassword !== '' ? { umPassword: s.userManagerPassword } : {}),
  }
}

export function extensionBackend(run: FreepbxRunner): KindBackend<'extension'> & {
  createRange(start: number, count: number, template: Omit<ExtensionValues, 'extension'>, secrets: ExtensionSecrets): Promise<void>
  setSecret(before: ReadItem<'extension'>, secret: string): Promise<void>
} {
  const get = (id: string): Promise<ReadItem<'extension'> | undefined> =>
    scoped(READ_SCOPE, 'readExtensions', () =>
      run(async (c) => {
        const node = await queryMaybe(c, 'fetchExtension', `extensionId: ${literal(id)}`, `status message ${NODE}`)
        return node === undefined || str(node.extensionId) === '' ? undefined : item(node)
      }),
    )
  const update = (before: ReadItem<'extension'>, v: ExtensionValues, s: ExtensionSecrets, secret?: string): Promise<void> => {
    const i = before.image as ExtensionImage
    const input: GqlInput = {
      extensionId: before.id,
      name: v.name,
      tech: v.tech,
      outboundCid: v.outboundCid,
      emergencyCid: v.emergencyCid,
      vmEnable: v.voicemail,
      ...unreadable(v, before.values),
      ...secretsInput(v, s),
      // Without it the recreated device gets a new random secret and the phone drops off.
      extPassword: secret ?? i.secret,
    }
    return scoped(WRITE_SCOPE, 'changeExtensions', () => run((c) => mutate(c, 'updateExtension', input).then(() => undefined)))
  }
  const create = (v: ExtensionValues, s: ExtensionSecrets): Promise<void> => {
    const input: GqlInput = {
      extensionId: v.extension,
      name: v.name,
      // email is String! in addExtension.
      email: v.email,
      tech: v.tech,
      outboundCid: v.outboundCid,
      emergencyCid: v.emergencyCid,
      vmEnable: v.voicemail,
      umEnable: v.userManager,
      maxContacts: String(v.maxContacts),
      ...(v.callerId === '' ? {} : { callerID: v.callerId }),
      ...secretsInput(v, s),
    }
    return scoped(WRITE_SCOPE, 'createExtensions', () => run((c) => mutate(c, 'addExtension', input).then(() => undefined)))
  }
  return {
    idOf: (v) => v.extension,
    list: () =>
      scoped(READ_SCOPE, 'readExtensions', () =>
        run(async (c) => {
          const root = await queryField(c, 'fetchAllExtensions', ALL, `status message totalCount extension { ${NODE} }`)
          return records(root.extension).map(item)
        }),
      ),
    get,
    create,
    update: (before, v, s) => update(before, v, s),
    remove: (before) =>
      scoped(WRITE_SCOPE, 'deleteExtensions', () => run((c) => mutate(c, 'deleteExtension', { extensionId: before.id }).then(() => undefined))),
    restore: async (img, current) => {
      const i = img.image as ExtensionImage
      if (current === undefined) await create({ ...img.values, userManager: false }, {})
      const now = current ?? (await get(img.id))
      if (now === undefined) throw new Error(says('err.notRecreated', { id: img.id }))
      // The old secret back, so the phone registers again as before.
      await update(now, img.values, {}, i.secret)
    },
    createRange: async (start, count, t, s) => {
      // createRangeofExtension names each "<number> <name>" and takes no pattern: a name holding
      // {n} is created one by one, {n} replaced by each number (a number in use is left alone, as
      // FreePBX's range does; the service checked every number first).
      if (t.name.includes(RANGE_NUMBER)) {
        for (let n = start; n < start + count; n++) {
          const extension = String(n)
          if ((await get(extension)) === undefined) await create({ ...t, extension, name: rangeName(t.name, n) }, s)
        }
        return
      }
      await scoped(WRITE_SCOPE, 'createExtensions', () =>
        run((c) =>
          mutate(c, 'createRangeofExtension', {
            startExtension: String(start),
            numberOfExtensions: String(count),
            name: t.name,
            email: t.email,
            tech: t.tech,
            outboundCid: t.outboundCid,
            emergencyCid: t.emergencyCid,
            vmEnable: t.voicemail,
            umEnable: t.userManager,
            ...(t.callerId === '' ? {} : { callerID: t.callerId }),
            ...(t.voicemail && s.voicemailPin !== undefined && s.voicemailPin !== '' ? { vmPassword: s.voicemailPin } : {}),
          }).then(() => undefined),
        ),
      )
    },
    setSecret: (before, secret) => update(before, before.values, {}, secret),
  }
}
