// Filter + sort + cursor → one SQL statement. Every filter is exact: the full-text index only
// narrows the candidates, and the same predicate a plain scan uses decides.
import { ROW_COLUMNS } from './columns'
import { foldCase, SEARCH_FIELD_SEPARATOR } from './derive'
import { ID_PROFILE_SPAN, ID_SLOTS } from './migrations'
import type { CdrFilter, CdrQueryOptions } from './types'

/** Trigrams need three characters; shorter needles are checked by a scan. */
const MIN_INDEXED_CHARS = 3

export function normalizeNeedle(s: string): string {
  return foldCase(s.trim().split(SEARCH_FIELD_SEPARATOR).join(''))
}

/**
 * Trigrams that cover a needle (every 3rd one, plus the last) as an FTS5 AND expression. The
 * index has no positions (detail=none), so any set of its trigrams only narrows the candidates
 * to a superset of the rows containing the needle, which the exact predicate then filters;
 * a covering set is as selective in practice and loads a third of the doclists.
 */
export function trigramQuery(needle: string): string {
  // Code points, as FTS5's trigram tokenizer counts them.
  const chars = Array.from(needle)
  const grams = new Set<string>()
  const gram = (i: number): string => chars.slice(i, i + 3).join('')
  for (let i = 0; i + 3 <= chars.length; i += 3) grams.add(gram(i))
  if (chars.length >= 3) grams.add(gram(chars.length - 3))
  return [...grams].map((g) => `"${g.replaceAll('"', '""')}"`).join(' AND ')
}

export interface WhereParts {
  /** FTS5 MATCH expression, or null to scan the table. */
  match: string | null
  idLo: number
  idHi: number
  clauses: string[]
  params: unknown[]
}

/**
 * @param needles substrings that must all occur in the search text (already folded).
 */
export function buildWhere(filter: CdrFilter, profileNo: number, needles: string[]): WhereParts {
  const base = profileNo * ID_PROFILE_SPAN
  let idLo = base
  let idHi = base + ID_PROFILE_SPAN
  if (filter.from !== undefined) idLo = Math.max(idLo, base + Math.ceil(filter.from / 1000) * ID_SLOTS)
  if (filter.to !== undefined) idHi = Math.min(idHi, base + Math.ceil(filter.to / 1000) * ID_SLOTS)
  const clauses: string[] = []
  const params: unknown[] = []
  const phrases: string[] = []
  for (const n of needles) {
    if (n === '') continue
    if (Array.from(n).length >= MIN_INDEXED_CHARS) phrases.push(trigramQuery(n))
    clauses.push('cdr_contains(cdr.cnam, cdr.cnum, cdr.src, cdr.dst, cdr.did, cdr.channel, cdr.dstchannel, ?)')
    params.push(n)
  }
  if (filter.direction && filter.direction.length > 0) {
    clauses.push(`cdr.direction IN (${filter.direction.map(() => '?').join(',')})`)
    params.push(...filter.direction)
  }
  if (filter.disposition && filter.disposition.length > 0) {
    clauses.push(`cdr.disposition IN (${filter.disposition.map(() => '?').join(',')})`)
    params.push(...filter.disposition.map((d) => d.toUpperCase()))
  }
  if (filter.outcome !== undefined) {
    clauses.push('cdr.missed = ?')
    params.push(filter.outcome === 'missed' ? 1 : 0)
  }
  if (filter.minDuration !== undefined && filter.minDuration > 0) {
    clauses.push('cdr.duration >= ?')
    params.push(filter.minDuration)
  }
  if (filter.queue !== undefined && filter.queue !== '') {
    clauses.push('cdr.queue = ?')
    params.push(filter.queue)
  }
  if (filter.extension !== undefined && filter.extension.trim() !== '') {
    const ext = filter.extension.trim()
    clauses.push('(cdr.src = ? OR cdr.dst = ? OR cdr_endpoint(cdr.channel) = ? OR cdr_endpoint(cdr.dstchannel) = ?)')
    params.push(ext, ext, ext, ext)
    // The extension is one of the indexed fields, so its folded text narrows the candidates.
    const folded = normalizeNeedle(ext)
    if (Array.from(folded).length >= MIN_INDEXED_CHARS) phrases.push(trigramQuery(folded))
  }
  return { match: phrases.length > 0 ? phrases.join(' AND ') : null, idLo, idHi, clauses, params }
}

