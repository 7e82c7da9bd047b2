/**
 * A queue_log text cut into parts of at most `max` characters at line ends, so each part is whole
 * lines (a single line longer than `max` is cut where it must be: main then refuses its pieces by line).
 */
export function importParts(text: string, max: number): string[] {
  const parts: string[] = []
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + max)
    if (end < text.length) {
      const cut = text.lastIndexOf('\n', end - 1)
      if (cut >= start) end = cut + 1
    }
    parts.push(text.slice(start, end))
    start = end
  }
  return parts
}
