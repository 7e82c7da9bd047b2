import { describe, expect, it } from 'vitest'
import { callbackNumber } from '../../../src-renderer/src/features/history/callback'

describe('Call back in the history', () => {
  it('dials the other party: the caller of an inbound call, the number dialled from the operator’s own phone', () => {
    expect(callbackNumber({ direction: 'inbound', cnum: '+4930777', src: '+4930777', dst: '100' }, '100')).toBe('+4930777')
    expect(callbackNumber({ direction: 'outbound', cnum: '100', src: '100', dst: '004930888' }, '100')).toBe('004930888')
    // An internal call the operator made: calling it back rings the colleague, not the operator.
    expect(callbackNumber({ direction: 'internal', cnum: '100', src: '100', dst: '105' }, '100')).toBe('105')
    expect(callbackNumber({ direction: 'internal', cnum: '105', src: '105', dst: '100' }, '100')).toBe('105')
  })
})
