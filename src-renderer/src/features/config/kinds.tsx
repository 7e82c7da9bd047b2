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
import { currentLanguage, tr } from '../../i18n'
import type { DestinationNames } from './destinations'
import { type ListRules, nextFreeNumber } from './list-query'
import { strings } from './strings'

const t = tr(strings)

/** A ring strategy as FreePBX's own page words it. */
export const strategyWords = (strategy: RingStrategy): string => t(`strategy.${strategy}`)

/**
 * A kind's own sentences about its list. Each kind has its own keys (not one sentence with the
 * noun put in): German and French nouns differ in gender and case.
 */
export interface KindWords {
  /** "Reading the extensions from the PBX…" */
  readonly reading: () => string
  /** "No extensions on this PBX." */
  readonly none: () => string
  /** "No extensions match “x”." */
  readonly noMatch: (text: string) => string
  /** "12 extensions" */
  readonly count: (n: number) => string
  /** The search box's label: "Search extensions". */
  readonly search: () => string
  /** The API application may read this kind but not write it. */
  readonly readNotWrite: () => string
  /** "FreePBX writes this extension by deleting and recreating it." */
  readonly recreates: () => string
}

export const kindWords = (kind: ConfigKind): KindWords => ({
  reading: () => t(`${kind}.reading`),
  none: () => t(`${kind}.none`),
  noMatch: (text) => t(`${kind}.noMatch`, { text }),
  count: (n) => t(`${kind}.count`, { count: n }),
  search: () => t(`${kind}.search`),
  readNotWrite: () => t(`${kind}.readNotWrite`),
  recreates: () => t(`${kind}.recreates`),
})

/** The kinds FreePBX's API can create one of (a mailbox is an extension's, members are a queue's). */
const CREATABLE = ['extension', 'ringGroup', 'inboundRoute'] as const
export type CreatableKind = (typeof CREATABLE)[number]
export const creatable = (kind: ConfigKind): kind is CreatableKind => (CREATABLE as readonly string[]).includes(kind)

/** What the workspace says about a new object of a kind that can be created. */
export const newWords = (kind: CreatableKind) => ({
  /** "New extension" */
  newOne: (): string => t(`${kind}.new`),
  /** The New button's tooltip, with its key. */
  newKey: (): string => t(`${kind}.newKey`),
  /** The editor's submit: "Create extension", "Create 5 extensions" (a range). */
  create: (count: number): string => (kind === 'extension' && count > 1 ? t('extension.createMany', { count }) : t(`${kind}.create`)),
  /** Closing a new object's editor with something typed. */
  discardNew: (): string => t(`${kind}.discardNew`),
})

/**
 * An object's kind as a sentence names it: "extension 205" in English and French, "Nebenstelle 205"
 * in German (its nouns keep their capital).
 */
export const inSentence = (label: string): string => (currentLanguage() === 'de' ? label : label.toLowerCase())

