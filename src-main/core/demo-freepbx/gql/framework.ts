/**
 * Framework and api module: doreload (async, a transaction id), fetchApiStatus(txnId),
 * fetchNeedReload and system { version engine needReload } (framework `Api/Gql/Modules.php`,
 * `System.php`; api `Includes/TransactionStatus.php`). doreload and fetchApiStatus check
 * `read:modules`, the system fields `read:system` (fine scopes of `gql:framework`).
 */
import { GraphQLBoolean, GraphQLID, GraphQLNonNull, GraphQLObjectType, GraphQLString, type GraphQLFieldConfigMap } from 'graphql'
import type { GqlContext, ModuleFields } from './context'
import { STATUS_FIELDS, relayMutation } from './relay'

export const ENGINE = 'asterisk 22.10.1'
export const VERSIONS = { '16': '16.0.40.7', '17': '17.0.19.32' } as const

export function frameworkFields(access: { readonly system: boolean; readonly modules: boolean }): ModuleFields {
  const queries: GraphQLFieldConfigMap<unknown, GqlContext> = {}
  const mutations: GraphQLFieldConfigMap<unknown, GqlContext> = {}
  if (access.system) {
    queries.fetchNeedReload = {
      type: new GraphQLObjectType({ name: 'needreload', fields: STATUS_FIELDS }),
      resolve: (_r, _a, ctx: GqlContext) => ({ status: true, message: ctx.config.needReload ? 'Doreload is required' : 'Doreload is not required' }),
    }
    queries.system = {
      type: new GraphQLObjectType<unknown, GqlContext>({
        name: 'system',
        fields: {
          version: { type: GraphQLString, resolve: (_r, _a, ctx) => VERSIONS[ctx.version] },
          engine: { type: GraphQLString, resolve: () => ENGINE },
          needReload: { type: GraphQLBoolean, resolve: (_r, _a, ctx) => ctx.config.needReload },
        },
      }),
      resolve: () => ({}),
    }
  }
  if (access.modules) {
    queries.fetchApiStatus = {
      type: new GraphQLObjectType({
        name: 'apiStatus',
        fields: { ...STATUS_FIELDS, details: { type: GraphQLString }, event_output: { type: GraphQLString } },
      }),
      args: { txnId: { type: new GraphQLNonNull(GraphQLID) } },
      resolve: (_r, args: { txnId: string }, ctx: GqlContext) => {
        const txn = ctx.reloads.status(args.txnId)
        // An unknown id still answers status:true (freepbx-api.md §2).
        if (txn === undefined) return { status: true, message: 'Sorry unable to fetch the status', details: null, event_output: null }
        return { status: true, message: txn.status, details: txn.details, event_output: txn.status === 'Processing' ? '' : 'Reload Complete' }
      },
    }
    mutations.doreload = relayMutation(
      'doreload',
      'Reload the PBX configuration (Apply Config)',
      {},
      { ...STATUS_FIELDS, transaction_id: { type: GraphQLString } },
      (_input, ctx) => {
        const id = ctx.reloads.start()
        return {
          status: true,
          message: 'Doreload/apply config has been initiated. Please check the status using fetchApiStatus api with the returned transaction id',
          transaction_id: id,
        }
      },
    )
  }
  return { queries, mutations }
}
