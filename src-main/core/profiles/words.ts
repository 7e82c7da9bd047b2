import type { TextKey } from '../../../src-preload/i18n/catalogue'
import { inEnglish } from '../../../src-preload/i18n/english'
import { say } from '../i18n'
import type { TextParams } from '../../../src-preload/i18n/translator'
import { strings } from './strings'

type Key = TextKey<(typeof strings)['texts']['en']>

const shown = say(strings)
const english = inEnglish(strings)

/** A refusal said twice: in the console's language to the person, in English to the audit. */
export interface Words {
  readonly shown: string
  readonly english: string
}

export const words = (key: Key, params?: TextParams): Words => ({ shown: shown(key, params), english: english(key, params) })

/** What needs the admin passphrase (a `task.*` phrase; `groups` names the sealed fields being changed). */
export interface AdminTask {
  readonly task: Extract<Key, `task.${string}`>
  readonly groups?: string
}

/** "{{what}} needs the admin passphrase" with the task phrased for each language's sentence. */
export function taskWords(key: 'passphraseNotSet' | 'passphraseRequired', what: AdminTask): Words {
  const params = what.groups === undefined ? undefined : { groups: what.groups }
  return { shown: shown(key, { what: shown(what.task, params) }), english: english(key, { what: english(what.task, params) }) }
}

/** Too many wrong guesses of `what`, and how long until the next is checked ("8 s", "3 min"). */
export function throttledWords(what: 'admin passphrase' | 'setup code', ms: number): Words {
  const seconds = Math.ceil(ms / 1000)
  const wait = seconds < 90 ? words('waitSeconds', { seconds }) : words('waitMinutes', { minutes: Math.ceil(seconds / 60) })
  const key = what === 'setup code' ? 'throttledSetupCode' : 'throttledPassphrase'
  return { shown: shown(key, { wait: wait.shown }), english: english(key, { wait: wait.english }) }
}
