import type { ConfigItem, ConfigKind, ConfigValuesByKind, QueueMember, RingStrategy } from '../../../../src-preload/types/config'
import type { Column, SortState } from '../../components/table'
import type { DestinationNames } from './destinations'
import { type ListRules, nextFreeNumber } from './list-query'

/** Ring strategies as FreePBX's own page words them. */
export const STRATEGY_WORDS: Readonly<Record<RingStrategy, string>> = {
  ringall: 'Ring all',
  ringallprim: 'Ring all (primary first)',
  hunt: 'Hunt (one after another)',
  huntprim: 'Hunt (primary first)',
  memoryhunt: 'Memory hunt',
  memoryhuntprim: 'Memory hunt (primary first)',
  firstavailable: 'First available',
  firstnotonphone: 'First not on the phone',
}

/** How the workspace shows one kind: its tab, its list's columns, search and order, a new object. */
export interface KindUi<K extends ConfigKind> {
  readonly kind: K
  /** The tab and the list's name: "Extensions". */
  readonly title: string
  /** One of them, in a sentence: "extension". */
  readonly noun: string
  /** Several of them, in a sentence: "extensions", "mailboxes". */
  readonly many: string
  readonly columns: (names: DestinationNames) => readonly Column<ConfigItem<K>>[]
  readonly rules: (names: DestinationNames) => ListRules<ConfigItem<K>>
  readonly defaultSort: SortState
  /** The values of a new object (a free number suggested from `items`); undefined: FreePBX cannot create one. */
  readonly blank?: (items: readonly ConfigItem<K>[]) => ConfigValuesByKind[K]
  /** Names before numbers: "Front desk", else the number. */
  readonly name: (item: ConfigItem<K>) => string
}

const ext = (names: DestinationNames, n: string): string => names.label({ type: 'extension', extension: n })
const memberNames = (names: DestinationNames, members: readonly QueueMember[]): string => members.map((m) => ext(names, m.extension)).join(', ')
const yes = (on: boolean): string => (on ? 'Yes' : '—')
const routeMatch = (value: string, any: string): string => (value === '' ? any : value)

const extensionUi: KindUi<'extension'> = {
  kind: 'extension',
  title: 'Extensions',
  noun: 'extension',
  many: 'extensions',
  defaultSort: { key: 'extension', descending: false },
  name: (i) => (i.values.name !== '' ? i.values.name : i.values.extension),
  columns: () => [
    { key: 'name', header: 'Name', sortable: true, width: 'minmax(160px, 1.4fr)', cell: (i) => i.values.name },
    { key: 'extension', header: 'Extension', sortable: true, width: '100px', cellClassName: 'mono', cell: (i) => i.values.extension },
    { key: 'tech', header: 'Tech', sortable: true, width: '70px', cellClassName: 'muted', cell: (i) => i.values.tech.toUpperCase() },
    { key: 'voicemail', header: 'Voicemail', sortable: true, width: '90px', cell: (i) => yes(i.values.voicemail) },
    {
      key: 'outboundCid',
      header: 'Outbound caller ID',
      sortable: true,
      width: 'minmax(140px, 1fr)',
      cellClassName: 'mono',
      cell: (i) => i.values.outboundCid,
    },
    { key: 'email', header: 'Email', sortable: true, width: 'minmax(140px, 1fr)', cell: (i) => i.values.email },
  ],
  rules: () => ({
    searchText: (i) => `${i.values.name} ${i.values.extension} ${i.values.email} ${i.values.outboundCid} ${i.values.callerId}`,
    sortValues: {
      name: (i) => i.values.name,
      extension: (i) => Number(i.values.extension) || i.values.extension,
      tech: (i) => i.values.tech,
      voicemail: (i) => (i.values.voicemail ? 0 : 1),
      outboundCid: (i) => i.values.outboundCid,
      email: (i) => i.values.email,
    },
  }),
  blank: (items) => ({
    extension: nextFreeNumber(
      items.map((i) => i.id),
      100,
    ),
    name: '',
    tech: 'pjsip',
    email: '',
    outboundCid: '',
    emergencyCid: '',
    callerId: '',
    voicemail: false,
    userManager: false,
    maxContacts: 1,
  }),
}

