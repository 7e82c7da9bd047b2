import { describe, expect, it } from 'vitest'
import { AmiMessage } from '../../../src-main/core/ami/message'
import { toTypedEvent } from '../../../src-main/core/ami/events'
import { emptyLiveModel } from '../../../src-main/core/live/model'
import { reduceAll } from '../../../src-main/core/live/reduce'

describe('a FreePBX hint with its DND device and presence provider (astdb-presence.raw)', () => {
  it('maps the phone and the DND device to the extension, not the presence provider after the comma', () => {
    const event = toTypedEvent(
      AmiMessage.from([
        ['Event', 'ExtensionStatus'],
        ['Exten', '105'],
        ['Context', 'ext-local'],
        ['Hint', 'PJSIP/105&Custom:DND105,CustomPresence:105'],
        ['Status', '2'],
        ['StatusText', 'Busy'],
      ]),
    )
    if (event === undefined) throw new Error('not a typed event')
    const model = reduceAll(emptyLiveModel(), [event], 1_000)
    expect(model.index.deviceExtens['PJSIP/105']).toEqual(['105'])
    expect(model.index.deviceExtens['Custom:DND105']).toEqual(['105'])
    expect(Object.keys(model.index.deviceExtens).filter((d) => d.includes('CustomPresence'))).toEqual([])
    expect(model.extensions['105']?.state).toBe('BUSY')
  })
})
