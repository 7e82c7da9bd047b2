import type { CdrBucket } from '../../../../src-preload/types/cdr'
import { rangeText, xTicks, yTicks } from './chart-axes'
import './history-chart.css'

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
  const per = bucket === 'hour' ? 'per hour' : 'per day'
  return (
    <figure className="history-chart" aria-label={`Calls ${per}, ${range}: ${String(totals.answered)} answered, ${String(totals.missed)} missed`}>
      <figcaption className="small muted">
        <strong className="history-chart-range">{range}</strong> · calls {per} · <span className="legend legend-answered" /> {totals.answered}{' '}
        answered <span className="legend legend-missed" /> {totals.missed} missed
      </figcaption>
      <div className="history-chart-plot" aria-hidden="true">
        <div className="history-chart-y">
          {ticksY.map((t) => (
            <span key={t} style={{ bottom: `${String((t / top) * 100)}%` }}>
              {t}
            </span>
          ))}
        </div>
        <svg viewBox="0 0 100 40" preserveAspectRatio="none" role="img">
          {ticksY.map((t) => (
            <line key={t} className="grid-line" x1={0} x2={100} y1={40 - (t / top) * 40} y2={40 - (t / top) * 40} />
          ))}
          {buckets.map((b) => {
            const answeredH = (b.answered / top) * 40
            const missedH = (b.missed / top) * 40
            return (
              <g key={b.start}>
                <title>{`${b.label}: ${String(b.answered)} answered, ${String(b.missed)} missed`}</title>
                <rect className="bar-answered" x={xOf(b.start) + W * 0.15} width={W * 0.7} y={40 - answeredH} height={answeredH} />
                <rect className="bar-missed" x={xOf(b.start) + W * 0.15} width={W * 0.7} y={40 - answeredH - missedH} height={missedH} />
              </g>
            )
          })}
        </svg>
        <div className="history-chart-x">
          {xTicks(from, to, bucket).map((t) => (
            <span key={t.at} className={t.at < 4 ? 'at-start' : t.at > 96 ? 'at-end' : undefined} style={{ left: `${String(t.at)}%` }}>
              {t.label}
            </span>
          ))}
        </div>
      </div>
    </figure>
  )
}
