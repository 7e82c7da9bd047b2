/**
 * Ring groups over FreePBX/ringgroups' GraphQL (freepbx-api.md §3.3). Quirks handled here:
 * `addRingGroup` stores the CID prefix "ringall" unless `groupPrefix` is sent, so it is always
 * sent (empty when none); members travel dash-separated (`101-102`); the strategy is written as
 * FreePBX stores it (`ringall-prim`) and read as its enum name (`ringallprim`); `updateRingGroup`
 * deletes and re-adds the group, merging old values, so every field we know is sent.
 */
import { ringStrategies, type RingGroupValues, type RingStrategy } from '../../../../src-preload/types/config'
import type { KindBackend, ReadItem } from '../../config/backend'
import { fromFreepbx, toFreepbx } from './destinations'
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

const FIELDS =
  'groupNumber description groupList groupTime groupPrefix needConf overrideRingerVolume changecid fixedcid callRecording pickupCall callProgress answeredElseWhere ignoreCallForward ignoreCallWait alertInfo receiverMessageConfirmCall receiverMessage postAnswer callerMessage ringingMusic strategy'
const READ_SCOPE: Scope = { scope: 'gql:ringgroups', alternative: 'gql:ringgroups:read' }
const WRITE_SCOPE: Scope = { scope: 'gql:ringgroups', alternative: 'gql:ringgroups:write' }

/** `ringallprim` (the GraphQL enum's name) → `ringall-prim` (what the module stores). */
function storedStrategy(s: RingStrategy): string {
  return s.endsWith('prim') ? `${s.slice(0, -4)}-prim` : s
}

function strategyOf(v: unknown): RingStrategy {
  const s = str(v).replace('-prim', 'prim')
  return (ringStrategies as readonly string[]).includes(s) ? (s as RingStrategy) : 'ringall'
}

function item(node: Record<string, unknown>): ReadItem<'ringGroup'> {
  const group = str(node.groupNumber)
  const values: RingGroupValues = {
    group,
    description: str(node.description),
    strategy: strategyOf(node.strategy),
    members: str(node.groupList)
      .split('-')
      .map((m) => m.trim())
      .filter((m) => m !== ''),
    ringTime: typeof node.groupTime === 'number' ? node.groupTime : Number(str(node.groupTime)) || 20,
    cidPrefix: str(node.groupPrefix),
    noAnswer: fromFreepbx(str(node.postAnswer)),
    alertInfo: str(node.alertInfo),
    confirmCalls: bool(node.needConf),
    ignoreCallForward: bool(node.ignoreCallForward),
    ignoreCallWaiting: bool(node.ignoreCallWait),
    pickup: bool(node.pickupCall),
  }
  return { id: group, values, meta: {}, image: node }
}

function input(v: RingGroupValues, before: Record<string, unknown> | undefined): GqlInput {
  const postAnswer = toFreepbx(v.noAnswer) ?? str(before?.postAnswer)
  return {
    groupNumber: v.group,
    description: v.description,
    strategy: storedStrategy(v.strategy),
    extensionList: v.members.join('-'),
    ringTime: String(v.ringTime),
    // Always sent: left out, addRingGroup stores "ringall" as the caller name prefix.
    groupPrefix: v.cidPrefix,
    postAnswer,
    alertInfo: v.alertInfo,
    needConf: v.confirmCalls,
    ignoreCallForward: v.ignoreCallForward,
    ignoreCallWait: v.ignoreCallWaiting,
    pickupCall: v.pickup,
  }
}

/** Every field of a read group, as the mutation takes it back (a restore). */
function fullInput(node: Record<string, unknown>): GqlInput {
  const s = (k: string): string | undefined => (node[k] === null || node[k] === undefined ? undefined : str(node[k]))
  const b = (k: string): boolean | undefined => (node[k] === null || node[k] === undefined ? undefined : bool(node[k]))
  return {
    groupNumber: str(node.groupNumber),
    description: s('description'),
    strategy: storedStrategy(strategyOf(node.strategy)),
    extensionList: str(node.groupList),
    ringTime: s('groupTime'),
    groupPrefix: str(node.groupPrefix),
    postAnswer: s('postAnswer'),
    alertInfo: s('alertInfo'),
    needConf: b('needConf'),
    ignoreCallForward: b('ignoreCallForward'),
    ignoreCallWait: b('ignoreCallWait'),
    pickupCall: b('pickupCall'),
    callRecording: s('callRecording'),
    callProgress: b('callProgress'),
    answeredElseWhere: b('answeredElseWhere'),
    overrideRingerVolume: s('overrideRingerVolume'),
    changecid: s('changecid'),
    fixedcid: s('fixedcid'),
    callerMessage: s('callerMessage'),
    receiverMessage: s('receiverMessage'),
    receiverMessageConfirmCall: s('receiverMessageConfirmCall'),
    ringingMusic: s('ringingMusic'),
  }
}

export function ringGroupBackend(run: FreepbxRunner): KindBackend<'ringGroup'> {
  const write = (what: Deed, work: () => Promise<unknown>): Promise<void> => scoped(WRITE_SCOPE, what, () => work().then(() => undefined))
  return {
    idOf: (v) => v.group,
    list: () =>
      scoped(READ_SCOPE, 'readRingGroups', () =>
        run(async (c) => {
          const root = await queryField(c, 'fetchAllRingGroups', ALL, `status message totalCount ringgroups { ${FIELDS} }`)
          return records(root.ringgroups).map(item)
        }),
      ),
    get: (id) =>
      scoped(READ_SCOPE, 'readRingGroups', () =>
        run(async (c) => {
          const node = await queryMaybe(c, 'fetchRingGroup', `groupNumber: ${literal(id)}`, `status message ${FIELDS}`)
          return node === undefined || node.groupNumber === null || node.groupNumber === undefined ? undefined : item(node)
        }),
      ),
    create: (v) => write('createRingGroups', () => run((c) => mutate(c, 'addRingGroup', input(v, undefined)))),
    update: (before, v) =>
      write('changeRingGroups', () => run((c) => mutate(c, 'updateRingGroup', input(v, before.image as Record<string, unknown>)))),
    remove: (before) => write('deleteRingGroups', () => run((c) => mutate(c, 'deleteRingGroup', { groupNumber: Number(before.id) }))),
    restore: (img, current) =>
      write('restoreRingGroups', () =>
        run((c) => mutate(c, current === undefined ? 'addRingGroup' : 'updateRingGroup', fullInput(img.image as Record<string, unknown>))),
      ),
  }
}