/** How the workspace shows one kind: its tab, its list's columns, search and order, a new object. */
export interface KindUi<K extends ConfigKind> {
  readonly kind: K
  /** The tab and the list's name: "Extensions". */
  readonly title: string
  /** Its sentences about its list. */
  readonly words: KindWords
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
const yes = (on: boolean): string => (on ? t('yes') : '—')
const routeMatch = (value: string, any: string): string => (value === '' ? any : value)

const extensionUi: KindUi<'extension'> = {
  kind: 'extension',
  get title() {
    return t('extension.title')
  },
  words: kindWords('extension'),
  defaultSort: { key: 'extension', descending: false },
  name: (i) => (i.values.name !== '' ? i.values.name : i.values.extension),
  ...listOf<'extension'>(
    () => [
      textColumn('name', t('col.name'), 'minmax(160px, 1.4fr)'),
      numberColumn('extension', t('col.extension'), '100px'),
      { ...textColumn('tech', t('col.tech'), '70px', 'muted'), cell: (i) => i.values.tech.toUpperCase() },
      flagColumn('voicemail', t('col.voicemail'), '90px'),
      textColumn('outboundCid', t('col.outboundCid'), 'minmax(140px, 1fr)', 'mono'),
      textColumn('email', t('col.email'), 'minmax(140px, 1fr)'),
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
  get title() {
    return t('ringGroup.title')
  },
  words: kindWords('ringGroup'),
  defaultSort: { key: 'group', descending: false },
  name: (i) => (i.values.description !== '' ? i.values.description : i.values.group),
  ...listOf<'ringGroup'>(
    (names) => [
      textColumn('description', t('col.name'), 'minmax(150px, 1.2fr)'),
      numberColumn('group', t('col.group'), '80px'),
      {
        key: 'strategy',
        header: t('col.strategy'),
        width: '150px',
        cell: (i) => strategyWords(i.values.strategy),
        sort: (i) => strategyWords(i.values.strategy),
      },
      {
        key: 'members',
        header: t('col.members'),
        width: 'minmax(180px, 2fr)',
        cellTitle: (i) => i.values.members.map((m) => ext(names, m)).join(', '),
        cell: (i) => i.values.members.map((m) => ext(names, m)).join(', '),
      },
      {
        key: 'ringTime',
        header: t('col.rings'),
        width: '60px',
        cellClassName: 'mono',
        cell: (i) => t('seconds', { count: i.values.ringTime }),
        sort: (i) => i.values.ringTime,
      },
      {
        key: 'noAnswer',
        header: t('col.noAnswer'),
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
  get title() {
    return t('inboundRoute.title')
  },
  words: kindWords('inboundRoute'),
  defaultSort: { key: 'did', descending: false },
  name: (i) => (i.values.description !== '' ? i.values.description : routeMatch(i.values.did, t('anyDid'))),
  ...listOf<'inboundRoute'>(
    (names) => [
      textColumn('description', t('col.name'), 'minmax(150px, 1.2fr)'),
      { ...textColumn('did', t('col.did'), 'minmax(120px, 0.8fr)', 'mono'), cell: (i) => routeMatch(i.values.did, t('any')) },
      { ...textColumn('cid', t('col.cid'), 'minmax(100px, 0.6fr)', 'mono'), cell: (i) => routeMatch(i.values.cid, t('any')) },
      {
        key: 'destination',
        header: t('col.destination'),
        width: 'minmax(180px, 1.4fr)',
        cellClassName: 'destination-cell',
        sort: (i) => names.label(i.values.destination),
        cell: (i) =>
          names.known(i.values.destination) ? (
            names.label(i.values.destination)
          ) : (
            <span className="warn-text" title={t('notAmongDestinations')}>
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
  get title() {
    return t('voicemail.title')
  },
  words: kindWords('voicemail'),
  defaultSort: { key: 'extension', descending: false },
  name: (i) => (i.values.name !== '' ? i.values.name : i.values.extension),
  ...listOf<'voicemail'>(
    () => [
      textColumn('name', t('col.name'), 'minmax(150px, 1.2fr)'),
      numberColumn('extension', t('col.mailbox'), '90px'),
      {
        ...flagColumn('enabled', t('col.status'), '90px'),
        cell: (i) => <span className={i.values.enabled ? 'pill pill-ok' : 'pill'}>{i.values.enabled ? t('enabled') : t('off')}</span>,
      },
      textColumn('email', t('col.email'), 'minmax(160px, 1.2fr)'),
      flagColumn('attach', t('col.attach'), '70px'),
      { key: 'pin', header: t('col.pin'), width: '60px', cellClassName: 'muted', cell: (i) => (i.meta.hasPin === true ? t('pinSet') : '—') },
    ],
    () => (i) => `${i.values.name} ${i.values.extension} ${i.values.email} ${i.values.pager}`,
  ),
}

const queueMembersUi: KindUi<'queueMembers'> = {
  kind: 'queueMembers',
  get title() {
    return t('queueMembers.title')
  },
  words: kindWords('queueMembers'),
  defaultSort: { key: 'queue', descending: false },
  name: (i) => (i.values.name !== '' ? i.values.name : i.values.queue),
  ...listOf<'queueMembers'>(
    (names) => [
      textColumn('name', t('col.queue'), 'minmax(140px, 1fr)'),
      numberColumn('queue', t('col.number'), '80px'),
      { key: 'static', header: t('col.static'), width: 'minmax(160px, 1.5fr)', cell: (i) => memberNames(names, i.values.staticMembers) },
      { key: 'dynamic', header: t('col.dynamic'), width: 'minmax(140px, 1.2fr)', cell: (i) => memberNames(names, i.values.dynamicMembers) },
      {
        key: 'loggedIn',
        header: t('col.loggedIn'),
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
