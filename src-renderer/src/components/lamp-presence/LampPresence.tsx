import './lamp-presence.css'
import { useClockStore } from '../../stores/clock-store'
import { useLiveStore } from '../../stores/live-store'
import { usePresenceStore } from '../../stores/presence-store'
import { shortSince, sinceWords } from './presence-text'
import { NOTE_STATUSES, type PresenceStatus } from '../../../../src-preload/types/presence'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

/** The marks for the eye (the words beside them are for screen readers and tooltips). */
const FORWARD_MARK = '↪'
const NOTE_MARK = '✎'

/** A note's state in words; a state only the PBX sets stays as it names it. */
function statusWords(status: PresenceStatus): string {
  return (NOTE_STATUSES as readonly string[]).includes(status) ? t(`status.${status as (typeof NOTE_STATUSES)[number]}`) : status
}

/** Where the extension's calls are forwarded, in words: always, else when busy and when not answered. */
function forwardText(f: {
  readonly unconditional?: string | undefined
  readonly busy?: string | undefined
  readonly noAnswer?: string | undefined
}): string {
  if (f.unconditional !== undefined) return t('fwdAlways', { number: f.unconditional })
  if (f.busy !== undefined && f.noAnswer !== undefined) return t('fwdBoth', { busy: f.busy, noAnswer: f.noAnswer })
  if (f.busy !== undefined) return t('fwdBusy', { busy: f.busy })
  if (f.noAnswer !== undefined) return t('fwdNoAnswer', { noAnswer: f.noAnswer })
  return ''
}

/**
 * What a lamp adds about its extension's presence, at the end of its first line: DND, forwarded
 * (↪) and a note (✎), each with its words on hover and for screen readers, then how long the lamp
 * has been in its state. Its own subscriptions, so a presence change re-renders this badge only.
 */
export function LampPresence({ extension }: { extension: string }): React.JSX.Element | null {
  const p = usePresenceStore((s) => s.extensions[extension])
  // A minute's resolution is enough for "12m"; the clock store ticks every second, this re-renders per minute.
  const minute = useClockStore((s) => Math.floor(s.now / 60_000))
  const frozenAt = useLiveStore((s) => s.health.stale?.since)
  if (p === undefined) return null
  const now = Math.min(Math.max(minute * 60_000, useClockStore.getState().now), frozenAt ?? Infinity)
  const forward = p.forward.unconditional ?? p.forward.busy ?? p.forward.noAnswer
  const forwardWords = forwardText(p.forward)
  const note = p.note === undefined ? '' : [p.note.subtype, p.note.message].filter((x) => x !== '').join(', ')
  const noteWords =
    p.note === undefined ? '' : note === '' ? statusWords(p.note.status) : t('noteWords', { status: statusWords(p.note.status), note })
  const flags = p.dnd || forward !== undefined || p.note !== undefined
  return (
    <span className="lamp-presence">
      {flags && (
        <span className="presence-flags">
          {p.dnd && (
            <span className="presence-pill presence-dnd" title={t('dndTitle')}>
              {t('dnd')}
              <span className="sr-only">{t('dndSpoken')}</span>
            </span>
          )}
          {forward !== undefined && (
            <span
              className={`presence-pill presence-forward${p.forward.unconditional === undefined ? ' conditional' : ''}`}
              title={forwardWords.charAt(0).toUpperCase() + forwardWords.slice(1)}
            >
              <span aria-hidden="true">{FORWARD_MARK}</span>
              <span className="sr-only">{t('forwardSpoken', { words: forwardWords })}</span>
            </span>
          )}
          {p.note !== undefined && (
            <span className="presence-note" title={noteWords}>
              <span aria-hidden="true">{NOTE_MARK}</span>
              <span className="sr-only">{t('noteSpoken', { words: noteWords })}</span>
            </span>
          )}
        </span>
      )}
      {p.lampSince !== undefined && (
        <>
          {/* Read out in words: the short form is for the eye ('3m' is not 'three minutes' to a screen reader). */}
          <span className="presence-since mono" title={t('inState', { since: sinceWords(p.lampSince, now) })} aria-hidden="true">
            {shortSince(p.lampSince, now)}
          </span>
          <span className="sr-only">{t('inStateSpoken', { since: sinceWords(p.lampSince, now) })}</span>
        </>
      )}
    </span>
  )
}

/**
 * Whether the lamp shows its time in state (in the second line's corner), for the tile to keep its
 * state line clear of it. A class set from this, not a `:has()` rule: with thousands of lamps, a
 * `:has()` condition is re-checked up the tree at each change inside any of them.
 */
export function useLampSinceShown(extension: string): boolean {
  return usePresenceStore((s) => s.extensions[extension]?.lampSince !== undefined)
}

const badges = new Map<string, React.JSX.Element>()

/**
 * The badge element of a lamp, made once per extension: the lamp tiles are memoised on their
 * props, and one element per extension keeps them so (the badge follows presence by itself).
 */
export function lampPresenceBadge(extension: string): React.JSX.Element {
  let badge = badges.get(extension)
  if (badge === undefined) {
    badge = <LampPresence extension={extension} />
    badges.set(extension, badge)
  }
  return badge
}
