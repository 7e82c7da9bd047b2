import type { ImportFormat } from '../../../../src-preload/types/phonebook'

/**
 * A dropped or chosen file as text: UTF-8 when it is valid UTF-8 (with or without BOM), else
 * Windows-1252, which Outlook and Excel on Windows write by default. Says which, so the preview
 * can tell the operator when umlauts may need a look.
 */
export async function readFileText(file: Blob): Promise<{ text: string; encoding: 'UTF-8' | 'Windows-1252' }> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' }
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252' }
  }
}

/** What the file holds: by its name's ending, else by its first line. */
export function formatOf(fileName: string, text: string): ImportFormat | undefined {
  const lower = fileName.toLowerCase()
  if (lower.endsWith('.vcf') || lower.endsWith('.vcard')) return 'vcard'
  if (lower.endsWith('.csv') || lower.endsWith('.tsv') || lower.endsWith('.txt')) return /^\uFEFF?\s*BEGIN:VCARD/i.test(text) ? 'vcard' : 'csv'
  if (/^\uFEFF?\s*BEGIN:VCARD/i.test(text)) return 'vcard'
  return undefined
}