const ringGroupUi: KindUi<'ringGroup'> = {
  kind: 'ringGroup',
  title: 'Ring groups',
  noun: 'ring group',
  many: 'ring groups',
  defaultSort: { key: 'group', descending: false },
  name: (i) => (i.values.description !== '' ? i.values.description : i.values.group),
  columns: (names) => [
    { key: 'description', header: 'Name', sortable: true, width: 'minmax(150px, 1.2fr)', cell: (i) => i.values.description },
    { key: 'group', header: 'Group', sortable: true, width: '80px', cellClassName: 'mono', cell: (i) => i.values.group },
    { key: 'strategy', header: 'Strategy', sortable: true, width: '150px', cell: (i) => STRATEGY_WORDS[i.values.strategy] },
    {
      key: 'members',
      header: 'Members',
      width: 'minmax(180px, 2fr)',
      cellTitle: (i) => i.values.members.map((m) => ext(names, m)).join(', '),
      cell: (i) => i.values.members.map((m) => ext(names, m)).join(', '),
    },
    { key: 'ringTime', header: 'Rings', sortable: true, width: '60px', cellClassName: 'mono', cell: (i) => `${String(i.values.ringTime)} s` },
    { key: 'noAnswer', header: 'If nobody answers', sortable: true, width: 'minmax(140px, 1fr)', cell: (i) => names.label(i.values.noAnswer) },
  ],
  rules: (names) => ({
    searchText: (i) =>
      `${i.values.description} ${i.values.group} ${i.values.members.map((m) => ext(names, m)).join(' ')} ${names.label(i.values.noAnswer)}`,
    sortValues: {
      description: (i) => i.values.description,
      group: (i) => Number(i.values.group) || i.values.group,
      strategy: (i) => STRATEGY_WORDS[i.values.strategy],
      ringTime: (i) => i.values.ringTime,
      noAnswer: (i) => names.label(i.values.noAnswer),
    },
  }),
  blank: (items) => ({
    group: nextFreeNumber(
      items.map((i) => i.id),
      600,
    ),
    description: '',
    strategy: 'ringall',
    members: [],
    ringTime: 20,
    cidPrefix: '',
    noAnswer: { type: 'hangup' },
    alertInfo: '',
    confirmCalls: false,
    ignoreCallForward: false,
    ignoreCallWaiting: false,
    pickup: false,
  }),
}

const inboundRouteUi: KindUi<'inboundRoute'> = {
  kind: 'inboundRoute',
  title: 'Inbound routes',
  noun: 'inbound route',
  many: 'inbound routes',
  defaultSort: { key: 'did', descending: false },
  name: (i) => (i.values.description !== '' ? i.values.description : routeMatch(i.values.did, 'Any DID')),
  columns: (names) => [
    { key: 'description', header: 'Name', sortable: true, width: 'minmax(150px, 1.2fr)', cell: (i) => i.values.description },
    { key: 'did', header: 'DID', sortable: true, width: 'minmax(120px, 0.8fr)', cellClassName: 'mono', cell: (i) => routeMatch(i.values.did, 'any') },
    {
      key: 'cid',
      header: 'Caller ID',
      sortable: true,
      width: 'minmax(100px, 0.6fr)',
      cellClassName: 'mono',
      cell: (i) => routeMatch(i.values.cid, 'any'),
    },
    {
      key: 'destination',
      header: 'Destination',
      sortable: true,
      width: 'minmax(180px, 1.4fr)',
      cellClassName: 'destination-cell',
      cell: (i) =>
        names.known(i.values.destination) ? (
          names.label(i.values.destination)
        ) : (
          <span className="warn-text" title="Not among the PBX's destinations now">
            {names.label(i.values.destination)}
          </span>
        ),
    },
  ],
  rules: (names) => ({
    searchText: (i) => `${i.values.description} ${i.values.did} ${i.values.cid} ${names.label(i.values.destination)}`,
    sortValues: {
      description: (i) => i.values.description,
      did: (i) => i.values.did,
      cid: (i) => i.values.cid,
      destination: (i) => names.label(i.values.destination),
    },
  }),
  blank: () => ({
    did: '',
    cid: '',
    description: '',
    destination: { type: 'hangup' },
    cidPrefix: '',
    alertInfo: '',
    musicClass: '',
    ringing: false,
    delayAnswer: 0,
    privacyManager: false,
  }),
}

