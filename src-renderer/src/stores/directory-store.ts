import { create } from 'zustand'
import type { DirectoryEntry, DirectoryList } from '../../../src-preload/types/directory'
import type { Bridge } from '../bridge/bridge'
import { tr } from '../i18n'
import { strings } from './strings'

const t = tr(strings)

/**
 * The PBX's directory in the renderer: names by extension for the profile shown, kept current by
 * main's `directory.changed`, and a search by name, number or department (the queues an extension
 * answers for) that never waits for main.
 *
 * - `nameOf(ext)` / `labelOf(ext)`: "Eva Fischer" / "105 Eva Fischer" (the number alone without a name);
 * - `searchDirectory(query, limit)`: best first — a name word starting with the query, then the
 *   number, then anything containing it; accents folded ("gul" finds "Farid Gül");
 * - `useDirectoryRevision()`: re-renders a component when the names change.
 */

interface Indexed {
  readonly entry: DirectoryEntry
  /** Name words, folded, for "starts a word" matches. */
  readonly words: readonly string[]
  /** Everything searchable, folded, for "contains" matches. */
  readonly text: string
}

interface DirectoryState {
  readonly profileId: string | null
  readonly list: DirectoryList | null
  readonly revision: number
  load: (profileId: string) => Promise<void>
  apply: (list: DirectoryList) => void
}

let byExtension = new Map<string, DirectoryEntry>()
let indexed: Indexed[] = []
let byText = new Map<string, string>()
/**
 * Every entry's text joined by line breaks, in list order, and where each begins (one more: the
 * end): a search jumps with indexOf to the entries holding a typed word instead of testing each.
 */
let joinedText = ''
let textStarts = new Int32Array(1)
let bridgeRef: Bridge | null = null

/** Lower case without accents, so "gul" finds "Gül" and "eva" finds "Éva". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

function index(list: DirectoryList): void {
  byExtension = new Map(list.entries.map((e) => [e.extension, e]))
  indexed = list.entries.map((entry) => {
    const name = fold(entry.name)
    return {
      entry,
      words: name.split(/[\s\-.,'’]+/).filter((w) => w !== ''),
      text: `${name} ${entry.extension} ${fold(entry.department ?? '')} ${fold(entry.groups.join(' '))}`,
    }
  })
  byText = new Map(indexed.map((i) => [i.entry.extension, i.text]))
  textStarts = new Int32Array(indexed.length + 1)
  let at = 0
  indexed.forEach((item, i) => {
    textStarts[i] = at
    at += item.text.length + 1
  })
  textStarts[indexed.length] = at
  joinedText = indexed.map((i) => i.text).join('\n')
}

export const useDirectoryStore = create<DirectoryState>((set, get) => ({
  profileId: null,
  list: null,
  revision: 0,
  load: async (profileId) => {
    if (get().profileId !== profileId) {
      index({ profileId, entries: [], sources: [], readAt: 0 })
      set({ profileId, list: null, revision: get().revision + 1 })
    }
    const b = bridgeRef
    if (b === null) return
    const r = await b.invoke('directory.list', { profileId })
    if (r.ok) get().apply(r.value)
  },
  apply: (list) => {
    if (list.profileId !== get().profileId) return
    index(list)
    set({ list, revision: get().revision + 1 })
  },
}))

/** Wires the store to main: changed lists arrive, and `load` reads through this bridge. */
export function startDirectory(bridge: Bridge): () => void {
  bridgeRef = bridge
  return bridge.on('directory.changed', (list) => {
    useDirectoryStore.getState().apply(list)
  })
}

/** The name the PBX gives the extension, or undefined. */
export function nameOf(extension: string): string | undefined {
  const name = byExtension.get(extension)?.name
  return name === undefined || name === '' ? undefined : name
}

export function directoryEntry(extension: string): DirectoryEntry | undefined {
  return byExtension.get(extension)
}

/** "105 Eva Fischer", or "105" when the PBX gives it no name. */
export function labelOf(extension: string): string {
  const name = nameOf(extension)
  return name === undefined ? extension : `${extension} ${name}`
}

/** "Eva Fischer (105)" for sentences (toasts), or "105". */
export function spokenOf(extension: string): string {
  const name = nameOf(extension)
  return name === undefined ? extension : `${name} (${extension})`
}

