/**
 * AMI DBGet, DBPut, DBDel, DBDelTree and DBGetTree as Asterisk 22.10.1 answers them
 * (astdb-presence.raw, misc.raw): DBGet and DBGetTree as lists (`Result will follow`, then
 * DBGetResponse / DBGetTreeResponse items with the ActionID last, then the Complete event), the
 * errors in the server's own words — note the full stop some have and others lack.
 */
import { type ActionContext, type ActionHandlers, listComplete, listItem, listStart } from '../ami-context'

/**
 * The Family and Key headers every single-key DB action needs, or undefined after refusing in
 * Asterisk's words: DBGet and DBDel end theirs with a full stop, DBPut does not (`stop`).
 */
function familyAndKey(ctx: ActionContext, stop: '.' | ''): { family: string; key: string } | undefined {
  const family = ctx.get('Family') ?? ''
  const key = ctx.get('Key') ?? ''
  if (family === '') {
    ctx.error(`No family specified${stop}`)
    return undefined
  }
  if (key === '') {
    ctx.error(`No key specified${stop}`)
    return undefined
  }
  return { family, key }
}

function dbGet(ctx: ActionContext): void {
  const named = familyAndKey(ctx, '.')
  if (named === undefined) return
  const { family, key } = named
  const value = ctx.pbx.astdb.get(family, key)
  if (value === undefined) {
    ctx.error('Database entry not found')
    return
  }
  listStart(ctx, 'Result will follow')
  // db.c copies the value into a MAX_DB_FIELD buffer: at most 255 bytes come back.
  listItem(
    ctx,
    'DBGetResponse',
    [
      ['Family', family],
      ['Key', key],
      ['Val', truncateBytes(value, 255)],
    ],
    false,
  )
  listComplete(ctx, 'DBGetComplete', 1)
}

function dbPut(ctx: ActionContext): void {
  const named = familyAndKey(ctx, '')
  if (named === undefined) return
  const { family, key } = named
  if (!ctx.pbx.astdb.put(family, key, ctx.get('Val') ?? '')) {
    ctx.error('Failed to update entry')
    return
  }
  ctx.reply('Success', [['Message', 'Updated database successfully']])
}

function dbDel(ctx: ActionContext): void {
  const named = familyAndKey(ctx, '.')
  if (named === undefined) return
  const { family, key } = named
  if (!ctx.pbx.astdb.del(family, key)) {
    ctx.error('Database entry could not be deleted')
    return
  }
  ctx.reply('Success', [['Message', 'Key deleted successfully']])
}

function dbDelTree(ctx: ActionContext): void {
  const family = ctx.get('Family') ?? ''
  if (family === '') {
    ctx.error('No family specified.')
    return
  }
  if (ctx.pbx.astdb.delTree(family, ctx.get('Key')) === 0) {
    ctx.error('Database entry not found')
    return
  }
  ctx.reply('Success', [['Message', 'Key tree deleted successfully']])
}

/** Family optional (none: the whole database), Key only within a family. An empty tree is a list of 0. */
function dbGetTree(ctx: ActionContext): void {
  const family = ctx.get('Family') ?? ''
  const entries = ctx.pbx.astdb.tree(family, family === '' ? undefined : ctx.get('Key'))
  listStart(ctx, 'Result will follow')
  for (const entry of entries) {
    listItem(
      ctx,
      'DBGetTreeResponse',
      [
        ['Key', entry.key],
        ['Val', entry.value],
      ],
      false,
    )
  }
  listComplete(ctx, 'DBGetTreeComplete', entries.length)
}

function truncateBytes(value: string, max: number): string {
  const bytes = Buffer.from(value)
  if (bytes.length <= max) return value
  // Cut on a character boundary rather than leave half a UTF-8 sequence.
  let end = max
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--
  return bytes.subarray(0, end).toString()
}

export const ASTDB_ACTIONS: ActionHandlers = {
  dbget: dbGet,
  dbput: dbPut,
  dbdel: dbDel,
  dbdeltree: dbDelTree,
  dbgettree: dbGetTree,
}
