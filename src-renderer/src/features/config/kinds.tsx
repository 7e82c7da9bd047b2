import type {
  ConfigItem,
  ConfigKind,
  ConfigKindDescriptor,
  ConfigValuesByKind,
  ExtensionValues,
  InboundRouteValues,
  QueueMember,
  RingGroupValues,
  RingStrategy,
} from '../../../../src-preload/types/config'
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
  /**
   * A new object's values, from the kind's field descriptions (main's `config.describe`), its
   * number the next free one from `items`; undefined: FreePBX cannot create one.
   */
  readonly blank?: (items: readonly ConfigItem<K>[], descriptor: ConfigKindDescriptor) => ConfigValuesByKind[K]
  /** Names before numbers: "Front desk", else the number. */
  readonly name: (item: ConfigItem<K>) => string
}

/** One column of a kind's list and, when it sorts, the value it sorts by. */
interface ListColumn<K extends ConfigKind> extends Omit<Column<ConfigItem<K>>, 'sortable'> {
  readonly sort?: (item: ConfigItem<K>) => string | number
}

type ValueName<K extends ConfigKind> = keyof ConfigValuesByKind[K] & string
const valueOf = <K extends ConfigKind>(item: ConfigItem<K>, field: string): unknown => (item.values as unknown as Record<string, unknown>)[field]

/** A column showing one text value as it is, sorted by it. */
function textColumn<K extends ConfigKind>(field: ValueName<K>, header: string, width: string, cellClassName?: string): ListColumn<K> {
  const text = (i: ConfigItem<K>): string => String(valueOf(i, field))
  return { key: field, header, width, cell: text, sort: text, ...(cellClassName === undefined ? {} : { cellClassName }) }
}

/** A number column (extension, group, queue): sorted as numbers, shown monospaced. */
function numberColumn<K extends ConfigKind>(field: ValueName<K>, header: string, width: string): ListColumn<K> {
  const text = (i: ConfigItem<K>): string => String(valueOf(i, field))
  return { key: field, header, width, cellClassName: 'mono', cell: text, sort: (i) => Number(text(i)) || text(i) }
}

/** A yes/no column: yes first. */
function flagColumn<K extends ConfigKind>(field: ValueName<K>, header: string, width: string): ListColumn<K> {
  return { key: field, header, width, cell: (i) => yes(valueOf(i, field) === true), sort: (i) => (valueOf(i, field) === true ? 0 : 1) }
}

/** The table's columns and the list's search and order, from one list of columns. */
function listOf<K extends ConfigKind>(
  columns: (names: DestinationNames) => readonly ListColumn<K>[],
  searchText: (names: DestinationNames) => (item: ConfigItem<K>) => string,
): Pick<KindUi<K>, 'columns' | 'rules'> {
  return {
    columns: (names) => columns(names).map(({ sort, ...c }) => ({ ...c, ...(sort === undefined ? {} : { sortable: true }) })),
    rules: (names) => ({
      searchText: searchText(names),
      sortValues: Object.fromEntries(columns(names).flatMap((c) => (c.sort === undefined ? [] : [[c.key, c.sort]]))),
    }),
  }
}

/** A new object's value of each field, from its description: empty, off, the first option, the least number. */
function blankFrom(descriptor: ConfigKindDescriptor, number: { field: string; value: string } | undefined): unknown {
  const values: Record<string, unknown> = {}
  for (const f of descriptor.fields) {
    if (f.secret === true || f.readOnly === true) continue
    values[f.name] =
      f.name === number?.field
        ? number.value
        : f.default !== undefined
          ? f.default
          : {
              text: '',
              pattern: '',
              secret: '',
              boolean: false,
              enum: f.options?.[0] ?? '',
              number: f.min ?? 0,
              numberList: [],
              members: [],
              destination: { type: 'hangup' },
            }[f.type]
  }
  return values
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
  ...listOf<'extension'>(
    () => [
      textColumn('name', 'Name', 'minmax(160px, 1.4fr)'),
      numberColumn('extension', 'Extension', '100px'),
      { ...textColumn('tech', 'Tech', '70px', 'muted'), cell: (i) => i.values.tech.toUpperCase() },
      flagColumn('voicemail', 'Voicemail', '90px'),
      textColumn('outboundCid', 'Outbound caller ID', 'minmax(140px, 1fr)', 'mono'),
      textColumn('email', 'Email', 'minmax(140px, 1fr)'),
    ],
    () => (i) => `${i.values.name} ${i.values.extension} ${i.values.email} ${i.values.outboundCid} ${i.values.callerId}`,
  ),
  blank: (items, d) =>
    blankFrom(d, {
      field: 'extension',
      value: nextFreeNumber(
        items.map((i) => i.id),
        100,
      ),
    }) as ExtensionValues,
}

