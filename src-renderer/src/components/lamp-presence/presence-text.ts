import type { Since } from '../../../../src-preload/types/presence'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

/**
 * How long a lamp has been as it is, short enough for a tile: `<1m`, `12m`, `3h`, `2d`. Calm: it
 * moves once a minute, not every second.
 */
export function shortSince(since: Since | undefined, now: number): string {
  if (since === undefined || since.at <= 0) return ''
  const s = Math.max(0, Math.floor((now - since.at) / 1000))
  const text =
    s < 60
      ? t('short.lt1m')
      : s < 3600
        ? t('short.m', { n: String(Math.floor(s / 60)) })
        : s < 86_400
          ? t('short.h', { n: String(Math.floor(s / 3600)) })
          : t('short.d', { n: String(Math.floor(s / 86_400)) })
  // Found so when the console connected it may have been so for longer: the tooltip says "at least".
  return text
}

/** The same in words for a tooltip or a screen reader: "for 12 minutes (at least: as found at connect)". */
export function sinceWords(since: Since | undefined, now: number): string {
  if (since === undefined || since.at <= 0) return ''
  const s = Math.max(0, Math.floor((now - since.at) / 1000))
  const [count, unit] = (
    s < 60 ? [s, 'second'] : s < 3600 ? [Math.floor(s / 60), 'minute'] : s < 86_400 ? [Math.floor(s / 3600), 'hour'] : [Math.floor(s / 86_400), 'day']
  ) as [number, 'second' | 'minute' | 'hour' | 'day']
  return since.exact ? t(`for.${unit}`, { count }) : t(`atLeast.${unit}`, { count })
}
