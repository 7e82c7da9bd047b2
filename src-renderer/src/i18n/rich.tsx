import { Fragment, type ReactNode } from 'react'

/**
 * A translated sentence with marked words: 'Open <b>Admin → Web link</b> to copy it' with
 * `{ b: (text) => <strong>{text}</strong> }`. Translators move the marks with the words; only the
 * tags given are honoured, anything else stays literal text (a catalogue never injects markup).
 */
export function rich(text: string, tags: Readonly<Record<string, (inner: string) => ReactNode>>): ReactNode {
  const parts: ReactNode[] = []
  const pattern = /<(\w+)>(.*?)<\/\1>/g
  let last = 0
  for (const match of text.matchAll(pattern)) {
    const [whole, tag = '', inner = ''] = match
    const render = tags[tag]
    if (render === undefined) continue
    if (match.index > last) parts.push(text.slice(last, match.index))
    parts.push(<Fragment key={parts.length}>{render(inner)}</Fragment>)
    last = match.index + whole.length
  }
  if (last < text.length) parts.push(text.slice(last))
  return parts
}
