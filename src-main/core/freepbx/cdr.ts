/**
 * CDR read through FreePBX's `fetchAllCdrs` (cdr module, freepbx-api.md §3.8) for a later
 * backfill of the local CDR store.
 *
 *   await fetchCdrPage(api, { first, after, startDate?, endDate? }) → { rows, totalCount }
 *   await fetchCdrRows(api, { startDate?, endDate?, pageSize?, maxRows? }) → FreepbxCdrRow[]
 *
 * Known server bugs this copes with (version-dependent): `after` ignored (the same first page
 * comes back forever), ordering not applied, `totalCount` ignoring the date filter. So rows are
 * de-duplicated by uniqueid+sequence, paging stops at the first page that brings nothing new,
 * and totalCount is not trusted as a loop bound.
 */
import { z } from 'zod'
import { TransportError } from '../net/transport-error'
import { type FreepbxClient, rootField } from './client'

const text = z
  .union([z.string(), z.number()])
  .nullable()
  .optional()
  .transform((v) => (v === null || v === undefined ? '' : String(v)))
const int = z
  .union([z.number(), z.string()])
  .nullable()
  .optional()
  .transform((v) => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : 0
    return Number.isFinite(n) ? n : 0
  })

export const freepbxCdrRowSchema = z.object({
  id: text,
  uniqueid: z.string().min(1),
  calldate: text,
  timestamp: int,
  clid: text,
  src: text,
  dst: text,
  dcontext: text,
  channel: text,
  dstchannel: text,
  lastapp: text,
  lastdata: text,
  duration: int,
  billsec: int,
  disposition: text,
  amaflags: text,
  accountcode: text,
  userfield: text,
  did: text,
  recordingfile: text,
  cnum: text,
  outbound_cnum: text,
  outbound_cnam: text,
  dst_cnam: text,
  linkedid: text,
  peeraccount: text,
  sequence: int,
})
export type FreepbxCdrRow = z.infer<typeof freepbxCdrRowSchema>

const CDR_FIELDS = Object.keys(freepbxCdrRowSchema.shape).join(' ')

export const CDR_PAGE_QUERY =
  'query AttendantCdrPage($first: Int, $after: Int, $orderby: cdrOrderBy, $startDate: String, $endDate: String) ' +
  `{ fetchAllCdrs(first: $first, after: $after, orderby: $orderby, startDate: $startDate, endDate: $endDate) { status message totalCount cdrs { ${CDR_FIELDS} } } }`

const DATE = /^\d{4}-\d{2}-\d{2}$/

export interface CdrPageRequest {
  readonly first: number
  /** Row offset. */
  readonly after?: number
  /** YYYY-MM-DD; FreePBX needs both dates or neither (`DATE(calldate) BETWEEN`). */
  readonly startDate?: string
  readonly endDate?: string
  readonly orderby?: 'date' | 'duration'
}

export interface CdrPage {
  readonly rows: FreepbxCdrRow[]
  readonly totalCount: number | undefined
}

export async function fetchCdrPage(api: FreepbxClient, req: CdrPageRequest): Promise<CdrPage> {
  if ((req.startDate === undefined) !== (req.endDate === undefined))
    throw new TransportError('graphql_error', 'CDR fetch: give both startDate and endDate, or neither')
  for (const d of [req.startDate, req.endDate]) {
    if (d !== undefined && !DATE.test(d)) throw new TransportError('graphql_error', 'CDR fetch: dates are YYYY-MM-DD')
  }
  const variables: Record<string, unknown> = { first: req.first, after: req.after ?? 0, orderby: req.orderby ?? 'date' }
  if (req.startDate !== undefined) variables.startDate = req.startDate
  if (req.endDate !== undefined) variables.endDate = req.endDate
  return api.query(CDR_PAGE_QUERY, variables, (data) => {
    const root = rootField(data, 'fetchAllCdrs')
    const list = root.cdrs
    if (!Array.isArray(list)) throw new TransportError('protocol', 'fetchAllCdrs: no cdrs list')
    const rows = list.map((item) => freepbxCdrRowSchema.parse(item))
    return { rows, totalCount: typeof root.totalCount === 'number' ? root.totalCount : undefined }
  })
}

export interface CdrFetchOptions {
  readonly startDate?: string
  readonly endDate?: string
  /** Rows per request (FreePBX's default is 5; default here 500). */
  readonly pageSize?: number
  /** Stop after this many rows (default 100 000). */
  readonly maxRows?: number
  readonly signal?: AbortSignal
}

/** All CDR rows in the range, de-duplicated, in the order the server returned them. */
export async function fetchCdrRows(api: FreepbxClient, options: CdrFetchOptions = {}): Promise<FreepbxCdrRow[]> {
  const pageSize = Math.max(1, Math.min(options.pageSize ?? 500, 5000))
  const maxRows = options.maxRows ?? 100_000
  const seen = new Set<string>()
  const rows: FreepbxCdrRow[] = []
  let offset = 0
  // Bounded: every iteration either adds a row or stops.
  while (rows.length < maxRows) {
    if (options.signal?.aborted === true) throw new TransportError('aborted', 'CDR fetch aborted')
    const page = await fetchCdrPage(api, { first: pageSize, after: offset, startDate: options.startDate, endDate: options.endDate })
    let fresh = 0
    for (const row of page.rows) {
      const key = `${row.uniqueid}\u0000${String(row.sequence)}`
      if (seen.has(key)) continue
      seen.add(key)
      rows.push(row)
      fresh++
      if (rows.length >= maxRows) break
    }
    if (page.rows.length < pageSize || fresh === 0) break
    offset += page.rows.length
  }
  return rows
}
