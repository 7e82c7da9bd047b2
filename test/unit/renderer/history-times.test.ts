/** History shows wait and talk apart: a queue call nobody answered reads Missed, Wait 2:55, Talk 0:00 — not "Talk 2:55". */
import { describe, expect, it } from 'vitest'
import type { CdrRow } from '../../../src-preload/types/cdr'
import { historyDetail, NOT_KNOWN, resultLabel, waitTalk } from '../../../src-renderer/src/features/history/call-times'

function row(over: Partial<CdrRow>): CdrRow {
  return {
    id: 1,
    profileId: 'lab',
    start: Date.UTC(2026, 10, 26, 10, 0, 0),
    answer: null,
    end: Date.UTC(2026, 10, 26, 10, 2, 55),
    clid: '"Müller" <+4930123456>',
    src: '+4930123456',
    dst: '400',
    dcontext: 'ext-queues',
    channel: 'PJSIP/trunk-00000101',
    dstchannel: '',
    lastapp: 'Queue',
    lastdata: '400,t,,,300',
    duration: 175,
    billsec: 175,
    disposition: 'ANSWERED',
    amaflags: 'DOCUMENTATION',
    accountcode: '',
    uniqueid: '1795600000.101',
    linkedid: null,
    userfield: '',
    sequence: null,
    recordingfile: null,
    cnam: 'Müller',
    cnum: '+4930123456',
    did: null,
    direction: 'inbound',
    queue: '400',
    missed: true,
    wait: 175,
    talk: 0,
    ...over,
  }
}

describe('history wait and talk', () => {
  it('an abandoned queue call: Missed, all of billsec is wait', () => {
    const r = row({})
    expect(waitTalk(r)).toEqual({ wait: '2:55', talk: '0:00' })
    expect(resultLabel(r)).toBe('Missed')
    const detail = Object.fromEntries(historyDetail(r))
    expect(detail).toMatchObject({ Waited: '2:55', Talked: '0:00', Queue: '400', Result: 'Missed', 'Connected to': 'nobody' })
    expect(detail['Billed by the PBX']).toMatch(/^2:55 /)
  })

  it('an answered queue call splits wait and talk; an unknown talk is said to be unknown', () => {
    expect(waitTalk(row({ missed: false, dstchannel: 'Local/101@from-queue-0000002a;1', wait: 170, talk: 5 }))).toEqual({
      wait: '2:50',
      talk: '0:05',
    })
    const unknown = row({ missed: false, dstchannel: 'Local/101@from-queue-0000002a;1', wait: 0, talk: null })
    expect(waitTalk(unknown).talk).toBe(NOT_KNOWN)
    expect(Object.fromEntries(historyDetail(unknown)).Talked).toMatch(/not known/)
    expect(resultLabel(unknown)).toBe('answered')
  })
})
