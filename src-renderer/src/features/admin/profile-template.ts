import { DEFAULT_DIAL_LIMITS, type PbxProfile } from '../../../../src-preload/types/profile'

/** A new profile starts as a least-privileged receptionist seat on a local FreePBX. */
export function newProfileTemplate(): PbxProfile {
  return {
    id: '',
    name: '',
    host: '',
    // MD5 challenge login: the secret never crosses the wire, with or without TLS.
    ami: { port: 5038, tls: false, rejectUnauthorized: true, user: '', auth: 'md5', hasSecret: false },
    ari: { enabled: false, port: 8088, tls: false, rejectUnauthorized: true, user: '', hasSecret: false },
    freepbx: { enabled: false, baseUrl: 'https://', clientId: 'attendant', hasSecret: false },
    operator: { ownExtension: '100', role: 'receptionist', readOnly: false },
    dialPlan: {
      country: '1',
      outsideLinePrefix: '9',
      nationalPrefix: '1',
      internationalPrefix: '011',
      internalExtensions: { patterns: ['1XX'], list: [] },
      emergencyNumbers: ['911'],
      allowedOutboundPrefixes: [],
    },
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    originate: {
      channelTemplate: 'PJSIP/{ext}',
      context: 'from-internal',
      voicemailContext: 'default',
      voicemailPrefix: '*',
      parkingLot: 'default',
    },
    dialLimits: { ...DEFAULT_DIAL_LIMITS },
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

/**
 * The profile schema validates every transport's fields even when that transport is off, so a
 * new AMI-only profile (ARI user empty, base URL still `https://`) could be neither tested nor
 * saved. Fields of a disabled transport get values derived from what the admin typed (the AMI
 * user, the host); fields of an enabled transport are left alone so their errors still show.
 */
export function fillDisabledTransports(p: PbxProfile): PbxProfile {
  const ari = !p.ari.enabled && p.ari.user === '' ? { ...p.ari, user: p.ami.user } : p.ari
  const freepbx = !p.freepbx.enabled && !isHttpUrl(p.freepbx.baseUrl) && p.host !== '' ? { ...p.freepbx, baseUrl: `https://${p.host}` } : p.freepbx
  return ari === p.ari && freepbx === p.freepbx ? p : { ...p, ari, freepbx }
}
