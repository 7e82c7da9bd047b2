import { randomBytes } from 'node:crypto'
import { IMPORT_LIMITS, type ImportFormat } from '../../../src-preload/types/phonebook'
import { ApiFailure } from '../errors/api-failure'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

/** A file on its way to an import: sent part by part by one window, kept in memory only. */
export interface StagedFile {
  readonly id: string
  readonly clientId: string
  readonly format: ImportFormat
  readonly fileName: string
  readonly parts: string[]
  complete: boolean
  touched: number
}

/** Files untouched this long are forgotten (an import dialog left open over lunch is read again). */
const IDLE_MS = 30 * 60_000
/** Per window: enough for a retry beside an open preview, not a store for anything else. */
const PER_CLIENT = 3

/**
 * The files windows are importing, each only for the window that sent it (another window's id is
 * "not found"). Parts arrive in order; the whole stays under IMPORT_LIMITS.fileChars.
 */
export class ImportStaging {
  private readonly files = new Map<string, StagedFile>()

  constructor(private readonly now: () => number = Date.now) {}

  add(
    clientId: string,
    p: { importId?: string | undefined; format: ImportFormat; fileName: string; text: string; part: number; last: boolean },
  ): StagedFile {
    this.expire()
    let file: StagedFile
    if (p.importId === undefined) {
      if (p.part !== 0) throw new ApiFailure('invalid_input', t('firstPartFirst'))
      const mine = [...this.files.values()].filter((f) => f.clientId === clientId).sort((a, b) => a.touched - b.touched)
      while (mine.length >= PER_CLIENT) {
        const oldest = mine.shift()
        if (oldest !== undefined) this.files.delete(oldest.id)
      }
      file = {
        id: randomBytes(16).toString('hex'),
        clientId,
        format: p.format,
        fileName: p.fileName,
        parts: [],
        complete: false,
        touched: this.now(),
      }
      this.files.set(file.id, file)
    } else {
      file = this.get(clientId, p.importId)
      if (file.complete) throw new ApiFailure('conflict', t('alreadySent'))
      if (p.part !== file.parts.length) throw new ApiFailure('invalid_input', t('outOfOrder', { part: p.part }))
    }
    const size = file.parts.reduce((n, t) => n + t.length, 0) + p.text.length
    if (size > IMPORT_LIMITS.fileChars) {
      this.files.delete(file.id)
      throw new ApiFailure('invalid_input', t('tooLarge', { millions: IMPORT_LIMITS.fileChars / 1_000_000 }))
    }
    file.parts.push(p.text)
    file.complete = p.last
    file.touched = this.now()
    return file
  }

  /** A complete file of this window; `not_found` for another window's id or an expired one. */
  get(clientId: string, id: string): StagedFile {
    this.expire()
    const file = this.files.get(id)
    if (file?.clientId !== clientId) throw new ApiFailure('not_found', t('importGone'))
    file.touched = this.now()
    return file
  }

  text(file: StagedFile): string {
    return file.parts.join('')
  }

  drop(id: string): void {
    this.files.delete(id)
  }

  private expire(): void {
    const now = this.now()
    for (const [id, f] of this.files) if (now - f.touched > IDLE_MS) this.files.delete(id)
  }
}
