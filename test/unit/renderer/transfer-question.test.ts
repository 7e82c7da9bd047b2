/**
 * The question before a transfer to an offline or do-not-disturb extension names the person as the
 * transfer prompt and the toasts do: "Send to Eva Fischer’s voicemail (118)", not "118’s voicemail".
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { transferQuestionWords } from '../../../src-renderer/src/features/presence/transfer-words'
import { setDirectoryForTest } from '../../../src-renderer/src/stores/directory-store'
import { transferConcern } from '../../../src-renderer/src/stores/presence-store'

beforeEach(() => {
  setDirectoryForTest({
    profileId: 'p',
    readAt: 1,
    sources: ['astdb'],
    entries: [{ extension: '118', name: 'Eva Fischer', source: 'astdb', groups: [] }],
  })
})

describe('the transfer question', () => {
  it('names the person whose voicemail it offers, the number beside the name', () => {
    expect(transferQuestionWords('118')).toEqual({ title: 'Transfer to Eva Fischer (118)?', voicemail: 'Send to Eva Fischer’s voicemail (118)' })
    expect(transferConcern('118', { state: 'UNAVAILABLE' })).toBe('Eva Fischer (118) is offline: the call would not ring anywhere')
  })

  it('says the number alone where the PBX gives no name', () => {
    expect(transferQuestionWords('119')).toEqual({ title: 'Transfer to 119?', voicemail: 'Send to the voicemail of 119' })
    expect(transferConcern('119', { state: 'UNAVAILABLE' })).toBe('119 is offline: the call would not ring anywhere')
  })
})
