import { supervisionSettingsSchema } from '../../../../src-preload/types/profile'
import { type Parse, splitList } from '../../components/form/parse'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

const { queues: QUEUES, extensions: EXTENSIONS } = supervisionSettingsSchema.shape

interface ListSchema {
  readonly element: { safeParse: (v: unknown) => { success: boolean } }
  safeParse: (v: unknown) => { success: boolean }
}

/**
 * Items typed as a list, each checked by main's own rule (the profile schema); the error names the
 * first it refuses, in the sentence `notOne` makes of it ("“10a” is not an extension (1 to 10 digits)").
 */
export function checkedList(schema: ListSchema, notOne: (item: string) => string): Parse<string[]> {
  return (text) => {
    const items = [...new Set(splitList(text))]
    const bad = items.find((i) => !schema.element.safeParse(i).success)
    if (bad !== undefined) return { ok: false, error: notOne(bad) }
    if (!schema.safeParse(items).success) return { ok: false, error: t('list.tooMany', { count: items.length }) }
    return { ok: true, value: items }
  }
}

/** Queue names as Asterisk knows them (`support`, `sales-2`), duplicates dropped. */
export const queueList = checkedList(QUEUES, (item) => t('list.notQueue', { item }))

/** Extension numbers (digits), duplicates dropped. */
export const extensionList = checkedList(EXTENSIONS, (item) => t('list.notExtension', { item }))

/** What the scope lets this seat supervise, in words, for the role it has now. */
export function scopeMeaning(role: 'receptionist' | 'supervisor' | 'admin', queues: readonly string[], extensions: readonly string[]): string {
  if (role === 'receptionist') return t('scope.receptionist')
  if (queues.length + extensions.length === 0) return role === 'admin' ? t('scope.noneAdmin') : t('scope.noneSupervisor')
  const throughQueues = t('scope.queues', { count: queues.length, list: queues.join(', ') })
  const onExtensions = t('scope.extensions', { count: extensions.length, list: extensions.join(', ') })
  const what =
    queues.length === 0
      ? onExtensions
      : extensions.length === 0
        ? throughQueues
        : t('scope.both', { queues: throughQueues, extensions: onExtensions })
  return role === 'admin' ? t('scope.onlyAdmin', { what }) : t('scope.only', { what })
}