export interface Cursor {
  id: number
  duration?: number
}

export function encodeCursor(sort: 'start' | 'duration', row: { id: number; duration: number }): string {
  return sort === 'start' ? `s:${String(row.id)}` : `d:${String(row.duration)}:${String(row.id)}`
}

export function decodeCursor(cursor: string, sort: 'start' | 'duration'): Cursor {
  const parts = cursor.split(':')
  const num = (s: string | undefined): number => {
    const n = Number(s)
    if (s === undefined || s === '' || !Number.isSafeInteger(n) || n < 0) throw new RangeError('malformed cursor')
    return n
  }
  if (sort === 'start' && parts[0] === 's' && parts.length === 2) return { id: num(parts[1]) }
  if (sort === 'duration' && parts[0] === 'd' && parts.length === 3) return { duration: num(parts[1]), id: num(parts[2]) }
  throw new RangeError('cursor does not belong to this sort')
}

export interface BuiltQuery {
  sql: string
  params: unknown[]
}

/** The page query: `limit + 1` rows so the caller knows whether another page exists. */
export function buildPageQuery(w: WhereParts, opts: Required<Pick<CdrQueryOptions, 'sort' | 'order' | 'limit'>>, cursor: Cursor | null): BuiltQuery {
  const desc = opts.order === 'desc'
  let { idLo, idHi } = w
  const clauses = [...w.clauses]
  const params = [...w.params]
  if (cursor) {
    if (opts.sort === 'start') {
      if (desc) idHi = Math.min(idHi, cursor.id)
      else idLo = Math.max(idLo, cursor.id + 1)
    } else {
      const cmp = desc ? '<' : '>'
      clauses.push(`(cdr.duration ${cmp} ? OR (cdr.duration = ? AND cdr.id ${cmp} ?))`)
      params.push(cursor.duration, cursor.duration, cursor.id)
    }
  }
  const dir = desc ? 'DESC' : 'ASC'
  const idCol = w.match !== null ? 'cdr_fts.rowid' : 'cdr.id'
  const order = opts.sort === 'start' ? `${idCol} ${dir}` : `cdr.duration ${dir}, cdr.id ${dir}`
  const from = w.match !== null ? 'cdr_fts JOIN cdr ON cdr.id = cdr_fts.rowid' : 'cdr'
  const where = [...(w.match !== null ? ['cdr_fts MATCH ?'] : []), `${idCol} >= ?`, `${idCol} < ?`, ...clauses]
  const allParams = [...(w.match !== null ? [w.match] : []), idLo, idHi, ...params, opts.limit + 1]
  return { sql: `SELECT ${ROW_COLUMNS} FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?`, params: allParams }
}

/** Counts per UTC quarter-hour (every zone's offset is a multiple of 15 minutes). */
export function buildQuarterHourQuery(w: WhereParts): BuiltQuery {
  const idCol = w.match !== null ? 'cdr_fts.rowid' : 'cdr.id'
  const from = w.match !== null ? 'cdr_fts JOIN cdr ON cdr.id = cdr_fts.rowid' : 'cdr'
  const where = [...(w.match !== null ? ['cdr_fts MATCH ?'] : []), `${idCol} >= ?`, `${idCol} < ?`, ...w.clauses]
  return {
    sql: `SELECT cdr.start / 900 AS q, count(*) AS n, sum(cdr.missed) AS m FROM ${from} WHERE ${where.join(' AND ')} GROUP BY q ORDER BY q`,
    params: [...(w.match !== null ? [w.match] : []), w.idLo, w.idHi, ...w.params],
  }
}
