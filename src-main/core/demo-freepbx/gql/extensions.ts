/**
 * Extensions (FreePBX core `Api/Gql/Extensions.php`, `Users.php` type coreuser, `Devices.php` type
 * coredevice): fetchAllExtensions, fetchExtension, addExtension, updateExtension (delete and
 * recreate), deleteExtension, createRangeofExtension. Messages are the module's own.
 * Read with checkAllReadScope, written with checkAllWriteScope (coarse scopes only).
 */
import {
  GraphQLBoolean,
  GraphQLID,
  GraphQLInt,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigMap,
  type GraphQLInputFieldConfigMap,
} from 'graphql'
import { DEFAULT_EXTENSION_SETTINGS, type ExtensionRecord } from '../../demo/config/freepbx-config'
import { generateSecret, newExtension, newVoicemail } from '../../demo/config/office-config'
import type { GqlContext, ModuleFields } from './context'
import { CONNECTION_ARGS, STATUS_FIELDS, connectionFromArray, edgesOf, given, relayMutation, str, type Payload, wrappedConnection } from './relay'

type Row = Readonly<ExtensionRecord> & { readonly status?: boolean; readonly message?: string }

function extensionTypes(): { extension: GraphQLObjectType<Row, GqlContext>; connection: GraphQLObjectType<Payload, GqlContext> } {
  const coreuser = new GraphQLObjectType<Row, GqlContext>({
    name: 'coreuser',
    fields: {
      extension: { type: GraphQLID, resolve: (e) => e.extensionId },
      name: { type: GraphQLString },
      outboundCid: { type: GraphQLString },
      password: { type: GraphQLString, resolve: () => '' },
      voicemail: { type: GraphQLString, resolve: (e, _a, ctx) => (ctx.config.voicemail.has(e.extensionId) ? 'default' : 'novm') },
      ringtimer: { type: GraphQLInt, resolve: (e) => e.settings.ringtimer },
      callwaiting: { type: GraphQLString, resolve: (e) => e.settings.callwaiting },
      // The SIP secret in plain text, as FreePBX returns it (freepbx-api.md §3.1).
      extPassword: { type: GraphQLString, resolve: (e) => e.secret },
    },
  })
  const coredevice = new GraphQLObjectType<Row, GqlContext>({
    name: 'coredevice',
    fields: {
      deviceId: { type: GraphQLID, resolve: (e) => e.extensionId },
      tech: { type: GraphQLString },
      dial: { type: GraphQLString, resolve: (e) => `${e.tech.toUpperCase()}/${e.extensionId}` },
      devicetype: { type: GraphQLString, resolve: () => 'fixed' },
      user: { type: GraphQLString, resolve: (e) => e.extensionId },
      description: { type: GraphQLString, resolve: (e) => e.name },
      emergencyCid: { type: GraphQLString },
    },
  })
  const extension = new GraphQLObjectType<Row, GqlContext>({
    name: 'extension',
    fields: {
      id: { type: GraphQLID, resolve: (e) => ('extensionId' in e ? Buffer.from(`extension:${e.extensionId}`).toString('base64') : null) },
      extensionId: { type: GraphQLID },
      tech: { type: GraphQLString },
      user: { type: coreuser, resolve: (e) => ('settings' in e ? e : null) },
      coreDevice: { type: coredevice, resolve: (e) => ('settings' in e ? e : null) },
      // fetchExtension answers with the node itself, its status and message beside the fields.
      ...STATUS_FIELDS,
    },
  })
  const connection = wrappedConnection('extension', 'extension', extension, { count: { type: GraphQLInt } })
  return { extension, connection }
}

const ADD_FIELDS: GraphQLInputFieldConfigMap = {
  extensionId: { type: new GraphQLNonNull(GraphQLID) },
  tech: { type: GraphQLString },
  channelName: { type: GraphQLString },
  name: { type: new GraphQLNonNull(GraphQLString) },
  outboundCid: { type: GraphQLString },
  emergencyCid: { type: GraphQLString },
  email: { type: new GraphQLNonNull(GraphQLString) },
  umEnable: { type: GraphQLBoolean },
  umGroups: { type: GraphQLString },
  umPassword: { type: GraphQLString },
  vmEnable: { type: GraphQLBoolean },
  vmPassword: { type: GraphQLString },
  callerID: { type: GraphQLString },
  maxContacts: { type: GraphQLString },
}