const voicemailUi: KindUi<'voicemail'> = {
  kind: 'voicemail',
  title: 'Voicemail',
  noun: 'mailbox',
  many: 'mailboxes',
  defaultSort: { key: 'extension', descending: false },
  name: (i) => (i.values.name !== '' ? i.values.name : i.values.extension),
  columns: () => [
    { key: 'name', header: 'Name', sortable: true, width: 'minmax(150px, 1.2fr)', cell: (i) => i.values.name },
    { key: 'extension', header: 'Mailbox', sortable: true, width: '90px', cellClassName: 'mono', cell: (i) => i.values.extension },
    {
      key: 'enabled',
      header: 'Status',
      sortable: true,
      width: '90px',
      cell: (i) => <span className={i.values.enabled ? 'pill pill-ok' : 'pill'}>{i.values.enabled ? 'Enabled' : 'Off'}</span>,
    },
    { key: 'email', header: 'Email', sortable: true, width: 'minmax(160px, 1.2fr)', cell: (i) => i.values.email },
    { key: 'attach', header: 'Attach', sortable: true, width: '70px', cell: (i) => yes(i.values.attach) },
    { key: 'pin', header: 'PIN', width: '60px', cellClassName: 'muted', cell: (i) => (i.meta.hasPin === true ? 'Set' : '—') },
  ],
  rules: () => ({
    searchText: (i) => `${i.values.name} ${i.values.extension} ${i.values.email} ${i.values.pager}`,
    sortValues: {
      name: (i) => i.values.name,
      extension: (i) => Number(i.values.extension) || i.values.extension,
      enabled: (i) => (i.values.enabled ? 0 : 1),
      email: (i) => i.values.email,
      attach: (i) => (i.values.attach ? 0 : 1),
    },
  }),
}

const queueMembersUi: KindUi<'queueMembers'> = {
  kind: 'queueMembers',
  title: 'Queue members',
  noun: 'queue',
  many: 'queues',
  defaultSort: { key: 'queue', descending: false },
  name: (i) => (i.values.name !== '' ? i.values.name : i.values.queue),
  columns: (names) => [
    { key: 'name', header: 'Queue', sortable: true, width: 'minmax(140px, 1fr)', cell: (i) => i.values.name },
    { key: 'queue', header: 'Number', sortable: true, width: '80px', cellClassName: 'mono', cell: (i) => i.values.queue },
    { key: 'static', header: 'Static members', width: 'minmax(160px, 1.5fr)', cell: (i) => memberNames(names, i.values.staticMembers) },
    { key: 'dynamic', header: 'Dynamic members', width: 'minmax(140px, 1.2fr)', cell: (i) => memberNames(names, i.values.dynamicMembers) },
    { key: 'loggedIn', header: 'Logged in', sortable: true, width: '90px', cellClassName: 'mono', cell: (i) => String(i.values.loggedIn.length) },
  ],
  rules: (names) => ({
    searchText: (i) => `${i.values.name} ${i.values.queue} ${memberNames(names, [...i.values.staticMembers, ...i.values.dynamicMembers])}`,
    sortValues: {
      name: (i) => i.values.name,
      queue: (i) => Number(i.values.queue) || i.values.queue,
      loggedIn: (i) => i.values.loggedIn.length,
    },
  }),
}

/** The kinds in tab order: what an admin edits most first. */
export const KIND_UIS = [extensionUi, ringGroupUi, inboundRouteUi, voicemailUi, queueMembersUi] as const

export type AnyKindUi = (typeof KIND_UIS)[number]

export function kindUi<K extends ConfigKind>(kind: K): KindUi<K> {
  const ui = KIND_UIS.find((k) => k.kind === kind)
  if (ui === undefined) throw new Error(`No workspace for ${kind}`)
  return ui as unknown as KindUi<K>
}
