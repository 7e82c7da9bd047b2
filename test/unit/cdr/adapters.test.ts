import { describe, expect, it } from 'vitest'
import { cdrFromAmiFields, cdrFromFreepbx } from '../../../src-main/core/cdr/adapters'
import { captureFiles, cdrEventsOf } from './capture-cdrs'

describe('cdrFromAmiFields on real captures', () => {
  it('maps every Cdr event of every capture to a record with the key fields', () => {
    let n = 0
    for (const f of captureFiles()) {
      for (const ev of cdrEventsOf(f)) {
        const r = cdrFromAmiFields(Object.fromEntries(ev))
        expect(r.uniqueid).not.toBe('')
        expect(r.start).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/)
        expect(r.source).toBe('ami')
        n++
      }
    }
    expect(n).toBeGreaterThan(200)
  })

  it('reads call-two-party field by field, case-insensitively, from a Map too', () => {
    const ev = cdrEventsOf('call-two-party.raw')[0] ?? []
    const lowerKeys = new Map(ev.map(([k, v]) => [k.toLowerCase(), v]))
    const r = cdrFromAmiFields(lowerKeys)
    expect(r).toMatchObject({
      uniqueid: 'lab-1795552383.0',
      start: '2026-11-24 20:33:03',
      answer: '2026-11-24 20:33:03',
      end: '2026-11-24 20:33:04',
      clid: '"Lab orig-1" <300>',
      src: '300',
      dst: '300',
      dcontext: 'lab',
      channel: 'Local/101@lab-00000000;1',
      dstchannel: 'Local/100@lab-00000001;1',
      lastapp: 'Dial',
      lastdata: 'Local/100@lab,30,tT',
      duration: 1,
      billsec: 1,
      disposition: 'ANSWERED',
      amaflags: 'DOCUMENTATION',
      linkedid: null,
      sequence: null,
    })
  })

  it('keeps an unanswered CDR unanswered and reads mapped LinkedID/Sequence', () => {
    const failed = cdrEventsOf('originate-channelid.raw')[0] ?? []
    expect(cdrFromAmiFields(Object.fromEntries(failed))).toMatchObject({
      uniqueid: 'console-0002',
      answer: null,
      disposition: 'FAILED',
      dstchannel: '',
    })
    const mapped = cdrFromAmiFields({ UniqueID: 'a', StartTime: '2026-01-01 00:00:00', LinkedID: 'lnk', Sequence: '42' })
    expect(mapped.linkedid).toBe('lnk')
    expect(mapped.sequence).toBe(42)
  })

  it('decodes UTF-8 caller IDs', () => {
    const ev = cdrEventsOf('utf8-callerid.raw').map((e) => cdrFromAmiFields(Object.fromEntries(e)))
    expect(ev.some((r) => r.clid === '"Zoë Ångström – 東京" <+4930123456>')).toBe(true)
  })
})

describe('cdrFromFreepbx', () => {
  it('maps a GraphQL row: calldate as local start, no answer, numeric amaflags, blank → null', () => {
    const r = cdrFromFreepbx({
      id: '17',
      uniqueid: '1795552383.0',
      calldate: '2026-11-24 20:33:03',
      clid: '"A" <300>',
      src: '300',
      dst: '100',
      dcontext: 'from-internal',
      channel: 'PJSIP/300-00000001',
      dstchannel: 'PJSIP/100-00000002',
      lastapp: 'Dial',
      lastdata: 'PJSIP/100,,',
      duration: '12',
      billsec: 10,
      disposition: 'ANSWERED',
      amaflags: '3',
      accountcode: '',
      userfield: '',
      did: '',
      recordingfile: 'rec.wav',
      cnum: '300',
      cnam: 'A',
      linkedid: '1795552383.0',
      sequence: '7',
    })
    expect(r).toMatchObject({
      uniqueid: '1795552383.0',
      start: '2026-11-24 20:33:03',
      answer: null,
      end: null,
      duration: 12,
      billsec: 10,
      amaflags: 'DOCUMENTATION',
      did: null,
      recordingfile: 'rec.wav',
      sequence: 7,
      linkedid: '1795552383.0',
      source: 'freepbx',
    })
  })

  it('rejects a row that could never be matched', () => {
    expect(() => cdrFromFreepbx({ uniqueid: '', calldate: '2026-01-01 00:00:00' })).toThrow(RangeError)
    expect(() => cdrFromFreepbx({ uniqueid: 'x', calldate: null })).toThrow(RangeError)
  })
})
