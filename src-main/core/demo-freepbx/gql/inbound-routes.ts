/**
 * Inbound routes (FreePBX core `Api/Gql/Dids.php`): allInboundRoutes (a plain connection),
 * inboundRoute(id: "did/cid"), addInboundRoute (the destination must exist in the module
 * registry), updateInboundRoute (oldExtension/oldCidnum; no destination check, fields not sent
 * go back to addDIDDefaults()), removeInboundRoute. Scopes: `gql:core:read:did` / `write:did` or
 * coarser. None of the three writes sets needreload (core#106, issue-tracker#1122).
 */
import { GraphQLBoolean, GraphQLID, GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLString, type GraphQLInputFieldConfigMap } from 'graphql'
import { type InboundRouteRecord, inboundRouteId } from '../../demo/config/freepbx-config'
import { newInboundRoute } from '../../demo/config/office-config'
import type { GqlContext, ModuleFields } from './context'
import { CONNECTION_ARGS, PAGE_INFO, STATUS_FIELDS, connectionFromArray, edgeType, edgesOf, listOf, relayMutation, str, type Payload } from './relay'

const DESCRIPTION = 'Used to tell your PBX where to route inbound calls based on the phone number or DID dialed'

type Row = Readonly<InboundRouteRecord>

function didType(): GraphQLObjectType<Row, GqlContext> {
  const checked = (v: string): boolean => v === 'CHECKED'
  return new GraphQLObjectType<Row, GqlContext>({
    name: 'did',
    description: DESCRIPTION,
    fields: {
      id: { type: new GraphQLNonNull(GraphQLID), resolve: (r) => inboundRouteId(r.extension, r.cidnum) },
      extension: { type: new GraphQLNonNull(GraphQLString) },
      cidnum: { type: GraphQLString },
      description: { type: GraphQLString },
      privacyman: { type: GraphQLBoolean, resolve: (r) => r.privacyman === 1 },
      alertinfo: { type: GraphQLString },
      ringing: { type: GraphQLBoolean, resolve: (r) => checked(r.ringing) },
      mohclass: { type: GraphQLString },
      grppre: { type: GraphQLString },
      delay_answer: { type: GraphQLInt },
      pricid: { type: GraphQLBoolean, resolve: (r) => checked(r.pricid) },
      pmmaxretries: { type: GraphQLString },
      pmminlength: { type: GraphQLString },
      reversal: { type: GraphQLBoolean, resolve: (r) => checked(r.reversal) },
      rvolume: { type: GraphQLString },
      fanswer: { type: GraphQLBoolean, resolve: (r) => checked(r.fanswer) },
      // A label, `<category>:<description>`; the raw destination is not exposed (freepbx-api.md §3.6).
      destinationConnection: {
        type: GraphQLString,
        resolve: (r, _a, ctx) => {
          const d = ctx.destinations().get(r.destination)
          return d === undefined ? null : `${d.category}:${d.description}`
        },
      },
    },
  })
}

const ROUTE_FIELDS: GraphQLInputFieldConfigMap = {
  cidnum: { type: GraphQLString },
  description: { type: GraphQLString },
  privacyman: { type: GraphQLBoolean },
  alertinfo: { type: GraphQLString },
  ringing: { type: GraphQLBoolean },
  mohclass: { type: GraphQLString },
  grppre: { type: GraphQLString },
  delay_answer: { type: GraphQLInt },
  pricid: { type: GraphQLBoolean },
  pmmaxretries: { type: GraphQLString },
  pmminlength: { type: GraphQLString },
  reversal: { type: GraphQLBoolean },
  rvolume: { type: GraphQLString },
  fanswer: { type: GraphQLBoolean },
  destination: { type: new GraphQLNonNull(GraphQLString) },
}

/** getMutationExecuteArray() over addDIDDefaults(): every field not sent takes its default. */
function rowFrom(input: Record<string, unknown>): InboundRouteRecord {
  const extension = str(input.extension) ?? ''
  const cidnum = str(input.cidnum) ?? ''
  const d = newInboundRoute(extension, cidnum, str(input.destination) ?? '')
  const on = (key: string): string => (input[key] === true ? 'CHECKED' : '')
  return {
    ...d,
    description: str(input.description) ?? d.description,
    privacyman: input.privacyman === true ? 1 : 0,
    alertinfo: str(input.alertinfo) ?? d.alertinfo,
    ringing: on('ringing'),
    mohclass: str(input.mohclass) ?? d.mohclass,
    grppre: str(input.grppre) ?? d.grppre,
    delay_answer: typeof input.delay_answer === 'number' ? input.delay_answer : d.delay_answer,
    pricid: on('pricid'),
    pmmaxretries: str(input.pmmaxretries) ?? d.pmmaxretries,
    pmminlength: str(input.pmminlength) ?? d.pmminlength,
    reversal: on('reversal'),
    rvolume: str(input.rvolume) ?? d.rvolume,
    fanswer: on('fanswer'),
  }
}

