/**
 * Feeds the FreePBX demo endpoints from a running demo PBX engine: its phones as extensions and
 * the Cdr events it emits as fetchAllCdrs rows (kept in memory, bounded).
 *
 *   const data = freepbxDataFromEngine(pbx.engine)   // data.stop() to unsubscribe
 */
import type { PbxEngine } from '../demo/engine'
import type { FreepbxDemoCdr, FreepbxDemoData } from './handler'

const MAX_CDRS = 50_000

export function freepbxDataFromEngine(engine: PbxEngine): FreepbxDemoData & { stop(): void } {
  const cdrs: FreepbxDemoCdr[] = []
  const sequence = new Map<string, number>()
  const stop = engine.on((event) => {
    if (event.name !== 'Cdr') return
    const f = new Map(event.fields.map(([k, v]) => [k, v]))
    const uniqueid = f.get('UniqueID') ?? ''
    if (uniqueid === '') return
    const seq = sequence.get(uniqueid) ?? 0
    sequence.set(uniqueid, seq + 1)
    const callerId = f.get('CallerID') ?? ''
    const cnum = /<([^>]*)>/.exec(callerId)?.[1] ?? ''
    cdrs.push({
      id: String(cdrs.length + 1),
      uniqueid,
      calldate: f.get('StartTime') ?? '',
      clid: callerId,
      src: f.get('Source') ?? '',
      dst: f.get('Destination') ?? '',
      dcontext: f.get('DestinationContext') ?? '',
      channel: f.get('Channel') ?? '',
      dstchannel: f.get('DestinationChannel') ?? '',
      lastapp: f.get('LastApplication') ?? '',
      lastdata: f.get('LastData') ?? '',
      duration: Number(f.get('Duration') ?? '0'),
      billsec: Number(f.get('BillableSeconds') ?? '0'),
      disposition: f.get('Disposition') ?? '',
      amaflags: '3',
      accountcode: f.get('AccountCode') ?? '',
      userfield: f.get('UserField') ?? '',
      did: '',
      recordingfile: '',
      cnum,
      outbound_cnum: '',
      outbound_cnam: '',
      dst_cnam: '',
      linkedid: uniqueid,
      peeraccount: '',
      sequence: seq,
    })
    if (cdrs.length > MAX_CDRS) cdrs.splice(0, cdrs.length - MAX_CDRS)
  })
  return {
    extensions: () =>
      [...engine.phones.values()].map((p) => ({ extensionId: p.exten, name: p.name, tech: p.device.split('/')[0]?.toLowerCase() ?? 'pjsip' })),
    cdrs: () => cdrs,
    stop,
  }
}
