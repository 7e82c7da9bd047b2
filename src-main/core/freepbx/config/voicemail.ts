/**
 * Voicemail over FreePBX/voicemail's GraphQL (freepbx-api.md §3.7). There is no update mutation:
 * a change is `disableVoiceMail` then `enableVoiceMail` with every setting and the PIN (the one
 * read, unless a new one is given) — a delete-and-recreate done here, so a failure in between is
 * reported as half-written by the core and can be restored. Both run `voicemail reload` themselves.
 * The mailbox list is the extensions' (`user.voicemail`): FreePBX has no query for all mailboxes.
 */
import type { VoicemailSecrets, VoicemailValues } from '../../../../src-preload/types/config'
import type { KindBackend, ReadItem } from '../../config/backend'
import {
  ALL,
  bool,
  type FreepbxRunner,
  type GqlInput,
  literal,
  mutate,
  queryField,
  queryMaybe,
  record,
  records,
  scoped,
  str,
  type Scope,
} from './gql'

const FIELDS = 'status message context password name email pager attach saycid envelope delete'
const READ_SCOPE: Scope = { scope: 'gql:voicemail', alternative: 'gql:voicemail:read:voicemail' }
const WRITE_SCOPE: Scope = { scope: 'gql:voicemail', alternative: 'gql:voicemail:write' }

/** What is read of a mailbox, its PIN included; main only. */
interface MailboxImage {
  readonly extension: string
  readonly box: Record<string, unknown> | undefined
}

function item(extension: string, box: Record<string, unknown> | undefined, fallbackName: string): ReadItem<'voicemail'> {
  const values: VoicemailValues = {
    extension,
    enabled: box !== undefined,
    name: box === undefined ? fallbackName : str(box.name),
    email: str(box?.email),
    pager: str(box?.pager),
    attach: bool(box?.attach),
    sayCallerId: bool(box?.saycid),
    envelope: bool(box?.envelope),
    deleteAfterEmail: bool(box?.delete),
  }
  const image: MailboxImage = { extension, box }
  return { id: extension, values, meta: { hasPin: str(box?.password) !== '' }, image }
}

/**
 * enableVoiceMail stores an option as "yes" whenever it is sent at all (an assignment in the
 * module's `if ($input['saycid'] = true)`), so only the options that are on are sent.
 */
function enableInput(v: VoicemailValues, pin: string): GqlInput {
  return {
    extensionId: v.extension,
    password: pin,
    name: v.name,
    email: v.email,
    pager: v.pager,
    ...(v.attach ? { attach: true } : {}),
    ...(v.sayCallerId ? { saycid: true } : {}),
    ...(v.envelope ? { envelope: true } : {}),
    ...(v.deleteAfterEmail ? { delete: true } : {}),
  }
}

export function voicemailBackend(run: FreepbxRunner): KindBackend<'voicemail'> {
  const fetchBox = (extension: string): Promise<Record<string, unknown> | undefined> =>
    scoped(READ_SCOPE, 'readVoicemail', () => run((c) => queryMaybe(c, 'fetchVoiceMail', `extensionId: ${literal(extension)}`, FIELDS)))
  const extensionName = (extension: string): Promise<string | undefined> =>
    run(async (c) => {
      const node = await queryMaybe(c, 'fetchExtension', `extensionId: ${literal(extension)}`, 'status message extensionId user { name }')
      return node === undefined || str(node.extensionId) === '' ? undefined : str(record(node.user)?.name)
    })
  const enable = (v: VoicemailValues, pin: string): Promise<void> =>
    scoped(WRITE_SCOPE, 'changeVoicemail', () => run((c) => mutate(c, 'enableVoiceMail', enableInput(v, pin)).then(() => undefined)))
  const disable = (extension: string): Promise<void> =>
    scoped(WRITE_SCOPE, 'changeVoicemail', () => run((c) => mutate(c, 'disableVoiceMail', { extensionId: extension }).then(() => undefined)))
  const update = async (before: ReadItem<'voicemail'>, v: VoicemailValues, s: VoicemailSecrets): Promise<void> => {
    const old = (before.image as MailboxImage).box
    if (!v.enabled) {
      if (old !== undefined) await disable(before.id)
      return
    }
    const pin = s.pin !== undefined && s.pin !== '' ? s.pin : str(old?.password)
    if (old !== undefined) await disable(before.id)
    await enable(v, pin)
  }
  return {
    idOf: (v) => v.extension,
    list: () =>
      scoped({ scope: 'gql:core', alternative: 'gql:core:read' }, 'readExtensions', () =>
        run(async (c) => {
          const root = await queryField(c, 'fetchAllExtensions', ALL, 'status message extension { extensionId user { name voicemail } }')
          // Settings and PIN are read per mailbox (config.get): FreePBX lists no mailboxes.
          return records(root.extension).map((node) => {
            const user = record(node.user) ?? {}
            const enabled = str(user.voicemail) !== '' && str(user.voicemail) !== 'novm'
            const listed = item(str(node.extensionId), enabled ? { name: user.name } : undefined, str(user.name))
            return {
              ...listed,
              meta: { readOnlyReason: 'open it to see and change its settings' },
              image: { listed: true, ...(listed.image as object) },
            }
          })
        }),
      ),
    get: async (id) => {
      const [box, name] = await Promise.all([fetchBox(id), extensionName(id)])
      if (name === undefined) return undefined
      return item(id, box, name)
    },
    update,
    remove: async (before) => {
      await disable(before.id)
    },
    restore: async (img, current) => {
      const box = (img.image as MailboxImage).box
      const now = current === undefined ? undefined : (current.image as MailboxImage).box
      if (now !== undefined) await disable(img.id)
      if (box !== undefined) await enable(img.values, str(box.password))
    },
  }
}
