/**
 * CDRs (FreePBX/cdr `Api/Gql/Cdr.php`), read-only: fetchAllCdrs with the cdr module's habits —
 * default page 5, both dates or neither, `totalCount` ignoring the date filter — and fetchCdr by
 * uniqueid. Coarse read scope.
 */
import { GraphQLEnumType, GraphQLID, GraphQLInt, GraphQLObjectType, GraphQLString, type GraphQLFieldConfigMap } from 'graphql'
import { ASTERISK_CDR_TEXT_COLUMNS } from '../../cdr/columns'
import type { FreepbxDemoCdr } from '../data'
import type { GqlContext, ModuleFields } from './context'
import { STATUS_FIELDS, listOf } from './relay'

const INT_FIELDS = ['duration', 'billsec', 'sequence', 'timestamp'] as const
const STRING_FIELDS = [
  'uniqueid',
  'calldate',
  ...ASTERISK_CDR_TEXT_COLUMNS,
  'userfield',
  'did',
  'recordingfile',
  'cnum',
  'outbound_cnum',
  'outbound_cnam',
  'dst_cnam',
  'linkedid',
  'peeraccount',
] as const

function intArg(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined
}

export function cdrFields(): ModuleFields {
  const cdr = new GraphQLObjectType<FreepbxDemoCdr, GqlContext>({
    name: 'cdr',
    fields: {
      id: { type: GraphQLID },
      ...Object.fromEntries(STRING_FIELDS.map((f) => [f, { type: GraphQLString }])),
      ...Object.fromEntries(INT_FIELDS.map((f) => [f, { type: GraphQLInt }])),
    },
  })
  const orderBy = new GraphQLEnumType({ name: 'cdrOrderBy', values: { duration: { value: 'duration' }, date: { value: 'date' } } })
  const queries: GraphQLFieldConfigMap<unknown, GqlContext> = {
    fetchAllCdrs: {
      type: new GraphQLObjectType({
        name: 'cdrConnection',
        fields: { ...STATUS_FIELDS, totalCount: { type: GraphQLInt }, cdrs: { type: listOf(cdr) } },
      }),
      args: {
        first: { type: GraphQLInt },
        after: { type: GraphQLInt },
        orderby: { type: orderBy, default: { value: 'date' } },
        startDate: { type: GraphQLString },
        endDate: { type: GraphQLString },
      },
      resolve: (_r, v: Record<string, unknown>, ctx: GqlContext) => {
        const start = typeof v.startDate === 'string' ? v.startDate : undefined
        const end = typeof v.endDate === 'string' ? v.endDate : undefined
        if ((start === undefined) !== (end === undefined)) return { status: false, message: 'Please provide both start date and end date' }
        const all = ctx.data.cdrs()
        const inRange =
          start !== undefined && end !== undefined
            ? all.filter((r) => {
                const day = String(r.calldate ?? '').slice(0, 10)
                return day >= start && day <= end
              })
            : all
        const first = intArg(v.first) ?? 5
        const after = intArg(v.after) ?? 0
        return { status: true, message: 'CDR data found successfully', totalCount: all.length, cdrs: inRange.slice(after, after + first) }
      },
    },
    fetchCdr: {
      type: new GraphQLObjectType({ name: 'cdrResult', fields: { ...STATUS_FIELDS, ...cdr.toConfig().fields } }),
      args: { id: { type: GraphQLID } },
      resolve: (_r, v: { id?: string | null }, ctx: GqlContext) => {
        const row = ctx.data.cdrs().find((r) => r.uniqueid === v.id)
        return row === undefined
          ? { status: false, message: 'Sorry unable to find the CDR' }
          : { ...row, status: true, message: 'CDR data found successfully' }
      },
    },
  }
  return { queries, mutations: {} }
}
