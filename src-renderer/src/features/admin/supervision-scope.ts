import { supervisionSettingsSchema } from '../../../../src-preload/types/profile'
import { type Parse, splitList } from '../../components/form/parse'

const { queues: QUEUES, extensions: EXTENSIONS } = supervisionSettingsSchema.shape

interface ListSchema {
  readonly element: { safeParse: (v: unknown) => { success: boolean } }
  safeParse: (v: unknown) => { success: boolean }
}

/** Items typed as a list, each checked by main's own rule (the profile schema); the error names the first it refuses. */
export function checkedList(schema: ListSchema, what: string): Parse<string[]> {
  return (text) => {
    const items = [...new Set(splitList(text))]
    const bad = items.find((i) => !schema.element.safeParse(i).success)
    if (bad !== undefined) return { ok: false, error: `“${bad}” is not ${what}` }
    if (!schema.safeParse(items).success) return { ok: false, error: `Too many (${String(items.length)})` }
    return { ok: true, value: items }
  }
}

/** Queue names as Asterisk knows them (`support`, `sales-2`), duplicates dropped. */
export const queueList = checkedList(QUEUES, 'a queue name (letters, digits, _ . -)')

/** Extension numbers (digits), duplicates dropped. */
export const extensionList = checkedList(EXTENSIONS, 'an extension (1 to 10 digits)')

/** What the scope lets this seat supervise, in words, for the role it has now. */
export function scopeMeaning(role: 'receptionist' | 'supervisor' | 'admin', queues: readonly string[], extensions: readonly string[]): string {
  const named = queues.length + extensions.length > 0
  if (role === 'receptionist') return 'A receptionist never listens in or records: this applies once the role is Supervisor or Admin.'
  if (!named) {
    return role === 'admin'
      ? 'Nothing named: as an admin, this seat may listen to and record every call.'
      : 'Nothing named: as a supervisor, this seat may listen to and record no call.'
  }
  const parts = [
    queues.length > 0 ? `calls through ${queues.length === 1 ? 'queue' : 'queues'} ${queues.join(', ')}` : '',
    extensions.length > 0 ? `calls on ${extensions.length === 1 ? 'extension' : 'extensions'} ${extensions.join(', ')}` : '',
  ].filter((p) => p !== '')
  return `Only ${parts.join(' and ')}${role === 'admin' ? ' (an admin too, once any are named)' : ''}.`
}
