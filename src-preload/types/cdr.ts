// Public shapes of the CDR store. Plain data only: everything here crosses the worker boundary
// by structured clone, so no functions, no classes, no Dates.

/**
 * A time as a source gives it: `'YYYY-MM-DD HH:MM:SS'` in the PBX's local time (AMI `Cdr`
 * events, FreePBX `calldate`), or epoch milliseconds when the source already has an instant.
 * Local strings are converted with the `timeZone` passed to `ingest`.
 */
export type CdrTimeInput = string | number

/** Where a record came from. Stored for diagnostics only; it is not part of the identity. */
export type CdrSource = 'ami' | 'freepbx' | 'import'

/** One CDR as a source delivers it (see adapters.ts for AMI and FreePBX). */
export interface CdrRecord {
  uniqueid: string
  start: CdrTimeInput
  /** null/undefined/'' = not answered (AMI) or not known (FreePBX has no answer column). */
  answer?: CdrTimeInput | null
  /** Missing → start + duration. */
  end?: CdrTimeInput | null
  clid?: string
  src?: string
  dst?: string
  dcontext?: string
  channel?: string
  dstchannel?: string
  lastapp?: string
  lastdata?: string
  duration?: number
  billsec?: number
  disposition?: string
  amaflags?: string
  accountcode?: string
  userfield?: string
  linkedid?: string | null
  sequence?: number | null
  recordingfile?: string | null
  cnam?: string | null
  cnum?: string | null
  did?: string | null
  source?: CdrSource
}

export type CdrDirection = 'inbound' | 'outbound' | 'internal'

/** A stored CDR. Times are UTC epoch milliseconds (whole seconds: Asterisk's CDR resolution). */
export interface CdrRow {
  /** Store-assigned id; orders rows by (profile, start). Stable; usable as a React key. */
  id: number
  profileId: string
  start: number
  answer: number | null
  end: number
  clid: string
  src: string
  dst: string
  dcontext: string
  channel: string
  dstchannel: string
  lastapp: string
  lastdata: string
  duration: number
  billsec: number
  disposition: string
  amaflags: string
  accountcode: string
  uniqueid: string
  linkedid: string | null
  userfield: string
  sequence: number | null
  recordingfile: string | null
  cnam: string
  cnum: string
  did: string | null
  direction: CdrDirection
  /** Queue name when the leg ran Queue() (or FreePBX's ext-queues context), else null. */
  queue: string | null
  /** Derived: not answered, or left a queue without reaching an agent. See derive.ts. */
  missed: boolean
  /**
   * Derived: seconds before the caller reached a person, or all of the leg when nobody answered
   * (ringing, a queue, an IVR; FreePBX answers before those, so billsec counts them). See deriveTimes.
   */
  wait: number
  /** Derived: seconds talking with a person; null when the stored rows do not tell. */
  talk: number | null
}

/** Filters; every given field must hold (AND). Empty arrays mean "no constraint". */
export interface CdrFilter {
  profileId: string
  /** Inclusive lower bound on start, epoch ms. */
  from?: number
  /** Exclusive upper bound on start, epoch ms. */
  to?: number
  /** Number or name contains (case-insensitive substring of cnam, cnum, src, dst, did or a channel's endpoint). */
  text?: string
  direction?: CdrDirection[]
  disposition?: string[]
  outcome?: 'answered' | 'missed'
  /** Seconds. */
  minDuration?: number
  queue?: string
  /** Exact extension that took part: src, dst, or the endpoint of channel / dstchannel. */
  extension?: string
}

export type CdrSortKey = 'start' | 'duration'

export interface CdrQueryOptions {
  sort?: CdrSortKey
  order?: 'asc' | 'desc'
  /** 1..1000, default 100. */
  limit?: number
  /** Opaque cursor from a previous page's `nextCursor` (same filter and sort). */
  cursor?: string | null
}

export interface CdrPage {
  rows: CdrRow[]
  /** null when there are no more rows. */
  nextCursor: string | null
}

export interface CdrAggregateOptions {
  bucket: 'hour' | 'day'
  /** IANA zone the buckets are cut in (the PBX's or the operator's). */
  timeZone: string
}

export interface CdrBucket {
  /** Epoch ms of the bucket's first instant in `timeZone`. */
  start: number
  /** Local label, `YYYY-MM-DD` or `YYYY-MM-DD HH:00`. */
  label: string
  total: number
  answered: number
  missed: number
}

/** How direction is derived at ingest (see derive.ts for the rule). */
export interface DirectionRule {
  /** Regex source matched against a whole number: numbers that are internal extensions. Default `^[0-9]{2,6}$`. */
  internalPattern?: string
  /** Contexts that mark a call as coming in from a trunk. Default: FreePBX's from-trunk/from-pstn/from-did-direct family. */
  inboundContexts?: string[]
}

export interface IngestOptions {
  /** IANA zone of the PBX; converts local time strings. Required when records carry local strings. */
  timeZone: string
  direction?: DirectionRule
}

export interface IngestResult {
  /** New rows stored. */
  inserted: number
  /** Records that matched a stored row and filled in fields it lacked. */
  merged: number
  /** Records that matched a stored row and added nothing. */
  unchanged: number
  /** Records rejected as malformed, with why (the rest of the batch is still stored). */
  rejected: { index: number; reason: string }[]
}

export interface CsvExportOptions {
  /** Zone for the local-time columns. */
  timeZone: string
  sort?: CdrSortKey
  order?: 'asc' | 'desc'
  /** Rows fetched from the worker per round trip. */
  pageSize?: number
}

export interface CdrStats {
  rows: number
  oldestStart: number | null
  newestStart: number | null
}
