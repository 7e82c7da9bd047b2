import type { CdrBucket } from '../../../../src-preload/types/cdr'

/** Answered vs missed per hour or day: small stacked bars, labelled for screen readers. */
/**
 * Bars sit at their time in the filter's range, so quiet hours or days show as gaps rather than
 * being squeezed out.
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
  const max = Math.max(1, ...buckets.map((b) => b.total))
  const span = Math.max(1, to - from)
  const W = ((bucket === 'hour' ? 3_600_000 : 86_400_000) / span) * 100
  const xOf = (start: number): number => ((start - from) / span) * 100
  const totals = buckets.reduce((a, b) => ({ answered: a.answered + b.answered, missed: a.missed + b.missed }), { answered: 0, missed: 0 })
  return (
    <figure className="history-chart" aria-label={`Calls: ${String(totals.answered)} answered, ${String(totals.missed)} missed`}>
      <svg viewBox="0 0 100 40" preserveAspectRatio="none" role="img" aria-hidden="true">
        {buckets.map((b) => {
          const answeredH = (b.answered / max) * 38
          const missedH = (b.missed / max) * 38
          return (
            <g key={b.start}>
              <title>{`${b.label}: ${String(b.answered)} answered, ${String(b.missed)} missed`}</title>
              <rect className="bar-answered" x={xOf(b.start) + W * 0.15} width={W * 0.7} y={40 - answeredH} height={answeredH} />
              <rect className="bar-missed" x={xOf(b.start) + W * 0.15} width={W * 0.7} y={40 - answeredH - missedH} height={missedH} />
            </g>
          )
        })}
      </svg>
      <figcaption className="small muted">
        <span className="legend legend-answered" /> {totals.answered} answered <span className="legend legend-missed" /> {totals.missed} missed
        {buckets.length > 0 && ` · ${buckets[0]?.label ?? ''} – ${buckets[buckets.length - 1]?.label ?? ''}`}
      </figcaption>
    </figure>
  )
}
