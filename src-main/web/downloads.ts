import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Writable } from 'node:stream'
import type { ExportSink } from '../core/cdr/history-service'
import { say } from '../core/i18n'
import { strings } from './strings'

const t = say(strings)

interface Offer {
  readonly name: string
  readonly write: (target: Writable) => Promise<{ rows: number }>
  readonly expiresAt: number
}

const PREFIX = '/download/'
const LIFETIME_MS = 5 * 60_000

/**
 * Web mode's way to hand a file to the browser: an export becomes a one-time link with an
 * unguessable name that expires in five minutes; the CSV streams straight from the store to the
 * response, never held in memory.
 */
export class DownloadRegistry implements ExportSink {
  private readonly offers = new Map<string, Offer>()

  deliver(name: string, write: (target: Writable) => Promise<{ rows: number }>): Promise<{ kind: 'download'; url: string }> {
    const now = Date.now()
    for (const [id, o] of this.offers) if (o.expiresAt < now) this.offers.delete(id)
    const id = randomBytes(24).toString('base64url')
    this.offers.set(id, { name, write, expiresAt: now + LIFETIME_MS })
    return Promise.resolve({ kind: 'download', url: `${PREFIX}${id}` })
  }

  /** Serves a download if the request is for one; false lets the static handler answer. */
  handle(req: IncomingMessage, res: ServerResponse, headers: Record<string, string>): boolean {
    const path = (req.url ?? '').split('?')[0] ?? ''
    if (!path.startsWith(PREFIX)) return false
    const id = path.slice(PREFIX.length)
    const offer = this.offers.get(id)
    this.offers.delete(id)
    if (offer === undefined || offer.expiresAt < Date.now()) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end(t('downloadExpired'))
      return true
    }
    const safeName = offer.name.replace(/[^A-Za-z0-9._-]/g, '_')
    res.writeHead(200, {
      ...headers,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${safeName}"`,
      'Cache-Control': 'no-store',
    })
    offer.write(res).then(
      () => {
        res.end()
      },
      () => {
        res.destroy()
      },
    )
    return true
  }
}
