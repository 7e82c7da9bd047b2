/**
 * Voicemail (FreePBX/voicemail `Api/Gql/Voicemail.php`): fetchVoiceMail (checkReadScope
 * 'voicemail'), enableVoiceMail ("already exists" — there is no update), disableVoiceMail. Both
 * writes run `voicemail reload` themselves: the mailbox reaches the PBX at once, without Apply.
 */
import { GraphQLBoolean, GraphQLID, GraphQLNonNull, GraphQLObjectType, GraphQLString, type GraphQLFieldConfigMap } from 'graphql'
import type { VoicemailRecord } from '../../demo/config/freepbx-config'
import { newVoicemail } from '../../demo/config/office-config'
import type { GqlContext, ModuleFields } from './context'
import { STATUS_FIELDS, relayMutation, str, type Payload } from './relay'

type Row = { readonly response?: VoicemailRecord; readonly status: boolean; readonly message: string }

function voiceMailType(): GraphQLObjectType<Row, GqlContext> {
  const opt = (key: keyof VoicemailRecord) => ({ type: GraphQLString, resolve: (r: Row) => r.response?.[key] ?? null })
  return new GraphQLObjectType<Row, GqlContext>({
    name: 'voiceMail',
    description: 'Read the Voicemail information',
    fields: {
      id: {
        type: GraphQLID,
        resolve: (r) => (r.response === undefined ? null : Buffer.from(`extension:${r.response.extensionId}`).toString('base64')),
      },
      ...STATUS_FIELDS,
      context: opt('context'),
      password: opt('password'),
      name: opt('name'),
      email: opt('email'),
      pager: opt('pager'),
      attach: opt('attach'),
      saycid: opt('saycid'),
      envelope: opt('envelope'),
      delete: opt('delete'),
    },
  })
}

/** The part of voicemail the PBX reloads right away. */
function voicemailReload(ctx: GqlContext): void {
  ctx.config.markChanged()
  ctx.config.applyParts(new Set(['voicemail']))
}

export function voicemailFields(access: { readonly read: boolean; readonly write: boolean }): ModuleFields {
  const queries: GraphQLFieldConfigMap<unknown, GqlContext> = {}
  const mutations: GraphQLFieldConfigMap<unknown, GqlContext> = {}
  if (access.read) {
    queries.fetchVoiceMail = {
      type: voiceMailType(),
      description: 'Return extension details',
      args: { extensionId: { type: new GraphQLNonNull(GraphQLID) } },
      resolve: (_r, args: { extensionId: string }, ctx): Row => {
        const box = ctx.config.voicemail.get(args.extensionId)
        if (box === undefined) return { message: 'Sorry unable to fetch the status', status: false }
        return { message: 'Voicemail data found successfully', response: box, status: true }
      },
    }
  }
  if (access.write) {
    mutations.enableVoiceMail = relayMutation(
      'enableVoiceMail',
      'Create/enable a voicemail account',
      {
        extensionId: { type: new GraphQLNonNull(GraphQLString) },
        password: { type: new GraphQLNonNull(GraphQLString) },
        name: { type: GraphQLString },
        email: { type: GraphQLString },
        pager: { type: GraphQLString },
        saycid: { type: GraphQLBoolean },
        envelope: { type: GraphQLBoolean },
        attach: { type: GraphQLBoolean },
        delete: { type: GraphQLBoolean },
      },
      STATUS_FIELDS,
      (input, ctx): Payload => {
        const id = str(input.extensionId) ?? ''
        if (ctx.config.voicemail.has(id)) return { message: 'Sorry,voicemail already exists.', status: false }
        const box = newVoicemail(id, str(input.password) ?? '', str(input.name) ?? '', str(input.email) ?? '')
        box.pager = str(input.pager) ?? ''
        // resolveInputNames() tests `if ($input['saycid'] = true)` — an assignment: an option that is
        // sent at all, true or false, is stored as yes (Voicemail.php).
        for (const key of ['saycid', 'envelope', 'attach', 'delete'] as const) if (input[key] !== undefined && input[key] !== null) box[key] = 'yes'
        ctx.config.voicemail.set(id, box)
        voicemailReload(ctx)
        return { message: 'Voicemail has been created successfully', status: true }
      },
    )
    mutations.disableVoiceMail = relayMutation(
      'disableVoiceMail',
      'Delete/disable a voicemail account',
      { extensionId: { type: new GraphQLNonNull(GraphQLString) } },
      STATUS_FIELDS,
      (input, ctx) => {
        if (!ctx.config.voicemail.delete(str(input.extensionId) ?? '')) return { message: 'Sorry,voicemail does not  exists.', status: false }
        voicemailReload(ctx)
        return { message: 'Voicemail has been disabled', status: true }
      },
    )
  }
  return { queries, mutations }
}
