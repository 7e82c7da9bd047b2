import { createWriteStream } from 'node:fs'
import { finished } from 'node:stream/promises'
import { BrowserWindow, dialog } from 'electron'
import type { ExportSink } from '../core/cdr/history-service'

/** Desktop exports: the operator picks the file with the system save dialog; the CSV streams to it. */
export const saveDialogSink: ExportSink = {
  async deliver(suggestedName, write) {
    const parent = BrowserWindow.getFocusedWindow()
    const options = { defaultPath: suggestedName, filters: [{ name: 'CSV', extensions: ['csv'] }] }
    const choice = parent === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(parent, options)
    if (choice.canceled || choice.filePath === '') return { kind: 'cancelled' }
    const out = createWriteStream(choice.filePath, { mode: 0o600 })
    const { rows } = await write(out)
    out.end()
    await finished(out)
    return { kind: 'saved', path: choice.filePath, rows }
  },
}