const UPDATE_FIELDS: GraphQLInputFieldConfigMap = {
  ...ADD_FIELDS,
  name: { type: GraphQLString },
  email: { type: GraphQLString },
  extPassword: { type: GraphQLString },
}

const RANGE_FIELDS: GraphQLInputFieldConfigMap = {
  startExtension: { type: new GraphQLNonNull(GraphQLID) },
  name: { type: new GraphQLNonNull(GraphQLString) },
  tech: { type: GraphQLString },
  numberOfExtensions: { type: new GraphQLNonNull(GraphQLID) },
  umEnable: { type: GraphQLBoolean },
  outboundCid: { type: GraphQLString },
  umGroups: { type: GraphQLString },
  emergencyCid: { type: GraphQLString },
  email: { type: new GraphQLNonNull(GraphQLString) },
  vmEnable: { type: GraphQLBoolean },
  vmPassword: { type: GraphQLString },
  callerID: { type: GraphQLString },
  channelName: { type: GraphQLString },
}

const isNumeric = (v: string): boolean => /^\d+$/.test(v)

/** Core::processQuickCreate: the device and user, the User Manager user, the mailbox. */
function quickCreate(ctx: GqlContext, input: Record<string, unknown>, extensionId: string, name: string, secret: string): boolean {
  const tech = str(input.tech) ?? 'pjsip'
  // ASTSIPDRIVER is chan_pjsip and `sip` is gone on Asterisk 22: any other driver fails to create.
  if (tech !== 'pjsip') return false
  const emergencyCid = str(input.emergencyCid) ?? ''
  const maxContacts = Math.min(Math.max(Number(str(input.maxContacts) ?? '1') || 1, 1), 100)
  const record = newExtension(extensionId, name, {
    tech,
    email: str(input.email) ?? '',
    secret,
    outboundCid: str(input.outboundCid) ?? '',
    emergencyCid,
    callerId: str(input.callerID) ?? `"${name}" <${extensionId}>`,
    channelName: str(input.channelName) ?? '',
    umEnable: input.umEnable !== false,
    umGroups: str(input.umGroups) ?? '1',
    umPassword: str(input.umPassword) ?? '',
    maxContacts,
    settings: { ...DEFAULT_EXTENSION_SETTINGS },
  })
  ctx.config.extensions.set(extensionId, record)
  // resolveNames(): vm is 'yes' unless vmEnable is false. An empty vmPassword leaves the PIN to the
  // voicemail module, which we take to be the extension number [unverified].
  if (input.vmEnable !== false)
    ctx.config.voicemail.set(extensionId, newVoicemail(extensionId, str(input.vmPassword) ?? extensionId, name, record.email))
  else ctx.config.voicemail.delete(extensionId)
  ctx.config.markChanged()
  return true
}

function sorted(ctx: GqlContext): Row[] {
  return [...ctx.config.extensions.values()].sort((a, b) => Number(a.extensionId) - Number(b.extensionId))
}

/** The module's query and mutation fields (built once per schema). */
export function extensionFields(): ModuleFields {
  return { queries: extensionQueries(), mutations: extensionMutations() }
}

/** One page of the extension list, as both list queries answer it (only fetchAllExtensions fills `edges`). */
function extensionPage(ctx: GqlContext, args: Record<string, unknown>, withEdges: boolean): Record<string, unknown> {
  const all = sorted(ctx)
  const slice = connectionFromArray(all, args)
  return {
    status: true,
    message: "Extension's found successfully",
    totalCount: all.length,
    count: slice.nodes.length,
    extension: slice.nodes,
    ...(withEdges ? { edges: edgesOf(slice) } : {}),
    pageInfo: slice.pageInfo,
  }
}

function extensionQueries(): GraphQLFieldConfigMap<unknown, GqlContext> {
  const { extension, connection } = extensionTypes()
  return {
    fetchAllExtensions: {
      type: connection,
      args: CONNECTION_ARGS,
      resolve: (_r, args: Record<string, unknown>, ctx) => extensionPage(ctx, args, true),
    },
    fetchAllValidExtensions: {
      type: connection,
      args: CONNECTION_ARGS,
      resolve: (_r, args: Record<string, unknown>, ctx) => extensionPage(ctx, args, false),
    },
    fetchExtension: {
      type: extension,
      args: { extensionId: { type: GraphQLID } },
      resolve: (_r, args: { extensionId?: string | null }, ctx) => {
        const e = args.extensionId == null ? undefined : ctx.config.extensions.get(args.extensionId)
        if (e === undefined) return { status: false, message: 'Extension does not exists' }
        return { ...e, status: true, message: 'Extension found successfully' }
      },
    },
  }
}

