import type { CdrBucket } from '../../../../src-preload/types/cdr'
import { fmt, tr } from '../../i18n'
import { bucketText, rangeText, xTicks, yTicks } from './chart-axes'
import { strings } from './strings'
import './history-chart.css'

const t = tr(strings)

/**
 * Answered vs missed per hour or day, as stacked bars over the filter's whole range (quiet hours or
 * days show as gaps, not squeezed out), with its axes: calls up the side, time along the bottom,
 * and the range and totals in words above (also what a screen reader hears).
 */
export function HistoryChart({
  buckets,
  from,
  to,
  bucket,
}: {
  buckets: readonly CdrBucket[]
  from: number
  to: number
  bucket: 'hour' | 'day'
}): React.JSX.Element {
  const ticksY = yTicks(Math.max(0, ...buckets.map((b) => b.total)))
  const top = ticksY[ticksY.length - 1] ?? 1
  const span = Math.max(1, to - from)
  const W = ((bucket === 'hour' ? 3_600_000 : 86_400_000) / span) * 100
  const xOf = (start: number): number => ((start - from) / span) * 100
  const totals = buckets.reduce((a, b) => ({ answered: a.answered + b.answered, missed: a.missed + b.missed }), { answered: 0, missed: 0 })
  const range = rangeText(from, to)
  const counts = { range, answered: fmt().number(totals.answered), missed: fmt().number(totals.missed) }
  return (
    <figure className="history-chart" aria-label={bucket === 'hour' ? t('chart.labelHour', counts) : t('chart.labelDay', counts)}>
      <figcaption className="small muted">
        <strong className="history-chart-range">{range}</strong> · {bucket === 'hour' ? t('chart.perHour') : t('chart.perDay')} ·{' '}
        <span className="legend legend-answered" /> {t('chart.answered', { count: totals.answered })} <span className="legend legend-missed" />{' '}
        {t('chart.missed', { count: totals.missed })}
      </figcaption>
      <div className="history-chart-plot" aria-hidden="true">
        <div className="history-chart-y">
          {ticksY.map((y) => (
            <span key={y} style={{ bottom: `${String((y / top) * 100)}%` }}>
              {fmt().number(y)}
            </span>
          ))}
        </div>
        <svg viewBox="0 0 100 40" preserveAspectRatio="none" role="img">
          {ticksY.map((y) => (
            <line key={y} className="grid-line" x1={0} x2={100} y1={40 - (y / top) * 40} y2={40 - (y / top) * 40} />
          ))}
          {buckets.map((b) => {
            const answeredH = (b.answered / top) * 40
            const missedH = (b.missed / top) * 40
            return (
              <g key={b.start}>
                <title>
                  {t('chart.bar', { when: bucketText(b.start, bucket), answered: fmt().number(b.answered), missed: fmt().number(b.missed) })}
                </title>
                <rect className="bar-answered" x={xOf(b.start) + W * 0.15} width={W * 0.7} y={40 - answeredH} height={answeredH} />
                <rect className="bar-missed" x={xOf(b.start) + W * 0.15} width={W * 0.7} y={40 - answeredH - missedH} height={missedH} />
              </g>
            )
          })}
        </svg>
        <div className="history-chart-x">
          {xTicks(from, to, bucket).map((tick) => (
            <span key={tick.at} className={tick.at < 4 ? 'at-start' : tick.at > 96 ? 'at-end' : undefined} style={{ left: `${String(tick.at)}%` }}>
              {tick.label}
            </span>
          ))}
        </div>
      </div>
    </figure>
  )
}