/** inputvalidator(): three non-empty parts, and a destination the module registry knows. */
function destinationProblem(ctx: GqlContext, destination: string): string | undefined {
  const parts = destination.split(',')
  if (parts.length < 3 || parts.slice(0, 3).some((p) => p.trim() === ''))
    return 'Please provide the valid `destination` value, for example extension (100) :`from-did-direct,100,1`'
  if (!ctx.destinations().has(destination.trim()))
    return 'Input variable destination does not exists in this system, Please provide the valid `destination`'
  return undefined
}

function voicemailDestinationBug(ctx: GqlContext, destination: string): void {
  // core#109: the resolver failed on voicemail destinations ("Internal server error").
  if (ctx.quirks.voicemailDestinationError === true && /^ext-local,vm/.test(destination.trim())) throw new Error('Undefined index: description')
}

export function inboundRouteFields(): ModuleFields {
  const did = didType()
  const connection = new GraphQLObjectType<Payload, GqlContext>({
    name: 'didConnection',
    fields: {
      totalCount: { type: GraphQLInt },
      inboundRoutes: { type: listOf(did), description: DESCRIPTION },
      edges: { type: listOf(edgeType('did', did)) },
      pageInfo: { type: new GraphQLNonNull(PAGE_INFO) },
    },
  })
  const output = { inboundRoute: { type: did, resolve: (p: Payload) => p.response ?? null }, ...STATUS_FIELDS }
  const sorted = (ctx: GqlContext): Row[] => [...ctx.config.inboundRoutes.values()]
  return {
    queries: {
      allInboundRoutes: {
        type: connection,
        description: DESCRIPTION,
        args: CONNECTION_ARGS,
        resolve: (_r, args: Record<string, unknown>, ctx) => {
          const all = sorted(ctx)
          const slice = connectionFromArray(all, args)
          return { totalCount: all.length, inboundRoutes: slice.nodes, edges: edgesOf(slice), pageInfo: slice.pageInfo }
        },
      },
      inboundRoute: {
        type: did,
        description: DESCRIPTION,
        args: { id: { type: new GraphQLNonNull(GraphQLID) } },
        resolve: (_r, args: { id: string }, ctx) => {
          const [extension = '', cidnum = ''] = args.id.split('/')
          return ctx.config.inboundRoutes.get(inboundRouteId(extension, cidnum)) ?? null
        },
      },
    },
    mutations: {
      addInboundRoute: relayMutation(
        'addInboundRoute',
        'Add a new inbound route to the system',
        { extension: { type: GraphQLString }, ...ROUTE_FIELDS },
        output,
        (input, ctx) => {
          const row = rowFrom(input)
          const problem = destinationProblem(ctx, row.destination)
          if (problem !== undefined) return { response: row, message: problem, status: false }
          voicemailDestinationBug(ctx, row.destination)
          const id = inboundRouteId(row.extension, row.cidnum)
          if (ctx.config.inboundRoutes.has(id))
            return { response: ctx.config.inboundRoutes.get(id), message: 'Inbound Route already exists', status: false }
          ctx.config.inboundRoutes.set(id, row)
          return { response: row, message: 'Inbound Route created successfully', status: true }
        },
      ),
      updateInboundRoute: relayMutation(
        'updateInboundRoute',
        'Update an inbound route on the system',
        {
          extension: { type: new GraphQLNonNull(GraphQLString) },
          oldExtension: { type: GraphQLString },
          oldCidnum: { type: GraphQLString },
          ...ROUTE_FIELDS,
        },
        output,
        (input, ctx) => {
          const row = rowFrom(input)
          voicemailDestinationBug(ctx, row.destination)
          const oldId = inboundRouteId(str(input.oldExtension) ?? row.extension, str(input.oldCidnum) ?? row.cidnum)
          if (!ctx.config.inboundRoutes.has(oldId)) return { response: null, message: 'Inbound Route does not exists', status: false }
          ctx.config.inboundRoutes.delete(oldId)
          ctx.config.inboundRoutes.set(inboundRouteId(row.extension, row.cidnum), row)
          return { response: row, message: 'Inbound Route updated successfully', status: true }
        },
      ),
      removeInboundRoute: relayMutation(
        'removeInboundRoute',
        'Remove an inbound route from the system',
        { id: { type: new GraphQLNonNull(GraphQLID) } },
        { deletedId: { type: new GraphQLNonNull(GraphQLID), resolve: (p: Payload) => p.id }, ...STATUS_FIELDS },
        (input, ctx) => {
          const id = str(input.id) ?? ''
          const [extension = '', cidnum = ''] = id.split('/')
          if (!ctx.config.inboundRoutes.delete(inboundRouteId(extension, cidnum))) return { id, message: 'Inbound Route not found', status: false }
          return { id, message: 'Inbound Route deleted successfully', status: true }
        },
      ),
    },
  }
}