function extensionMutations(): GraphQLFieldConfigMap<unknown, GqlContext> {
  return {
    addExtension: relayMutation('addExtension', 'Add a new Extension to Core', ADD_FIELDS, STATUS_FIELDS, (input, ctx) => {
      const id = str(input.extensionId) ?? ''
      if (!isNumeric(id)) return { message: 'Please enter only numeric values', status: false }
      if (ctx.config.extensions.has(id)) return { message: 'This device id is already in use', status: false }
      if (!quickCreate(ctx, input, id, str(input.name) ?? '', generateSecret())) return { message: 'Failed to create extension', status: false }
      return { message: 'Extension has been created Successfully', status: true }
    }),
    updateExtension: relayMutation('updateExtension', 'Update an Extension in Core', UPDATE_FIELDS, STATUS_FIELDS, (input, ctx) => {
      const id = str(input.extensionId) ?? ''
      if (!isNumeric(id)) return { message: 'Please enter only numeric values', status: false }
      const old = ctx.config.extensions.get(id)
      if (old === undefined) return { status: false, message: 'Extension does not exists.' }
      // getUpdatedValues(): these few are carried over when not sent; everything else is what
      // quick-create gives a new extension — the delete and recreate resets it (issue-tracker#309).
      const box = ctx.config.voicemail.get(id)
      const merged: Record<string, unknown> = {
        ...input,
        tech: given(str(input.tech)) ? input.tech : old.tech,
        channelName: given(str(input.channelName)) ? input.channelName : old.channelName,
        emergencyCid: given(str(input.emergencyCid)) ? input.emergencyCid : old.emergencyCid,
        callerID: given(str(input.callerID)) ? input.callerID : old.callerId,
        outboundCid: given(str(input.outboundCid)) ? input.outboundCid : old.outboundCid,
        email: given(str(input.email)) ? input.email : old.email,
        vmPassword: given(str(input.vmPassword)) ? input.vmPassword : box?.password,
      }
      const name = given(str(input.name)) ? (str(input.name) ?? '') : old.name
      // Without extPassword the recreated device gets generateSecret(): the phone's secret changes
      // [unverified; code reading, freepbx-api.md §3.1].
      const secret = given(str(input.extPassword)) ? (str(input.extPassword) ?? '') : generateSecret()
      ctx.config.extensions.delete(id)
      ctx.config.voicemail.delete(id)
      if (!quickCreate(ctx, merged, id, name, secret)) return { status: false, message: 'Sorry could not update the extension' }
      return { status: true, message: 'Extension has been updated' }
    }),
    deleteExtension: relayMutation(
      'deleteExtension',
      'Delete an Extension in Core',
      { extensionId: { type: new GraphQLNonNull(GraphQLID) } },
      STATUS_FIELDS,
      (input, ctx) => {
        const id = str(input.extensionId) ?? ''
        if (!isNumeric(id)) return { message: 'Please enter only numeric values', status: false }
        if (!ctx.config.extensions.has(id)) return { status: false, message: 'Extension does not exists.' }
        ctx.config.extensions.delete(id)
        ctx.config.voicemail.delete(id)
        // needreload on delete came with core PR #104 (version-dependent); this demo has it.
        ctx.config.markChanged()
        return { status: true, message: 'Extension has been deleted' }
      },
    ),
    createRangeofExtension: relayMutation('CreateRangeofExtension', 'Create a Range of Extensions', RANGE_FIELDS, STATUS_FIELDS, (input, ctx) => {
      const start = Number(str(input.startExtension))
      const count = Number(str(input.numberOfExtensions))
      const name = str(input.name) ?? ''
      // The module tries every number and counts nothing it reports: a number in use is skipped
      // silently and the answer is a success whatever happened (Extensions.php).
      if (Number.isInteger(start) && Number.isInteger(count)) {
        for (let i = start; i < start + Math.min(count, 10_000); i++) {
          const id = String(i)
          if (!ctx.config.extensions.has(id)) quickCreate(ctx, input, id, `${id}  ${name}`, generateSecret())
        }
      }
      return { message: "Extension's has been created Successfully", status: true }
    }),
  }
}
