/**
 * Ring groups (FreePBX/ringgroups `Api/Gql/Ringgroups.php`): fetchAllRingGroups, fetchRingGroup,
 * addRingGroup (its defaults, and the CID prefix `ringall` when groupPrefix is left out — a bug in
 * the module), updateRingGroup (delete, then add with the old values merged in), deleteRingGroup.
 * Coarse scopes only.
 */
import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLID,
  GraphQLInt,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigMap,
  type GraphQLInputFieldConfigMap,
} from 'graphql'
import type { RingGroupRecord } from '../../demo/config/freepbx-config'
import { newRingGroup } from '../../demo/config/office-config'
import type { GqlContext, ModuleFields } from './context'
import { CONNECTION_ARGS, STATUS_FIELDS, connectionFromArray, relayMutation, str, wrappedConnection } from './relay'

type Row = Partial<RingGroupRecord> & { readonly status?: boolean; readonly message?: string }

const checked = (v: string | undefined): boolean => v === 'CHECKED'

const STRATEGIES: Record<string, string> = {
  ringall: 'ringall',
  ringallprim: 'ringall-prim',
  hunt: 'hunt',
  huntprim: 'hunt-prim',
  memoryhunt: 'memoryhunt',
  memoryhuntprim: 'memoryhunt-prim',
  firstavailable: 'firstavailable',
  firstnotonphone: 'firstnotonphone',
}

function ringGroupType(): GraphQLObjectType<Row, GqlContext> {
  const strategy = new GraphQLEnumType({
    name: 'ringstrategies',
    description: 'Ring Strategies',
    values: Object.fromEntries(Object.entries(STRATEGIES).map(([name, value]) => [name, { value }])),
  })
  const s = (key: keyof RingGroupRecord) => ({ type: GraphQLString, resolve: (r: Row) => r[key] ?? null })
  return new GraphQLObjectType<Row, GqlContext>({
    name: 'ringgroup',
    description: 'Used to set ringgroup values',
    fields: {
      id: { type: GraphQLID, resolve: (r) => (r.grpnum === undefined ? null : Buffer.from(`ringgroup:${r.grpnum}`).toString('base64')) },
      groupNumber: { type: GraphQLInt, resolve: (r) => (r.grpnum === undefined ? null : Number(r.grpnum)) },
      description: s('description'),
      groupList: s('grplist'),
      groupTime: { type: GraphQLInt, resolve: (r) => r.grptime ?? null },
      groupPrefix: s('grppre'),
      needConf: { type: GraphQLBoolean, resolve: (r) => (r.needsconf === undefined ? null : checked(r.needsconf)) },
      overrideRingerVolume: s('rvolume'),
      changecid: s('changecid'),
      fixedcid: s('fixedcid'),
      callRecording: s('recording'),
      pickupCall: { type: GraphQLBoolean, resolve: (r) => (r.cpickup === undefined ? null : checked(r.cpickup)) },
      callProgress: { type: GraphQLBoolean, resolve: (r) => r.progress === 'yes' },
      answeredElseWhere: { type: GraphQLBoolean, resolve: (r) => r.elsewhere === 'yes' },
      ignoreCallForward: { type: GraphQLBoolean, resolve: (r) => (r.cfignore === undefined ? null : checked(r.cfignore)) },
      ignoreCallWait: { type: GraphQLBoolean, resolve: (r) => (r.cwignore === undefined ? null : checked(r.cwignore)) },
      alertInfo: s('alertinfo'),
      recevierMessageConfirmCall: {
        ...s('remotealert_id'),
        deprecationReason: 'Deprecated due to misspelling. Use receiverMessageConfirmCall instead.',
      },
      recevierMessage: { ...s('toolate_id'), deprecationReason: 'Deprecated due to misspelling. Use receiverMessage instead.' },
      receiverMessageConfirmCall: s('remotealert_id'),
      receiverMessage: s('toolate_id'),
      postAnswer: s('postdest'),
      callerMessage: s('annmsg_id'),
      ringingMusic: s('ringing'),
      strategy: { type: strategy, resolve: (r) => r.strategy ?? null },
      ...STATUS_FIELDS,
    },
  })
}

