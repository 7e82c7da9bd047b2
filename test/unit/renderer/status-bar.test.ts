/** Issue 15 item 5: the status bar says per transport whether the PBX answers: connected / not answering since hh:mm:ss / reconnecting. */
import { describe, expect, it } from 'vitest'
import type { ConnectionStatus } from '../../../src-preload/types/connections'
import { clockTime, statusItems, transportLabel } from '../../../src-renderer/src/components/transport-label'

const frozenAt = new Date(2026, 10, 24, 14, 3, 12).getTime()

function status(over: Partial<ConnectionStatus>): ConnectionStatus {
  return {
    profileId: 'lab',
    name: 'Lab PBX',
    role: 'receptionist',
    readOnly: false,
    ownExtension: '101',
    ami: 'connected',
    ari: 'connected',
    rest: 'connected',
    breaker: 'closed',
    ...over,
  }
}

/** The texts and classes StatusBar.tsx renders for one PBX, one line each. */
const render = (s: ConnectionStatus): string =>
  statusItems(s)
    .map((i) => `${i.className}: ${i.text}`)
    .join('\n')

describe('status bar', () => {
  it('a frozen PBX reads "not answering since hh:mm:ss" per transport, never "connected"', () => {
    const s = status({
      ami: 'not_answering',
      amiSince: frozenAt,
      amiError: 'AMI: the PBX is not answering (Ping unanswered: connection is half-open)',
      ari: 'not_answering',
      ariSince: frozenAt + 2000,
      rest: 'connecting',
      restError: 'FreePBX API at 127.0.0.1:80: connection refused',
      restSince: frozenAt,
      breaker: 'open',
      breakerRetryAt: frozenAt + 15_000,
    })
    const html = render(s)
    expect(html).toContain('AMI not answering since 14:03:12')
    expect(html).toContain('ARI not answering since 14:03:14')
    expect(html).toContain('API reconnecting…')
    expect(html).toContain('paused until 14:03:27')
    expect(html).not.toContain('connected')
    expect(html).toContain('transport-not_answering')
  })

  it('labels every state', () => {
    expect(transportLabel(status({}), 'ami')).toBe('connected')
    expect(transportLabel(status({ ami: 'connecting' }), 'ami')).toBe('connecting…')
    expect(transportLabel(status({ ari: 'connecting', ariError: 'closed' }), 'ari')).toBe('reconnecting…')
    expect(transportLabel(status({ rest: 'not_answering', restSince: frozenAt }), 'rest')).toBe('not answering since 14:03:12')
    expect(transportLabel(status({ rest: 'not_answering' }), 'rest')).toBe('not answering')
    expect(transportLabel(status({ ami: 'down' }), 'ami')).toBe('down')
    expect(transportLabel(status({ ari: 'disabled' }), 'ari')).toBe('off')
    expect(clockTime(new Date(2026, 0, 2, 3, 4, 5).getTime())).toBe('03:04:05')
  })

  it('a healthy PBX shows three connected transports and no pause', () => {
    const html = render(status({}))
    expect(html).toContain('AMI connected')
    expect(html).toContain('ARI connected')
    expect(html).toContain('API connected')
    expect(html).not.toContain('paused')
  })
})