/**
 * The extension a PBX identifier stands for: `105`, a device or channel (`PJSIP/105`,
 * `PJSIP/105-0000002a`, `Local/105@from-queue/n`), FreePBX's `PJSIP_105`-style member name, or a
 * voicemail (`*105`, FreePBX's direct-to-voicemail code) — undefined for anything else.
 */
export function extensionIn(value: string): { readonly extension: string; readonly voicemail: boolean } | undefined {
  const v = value.trim()
  if (/^[0-9]{1,10}$/.test(v)) return { extension: v, voicemail: false }
  const vm = /^\*([0-9]{1,10})$/.exec(v)?.[1]
  if (vm !== undefined) return { extension: vm, voicemail: true }
  const device = /^(?:PJSIP|SIP|IAX2|DAHDI|Local)[/_]([0-9]{1,10})(?:[-@/;].*)?$/i.exec(v)?.[1]
  return device === undefined ? undefined : { extension: device, voicemail: false }
}

/** Asterisk's placeholders for "no caller ID" are no name. */
function shown(value: string): string {
  return value === '<unknown>' || value === 'unknown' ? '' : value
}

/**
 * A party as the screen should name it: where the PBX gave no name, or only an identifier
 * (`PJSIP/106`, `PJSIP_107`, the number again), and the number is an extension the directory
 * names, that name and the bare extension; `*105` is the voicemail of 105. Outside callers keep
 * what the PBX said.
 */
export function namedParty(p: { readonly name: string; readonly number: string }): { name: string; number: string } {
  const name = shown(p.name)
  const number = shown(p.number)
  const raw = name === '' || name === number || extensionIn(name) !== undefined
  if (!raw) return { name, number }
  const ext = extensionIn(number) ?? extensionIn(name)
  if (ext === undefined) return { name, number }
  const known = nameOf(ext.extension)
  if (ext.voicemail) return { name: t('voicemailOf', { name: known ?? ext.extension }), number: ext.extension }
  if (known !== undefined) return { name: known, number: ext.extension }
  // An identifier with no name behind it: the bare extension at least, never `PJSIP/106`.
  return { name: extensionIn(name) !== undefined ? '' : name, number: extensionIn(number) !== undefined ? ext.extension : number }
}

/** The directory's words for an extension, folded, for filters: name, number, department, queues ('' when unknown). */
export function directoryTextOf(extension: string): string {
  return byText.get(extension) ?? ''
}

/** Whether the folded query finds the extension by the directory's name, department or queues. */
export function directoryMatches(extension: string, foldedQuery: string): boolean {
  return foldedQuery !== '' && directoryTextOf(extension).includes(foldedQuery)
}

/**
 * Entries matching the query, best first: a name word starts with it, then the number, then contains.
 * Only the entries holding the longest word typed are visited (indexOf through the joined text, in
 * list order), and the search stops once `limit` name matches are found.
 */
export function searchDirectory(query: string, limit = 8): DirectoryEntry[] {
  const q = fold(query.trim())
  if (q === '') return []
  const parts = q.split(/\s+/)
  const longest = parts.reduce((a, b) => (b.length > a.length ? b : a))
  const first: DirectoryEntry[] = []
  const second: DirectoryEntry[] = []
  const third: DirectoryEntry[] = []
  let i = 0
  let at = joinedText.indexOf(longest)
  while (at !== -1) {
    while ((textStarts[i + 1] ?? Infinity) <= at) i++
    at = joinedText.indexOf(longest, textStarts[i + 1] ?? joinedText.length)
    const item = indexed[i]
    // Every typed word must be found ("eva fi" finds Eva Fischer).
    if (item === undefined || !parts.every((p) => item.text.includes(p))) continue
    const e = item.entry
    if (parts.every((p) => item.words.some((w) => w.startsWith(p)))) first.push(e)
    else if (e.extension.startsWith(q)) second.push(e)
    else third.push(e)
    if (first.length >= limit) break
  }
  return [...first, ...second, ...third].slice(0, limit)
}

/** Re-renders the calling component when the directory changes; returns its revision. */
export function useDirectoryRevision(): number {
  return useDirectoryStore((s) => s.revision)
}

/** For tests: the names as if main had sent them. */
export function setDirectoryForTest(list: DirectoryList): void {
  useDirectoryStore.setState({ profileId: list.profileId })
  useDirectoryStore.getState().apply(list)
}
