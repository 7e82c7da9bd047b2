/**
 * Dates, times and numbers in the user's locale. One set of Intl formatters per locale, made once:
 * a call list re-renders every second and building a formatter costs far more than using one.
 */
export interface LocaleFormat {
  readonly locale: string
  /** 1,234 / 1.234 / 1 234 */
  number(n: number): string
  /** 0.953 → 95 % / 95% */
  percent(fraction: number): string
  /** 14:05 or 2:05 PM, as the locale writes a time of day */
  time(ms: number): string
  /** 14:05:09 */
  timeWithSeconds(ms: number): string
  /** 7 Dec 2026 / 7 déc. 2026 */
  date(ms: number): string
  /** 7 Dec / 7 déc. */
  dayMonth(ms: number): string
  /** 7 Dec 2026, 14:05 */
  dateTime(ms: number): string
  /** Any other shape, with a time zone when the PBX's differs from the desk's. */
  custom(ms: number, options: Intl.DateTimeFormatOptions): string
}

const cache = new Map<string, LocaleFormat>()

export function localeFormat(locale: string): LocaleFormat {
  const known = cache.get(locale)
  if (known !== undefined) return known
  const number = new Intl.NumberFormat(locale)
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' })
  const timeWithSeconds = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', second: '2-digit' })
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })
  const dayMonth = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' })
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
  const customs = new Map<string, Intl.DateTimeFormat>()
  const format: LocaleFormat = {
    locale,
    number: (n) => number.format(n),
    percent: (f) => percent.format(f),
    time: (ms) => time.format(ms),
    timeWithSeconds: (ms) => timeWithSeconds.format(ms),
    date: (ms) => date.format(ms),
    dayMonth: (ms) => dayMonth.format(ms),
    dateTime: (ms) => dateTime.format(ms),
    custom: (ms, options) => {
      const key = JSON.stringify(options)
      let f = customs.get(key)
      if (f === undefined) {
        f = new Intl.DateTimeFormat(locale, options)
        customs.set(key, f)
      }
      return f.format(ms)
    },
  }
  cache.set(locale, format)
  return format
}
