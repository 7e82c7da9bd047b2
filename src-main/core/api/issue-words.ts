import type { z } from 'zod'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

type RawIssue = Parameters<z.core.$ZodErrorMap>[0]

const TYPE_WORDS = {
  string: 'type.string',
  number: 'type.number',
  int: 'type.int',
  boolean: 'type.boolean',
  object: 'type.object',
  array: 'type.array',
} as const
const isTypeWord = (kind: string): kind is keyof typeof TYPE_WORDS => kind in TYPE_WORDS

const quoted = (values: readonly unknown[]): string => values.map((v) => (typeof v === 'string' ? `"${v}"` : String(v))).join(', ')
const limit = (n: number | bigint): number => Number(n)

function expected(kind: string): string {
  return isTypeWord(kind) ? t(TYPE_WORDS[kind]) : t('type.other', { kind })
}

/**
 * What is wrong with one field, in plain words and the console's language: the dispatcher passes it
 * to the schema's parse as its error map, so a schema's own message (a contract's `refine`, a
 * `.max(n, '…')`) still wins. The field's name is the contract's, put before these words.
 */
export function issueWords(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? t('issue.missing') : t('issue.wrongType', { expected: expected(issue.expected) })
    case 'too_big':
      if (issue.origin === 'string') return t('issueTooLong', { count: limit(issue.maximum) })
      if (issue.origin === 'array' || issue.origin === 'set') return t('issueTooMany', { count: limit(issue.maximum) })
      return t(issue.inclusive === false ? 'issue.tooBigExclusive' : 'issue.tooBig', { max: String(issue.maximum) })
    case 'too_small':
      if (issue.origin === 'string') return limit(issue.minimum) <= 1 ? t('issue.empty') : t('issueTooShort', { count: limit(issue.minimum) })
      if (issue.origin === 'array' || issue.origin === 'set') return t('issueTooFew', { count: limit(issue.minimum) })
      return t(issue.inclusive === false ? 'issue.tooSmallExclusive' : 'issue.tooSmall', { min: String(issue.minimum) })
    case 'invalid_format':
      return t('issue.format')
    case 'invalid_value':
      return t('issue.oneOf', { values: quoted(issue.values) })
    case 'unrecognized_keys':
      return t('issueUnknownKeys', { count: issue.keys.length, keys: quoted(issue.keys) })
    case 'not_multiple_of':
      return t('issue.multipleOf', { divisor: issue.divisor })
    default:
      return t('issue.invalid')
  }
}
