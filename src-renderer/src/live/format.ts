import { namedParty } from '../stores/directory-store'
import { tr } from '../i18n'
import { strings } from './strings'

const t = tr(strings)

/** What a party with neither name nor number is called. */
export const unknownParty = (): string => t('unknown')

/** m:ss under an hour, h:mm:ss above; never negative (clock skew between PBX and desk). */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m)
  return `${h > 0 ? `${String(h)}:` : ''}${mm}:${String(s).padStart(2, '0')}`
}

/** Asterisk's placeholder for "no caller ID" shown as nothing rather than as a name. */
export function cleanCid(value: string | undefined): string {
  if (value === undefined || value === '<unknown>' || value === 'unknown') return ''
  return value
}

/** A party's name and number, the name first: the PBX's directory names an extension the PBX's caller ID left bare. */
export function partyLabel(p: { name: string; number: string }): { primary: string; secondary: string } {
  const { name, number } = namedParty(p)
  if (name !== '' && name !== number) return { primary: name, secondary: number }
  return { primary: number !== '' ? number : unknownParty(), secondary: '' }
}