const INPUT: GraphQLInputFieldConfigMap = {
  groupNumber: { type: new GraphQLNonNull(GraphQLID) },
  description: { type: GraphQLString },
  strategy: { type: new GraphQLNonNull(GraphQLString) },
  extensionList: { type: new GraphQLNonNull(GraphQLString) },
  ringTime: { type: GraphQLString },
  groupPrefix: { type: GraphQLString },
  callerMessage: { type: GraphQLString },
  postAnswer: { type: GraphQLString },
  alertInfo: { type: GraphQLString },
  needConf: { type: GraphQLBoolean },
  recevierMessageConfirmCall: { type: GraphQLString, deprecationReason: 'Deprecated due to misspelling. Use receiverMessageConfirmCall instead.' },
  recevierMessage: { type: GraphQLString, deprecationReason: 'Deprecated due to misspelling. Use receiverMessage instead.' },
  receiverMessageConfirmCall: { type: GraphQLString },
  receiverMessage: { type: GraphQLString },
  ringingMusic: { type: GraphQLString },
  ignoreCallForward: { type: GraphQLBoolean },
  ignoreCallWait: { type: GraphQLBoolean },
  pickupCall: { type: GraphQLBoolean },
  callRecording: { type: GraphQLString },
  callProgress: { type: GraphQLBoolean },
  answeredElseWhere: { type: GraphQLBoolean },
  overrideRingerVolume: { type: GraphQLString },
  changecid: { type: GraphQLString },
  fixedcid: { type: GraphQLString },
}

const UPDATE_INPUT: GraphQLInputFieldConfigMap = Object.fromEntries(
  Object.entries(INPUT).map(([k, v]) => [
    k,
    k === 'groupNumber' ? v : { ...v, type: v.type instanceof GraphQLNonNull ? (v.type.ofType as typeof GraphQLString) : v.type },
  ]),
)

const flag = (v: unknown, on: string, off: string): string => (v === true ? on : off)

/** The row addRingGroup() stores; `base` holds the old values for updateRingGroup(). */
function rowFrom(grpnum: string, input: Record<string, unknown>, base: RingGroupRecord | undefined): RingGroupRecord {
  const pick = (key: string, old: string | undefined, fallback: string): string => str(input[key]) ?? old ?? fallback
  const bool = (key: string, old: string | undefined, on: string, off: string): string =>
    input[key] === undefined || input[key] === null ? (old ?? off) : flag(input[key], on, off)
  const defaults = newRingGroup(grpnum)
  const ringTime = Number(str(input.ringTime))
  return {
    ...defaults,
    description: pick('description', base?.description, `ring group${grpnum}`),
    strategy: pick('strategy', base?.strategy, 'ringall'),
    grplist: pick('extensionList', base?.grplist, ''),
    grptime: Number.isFinite(ringTime) && str(input.ringTime) !== undefined ? ringTime : (base?.grptime ?? 20),
    // addRingGroup(): `$grppre = isset($input['groupPrefix']) ? … : 'ringall'` — the bug the
    // reference warns of (freepbx-api.md §6); updateRingGroup keeps the old prefix instead.
    grppre: pick('groupPrefix', base?.grppre, 'ringall'),
    postdest: pick('postAnswer', base?.postdest, 'app-blackhole,hangup,1'),
    annmsg_id: pick('callerMessage', base?.annmsg_id, '0'),
    alertinfo: pick('alertInfo', base?.alertinfo, ''),
    needsconf: bool('needConf', base?.needsconf, 'CHECKED', ''),
    remotealert_id: str(input.receiverMessageConfirmCall) ?? str(input.recevierMessageConfirmCall) ?? base?.remotealert_id ?? '0',
    toolate_id: str(input.receiverMessage) ?? str(input.recevierMessage) ?? base?.toolate_id ?? '0',
    ringing: pick('ringingMusic', base?.ringing, 'Ring'),
    cwignore: bool('ignoreCallWait', base?.cwignore, 'CHECKED', ''),
    cfignore: bool('ignoreCallForward', base?.cfignore, 'CHECKED', ''),
    cpickup: bool('pickupCall', base?.cpickup, 'CHECKED', ''),
    recording: pick('callRecording', base?.recording, 'dontcare'),
    progress: bool('callProgress', base?.progress, 'yes', 'no'),
    elsewhere: bool('answeredElseWhere', base?.elsewhere, 'yes', 'no'),
    rvolume: pick('overrideRingerVolume', base?.rvolume, ''),
    changecid: pick('changecid', base?.changecid, 'default'),
    fixedcid: pick('fixedcid', base?.fixedcid, ''),
  }
}