const ringGroupUi: KindUi<'ringGroup'> = {
  kind: 'ringGroup',
  title: 'Ring groups',
  noun: 'ring group',
  many: 'ring groups',
  defaultSort: { key: 'group', descending: false },
  name: (i) => (i.values.description !== '' ? i.values.description : i.values.group),
  ...listOf<'ringGroup'>(
    (names) => [
      textColumn('description', 'Name', 'minmax(150px, 1.2fr)'),
      numberColumn('group', 'Group', '80px'),
      {
        key: 'strategy',
        header: 'Strategy',
        width: '150px',
        cell: (i) => STRATEGY_WORDS[i.values.strategy],
        sort: (i) => STRATEGY_WORDS[i.values.strategy],
      },
      {
        key: 'members',
        header: 'Members',
        width: 'minmax(180px, 2fr)',
        cellTitle: (i) => i.values.members.map((m) => ext(names, m)).join(', '),
        cell: (i) => i.values.members.map((m) => ext(names, m)).join(', '),
      },
      {
        key: 'ringTime',
        header: 'Rings',
        width: '60px',
        cellClassName: 'mono',
        cell: (i) => `${String(i.values.ringTime)} s`,
        sort: (i) => i.values.ringTime,
      },
      {
        key: 'noAnswer',
        header: 'If nobody answers',
        width: 'minmax(140px, 1fr)',
        cell: (i) => names.label(i.values.noAnswer),
        sort: (i) => names.label(i.values.noAnswer),
      },
    ],
    (names) => (i) =>
      `${i.values.description} ${i.values.group} ${i.values.members.map((m) => ext(names, m)).join(' ')} ${names.label(i.values.noAnswer)}`,
  ),
  blank: (items, d) =>
    blankFrom(d, {
      field: 'group',
      value: nextFreeNumber(
        items.map((i) => i.id),
        600,
      ),
    }) as RingGroupValues,
}

const inboundRouteUi: KindUi<'inboundRoute'> = {
  kind: 'inboundRoute',
  title: 'Inbound routes',
  noun: 'inbound route',
  many: 'inbound routes',
  defaultSort: { key: 'did', descending: false },
  name: (i) => (i.values.description !== '' ? i.values.description : routeMatch(i.values.did, 'Any DID')),
  ...listOf<'inboundRoute'>(
    (names) => [
      textColumn('description', 'Name', 'minmax(150px, 1.2fr)'),
      { ...textColumn('did', 'DID', 'minmax(120px, 0.8fr)', 'mono'), cell: (i) => routeMatch(i.values.did, 'any') },
      { ...textColumn('cid', 'Caller ID', 'minmax(100px, 0.6fr)', 'mono'), cell: (i) => routeMatch(i.values.cid, 'any') },
      {
        key: 'destination',
        header: 'Destination',
        width: 'minmax(180px, 1.4fr)',
        cellClassName: 'destination-cell',
        sort: (i) => names.label(i.values.destination),
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
    (names) => (i) => `${i.values.description} ${i.values.did} ${i.values.cid} ${names.label(i.values.destination)}`,
  ),
  // Routes are not numbered: a new one matches any DID until one is typed.
  blank: (_items, d) => blankFrom(d, undefined) as InboundRouteValues,
}

const voicemailUi: KindUi<'voicemail'> = {
  kind: 'voicemail',
  title: 'Voicemail',
  noun: 'mailbox',
  many: 'mailboxes',
  defaultSort: { key: 'extension', descending: false },
  name: (i) => (i.values.name !== '' ? i.values.name : i.values.extension),
  ...listOf<'voicemail'>(
    () => [
      textColumn('name', 'Name', 'minmax(150px, 1.2fr)'),
      numberColumn('extension', 'Mailbox', '90px'),
      {
        ...flagColumn('enabled', 'Status', '90px'),
        cell: (i) => <span className={i.values.enabled ? 'pill pill-ok' : 'pill'}>{i.values.enabled ? 'Enabled' : 'Off'}</span>,
      },
      textColumn('email', 'Email', 'minmax(160px, 1.2fr)'),
      flagColumn('attach', 'Attach', '70px'),
      { key: 'pin', header: 'PIN', width: '60px', cellClassName: 'muted', cell: (i) => (i.meta.hasPin === true ? 'Set' : '—') },
    ],
    () => (i) => `${i.values.name} ${i.values.extension} ${i.values.email} ${i.values.pager}`,
  ),
}

const queueMembersUi: KindUi<'queueMembers'> = {
  kind: 'queueMembers',
  title: 'Queue members',
  noun: 'queue',
  many: 'queues',
  defaultSort: { key: 'queue', descending: false },
  name: (i) => (i.values.name !== '' ? i.values.name : i.values.queue),
  ...listOf<'queueMembers'>(
    (names) => [
      textColumn('name', 'Queue', 'minmax(140px, 1fr)'),
      numberColumn('queue', 'Number', '80px'),
      { key: 'static', header: 'Static members', width: 'minmax(160px, 1.5fr)', cell: (i) => memberNames(names, i.values.staticMembers) },
      { key: 'dynamic', header: 'Dynamic members', width: 'minmax(140px, 1.2fr)', cell: (i) => memberNames(names, i.values.dynamicMembers) },
      {
        key: 'loggedIn',
        header: 'Logged in',
        width: '90px',
        cellClassName: 'mono',
        cell: (i) => String(i.values.loggedIn.length),
        sort: (i) => i.values.loggedIn.length,
      },
    ],
    (names) => (i) => `${i.values.name} ${i.values.queue} ${memberNames(names, [...i.values.staticMembers, ...i.values.dynamicMembers])}`,
  ),
}

/** The kinds in tab order: what an admin edits most first. */
export const KIND_UIS = [extensionUi, ringGroupUi, inboundRouteUi, voicemailUi, queueMembersUi] as const

export type AnyKindUi = (typeof KIND_UIS)[number]

export function kindUi<K extends ConfigKind>(kind: K): KindUi<K> {
  const ui = KIND_UIS.find((k) => k.kind === kind)
  if (ui === undefined) throw new Error(`No workspace for ${kind}`)
  return ui as unknown as KindUi<K>
}
