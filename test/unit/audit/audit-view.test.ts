import { describe, expect, it } from 'vitest'
import type { AuditEntryView } from '../../../src-preload/types/audit'
import { reasonCell, seatCell } from '../../../src-renderer/src/features/admin/audit-cells'

const line = (over: Partial<AuditEntryView>): AuditEntryView => ({
  time: '2026-01-05T09:30:00.000Z',
  profileId: 'demo',
  role: 'receptionist',
  action: 'call.hangup',
  target: 'Anna Berg <+4930123> → 105',
  result: 'ok',
  ...over,
})

describe('the audit table’s seat and reason cells', () => {
  it('names the window or socket and the extension that acted', () => {
    expect(seatCell(line({ seat: 'web socket 5', operator: '100' }))).toBe('web socket 5 · ext 100')
    expect(seatCell(line({ seat: 'window 2' }))).toBe('window 2')
    expect(seatCell(line({ operator: '100' }))).toBe('ext 100')
    expect(seatCell(line({ role: 'system' }))).toBe('the app')
    expect(seatCell(line({}))).toBe('—')
  })

  it('joins the rule, the error code and the detail', () => {
    expect(reasonCell(line({ result: 'refused', rule: 'rate_limit', errorCode: 'refused', detail: 'Too many calls' }))).toBe(
      'rate_limit · refused · Too many calls',
    )
    expect(reasonCell(line({ detail: 'channel 1700000000.12' }))).toBe('channel 1700000000.12')
  })
})
