/**
 * Inbound routes over FreePBX core's GraphQL (freepbx-api.md §3.6). The id is `did/cid`. The raw
 * destination is not readable (only the label `destinationConnection`), so it is mapped back to a
 * typed destination from the label; a route whose destination cannot be named that way can still
 * be edited once a destination is chosen. `updateInboundRoute` puts every field not sent back to
 * its default, so every field is sent; a changed DID or CID goes as oldExtension/oldCidnum.
 */
import type { InboundRouteValues } from '../../../../src-preload/types/config'
import type { KindBackend, ReadItem } from '../../config/backend'
import { fromLabel, toFreepbx } from './destinations'
import { say } from '../../i18n'
import { strings } from './strings'
import {
  ALL,
  bool,
  type FreepbxRunner,
  type GqlInput,
  literal,
  mutate,
  queryField,
  queryMaybe,
  records,
  scoped,
  str,
  type Deed,
  type Scope,
} from './gql'

const t = say(strings)

const FIELDS =
  'id extension cidnum description privacyman alertinfo ringing mohclass grppre delay_answer pricid pmmaxretries pmminlength reversal rvolume fanswer destinationConnection'
const READ_SCOPE: Scope = { scope: 'gql:core', alternative: 'gql:core:read:did' }
const WRITE_SCOPE: Scope = { scope: 'gql:core', alternative: 'gql:core:write:did' }

function item(node: Record<string, unknown>): ReadItem<'inboundRoute'> {
  const did = str(node.extension)
  const cid = str(node.cidnum)
  const values: InboundRouteValues = {
    did,
    cid,
    description: str(node.description),
    destination: fromLabel(str(node.destinationConnection) || undefined),
    cidPrefix: str(node.grppre),
    alertInfo: str(node.alertinfo),
    musicClass: str(node.mohclass),
    ringing: bool(node.ringing),
    delayAnswer: typeof node.delay_answer === 'number' ? node.delay_answer : Number(str(node.delay_answer)) || 0,
    privacyManager: bool(node.privacyman),
  }
  const meta =
    values.destination.type === 'unknown'
      ? { readOnlyReason: `FreePBX does not say which destination this route uses ("${values.destination.label}"): choose one to save it.` }
      : {}
  return { id: `${did}/${cid}`, values, meta, image: node }
}

function input(v: InboundRouteValues, node: Record<string, unknown> | undefined, destination: string): GqlInput {
  const keep = (k: string): string | undefined => (node === undefined || node[k] === null || node[k] === undefined ? undefined : str(node[k]))
  const keepBool = (k: string): boolean | undefined => (node === undefined || node[k] === null || node[k] === undefined ? undefined : bool(node[k]))
  return {
    extension: v.did,
    cidnum: v.cid,
    description: v.description,
    grppre: v.cidPrefix,
    alertinfo: v.alertInfo,
    mohclass: v.musicClass === '' ? 'default' : v.musicClass,
    ringing: v.ringing,
    delay_answer: v.delayAnswer,
    privacyman: v.privacyManager,
    // Not edited here, kept as read (FreePBX resets what is not sent).
    pricid: keepBool('pricid'),
    pmmaxretries: keep('pmmaxretries'),
    pmminlength: keep('pmminlength'),
    reversal: keepBool('reversal'),
    rvolume: keep('rvolume'),
    fanswer: keepBool('fanswer'),
    destination,
  }
}

function destinationOf(v: InboundRouteValues): string {
  const raw = toFreepbx(v.destination)
  // validate.ts refuses an unknown destination that is not kept; FreePBX cannot take it back either.
  if (raw === undefined) throw new Error(t('err.routeDestination'))
  return raw
}

export function inboundRouteBackend(run: FreepbxRunner): KindBackend<'inboundRoute'> {
  const write = (what: Deed, work: () => Promise<unknown>): Promise<void> => scoped(WRITE_SCOPE, what, () => work().then(() => undefined))
  return {
    idOf: (v) => `${v.did}/${v.cid}`,
    list: () =>
      scoped(READ_SCOPE, 'readInboundRoutes', () =>
        run(async (c) => {
          const root = await queryField(c, 'allInboundRoutes', ALL, `totalCount inboundRoutes { ${FIELDS} }`)
          return records(root.inboundRoutes).map(item)
        }),
      ),
    get: (id) =>
      scoped(READ_SCOPE, 'readInboundRoutes', () =>
        run(async (c) => {
          const node = await queryMaybe(c, 'inboundRoute', `id: ${literal(id)}`, FIELDS)
          return node === undefined ? undefined : item(node)
        }),
      ),
    create: (v) => write('createInboundRoutes', () => run((c) => mutate(c, 'addInboundRoute', input(v, undefined, destinationOf(v))))),
    update: (before, v) => {
      const node = before.image as Record<string, unknown>
      return write('changeInboundRoutes', () =>
        run((c) =>
          mutate(c, 'updateInboundRoute', { ...input(v, node, destinationOf(v)), oldExtension: str(node.extension), oldCidnum: str(node.cidnum) }),
        ),
      )
    },
    remove: (before) => write('deleteInboundRoutes', () => run((c) => mutate(c, 'removeInboundRoute', { id: before.id }, 'deletedId'))),
    restore: (img, current) => {
      const destination = toFreepbx(img.values.destination)
      if (destination === undefined) throw new Error(t('err.routeOldDestination'))
      const node = img.image as Record<string, unknown>
      const fields = input(img.values, node, destination)
      if (current === undefined) return write('restoreInboundRoutes', () => run((c) => mutate(c, 'addInboundRoute', fields)))
      const now = current.image as Record<string, unknown>
      return write('restoreInboundRoutes', () =>
        run((c) => mutate(c, 'updateInboundRoute', { ...fields, oldExtension: str(now.extension), oldCidnum: str(now.cidnum) })),
      )
    },
  }
}