/** The module's query and mutation fields, sharing one set of types (built once per schema). */
export function ringGroupFields(): ModuleFields {
  const ringgroup = ringGroupType()
  return { queries: ringGroupQueries(ringgroup), mutations: ringGroupMutations(ringgroup) }
}

function ringGroupQueries(ringgroup: GraphQLObjectType<Row, GqlContext>): GraphQLFieldConfigMap<unknown, GqlContext> {
  const connection = wrappedConnection('ringgroup', 'ringgroups', ringgroup)
  return {
    fetchAllRingGroups: {
      type: connection,
      description: 'Use to get all the ringgroups',
      args: CONNECTION_ARGS,
      resolve: (_r, args: Record<string, unknown>, ctx) => {
        const all = [...ctx.config.ringGroups.values()].sort((a, b) => Number(a.grpnum) - Number(b.grpnum))
        const slice = connectionFromArray(all, args)
        // The module sets no message on success.
        return { status: true, message: null, totalCount: all.length, ringgroups: slice.nodes, pageInfo: slice.pageInfo }
      },
    },
    fetchRingGroup: {
      type: ringgroup,
      args: { groupNumber: { type: GraphQLID } },
      resolve: (_r, args: { groupNumber?: string | null }, ctx) => {
        const g = args.groupNumber == null ? undefined : ctx.config.ringGroups.get(args.groupNumber)
        if (g === undefined) return { status: false, message: 'Sorry, unable to find any ringgroup' }
        return { ...g, status: true, message: 'Record found successfully' }
      },
    },
  }
}

function ringGroupMutations(ringgroup: GraphQLObjectType<Row, GqlContext>): GraphQLFieldConfigMap<unknown, GqlContext> {
  // `response` is declared in the payload but never filled by the module (it returns no `ringgroup`).
  const output = { ...STATUS_FIELDS, response: { type: ringgroup, resolve: () => null } }
  return {
    addRingGroup: relayMutation('addRingGroup', 'Add a new Ringgroup', INPUT, output, (input, ctx) => {
      const grpnum = str(input.groupNumber) ?? ''
      if (ctx.config.ringGroups.has(grpnum)) return { message: 'Sorry,Ringgroup already exists', status: false }
      ctx.config.ringGroups.set(grpnum, rowFrom(grpnum, input, undefined))
      ctx.config.markChanged()
      return { message: 'Successfully added ringgroup', status: true }
    }),
    updateRingGroup: relayMutation('updateRingGroup', 'Update a ringgroup', UPDATE_INPUT, output, (input, ctx) => {
      const grpnum = str(input.groupNumber) ?? ''
      const old = ctx.config.ringGroups.get(grpnum)
      if (old === undefined) return { message: 'Sorry, unable to find the Ringgroup', status: false }
      ctx.config.ringGroups.delete(grpnum)
      ctx.config.ringGroups.set(grpnum, rowFrom(grpnum, input, old))
      ctx.config.markChanged()
      return { message: 'RingGroup updated Successfully', status: true }
    }),
    deleteRingGroup: relayMutation(
      'DeleteRingGroup',
      'Delete a ringgroup',
      { groupNumber: { type: new GraphQLNonNull(GraphQLInt) } },
      output,
      (input, ctx) => {
        // Ringgroups::delete() answers even for a group that does not exist: so does the API.
        if (ctx.config.ringGroups.delete(str(input.groupNumber) ?? '')) ctx.config.markChanged()
        return { message: 'Successfully deleted ringgroup', status: true }
      },
    ),
  }
}
