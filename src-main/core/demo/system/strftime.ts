/**
 * func_strftime as the demo PBX answers it to a Getvar without a channel (`STRFTIME([epoch][,zone[,format]])`):
 * the demo runs on UTC, like its CoreStatus times. Only the conversions the console and tests use.
 */
export function strftime(args: string, nowMs: number, pbxZone = 'UTC'): string {
  const [epochArg = '', zoneArg = '', ...rest] = args.split(',')
  const format = rest.join(',') === '' ? '%c' : rest.join(',')
  const epochMs = epochArg.trim() === '' ? nowMs : Number(epochArg) * 1000
  const zone = zoneArg.trim() === '' ? pbxZone : zoneArg.trim()
  const at = new Date(Number.isFinite(epochMs) ? epochMs : nowMs)
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
  }).formatToParts(at)
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? ''
  const asUtc = Date.UTC(Number(get('year')), Number(get('month')) - 1, Number(get('day')), Number(get('hour')), Number(get('minute')))
  const offset = Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000)
  const z = `${offset < 0 ? '-' : '+'}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}${String(Math.abs(offset) % 60).padStart(2, '0')}`
  const abbrev = zone === 'UTC' ? 'UTC' : get('timeZoneName')
  const table: Record<string, string> = {
    s: String(Math.floor(at.getTime() / 1000)),
    z,
    Z: abbrev,
    Y: get('year'),
    m: get('month'),
    d: get('day'),
    H: get('hour'),
    M: get('minute'),
    S: get('second'),
    c: `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`,
    '%': '%',
  }
  return format.replace(/%(.)/g, (all, c: string) => table[c] ?? all)
}
