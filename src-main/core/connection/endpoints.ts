/**
 * Where each transport of a profile lives, and its TLS options, derived in one place so the
 * session and the test-connection probe connect to exactly the same endpoints.
 */
import { AmiClient, type AmiClientOptions } from '../ami/client'
import type { HttpTlsOptions } from '../net/http'
import { ariUrlOf, type PbxProfile } from '../profiles/schema'

/** The same derivation the secrets' endpoint binding uses (profiles/schema.ts), so they never disagree. */
export function ariBaseUrl(profile: PbxProfile): string {
  return ariUrlOf(profile)
}

export function ariTls(profile: PbxProfile): HttpTlsOptions | undefined {
  if (!profile.ari.tls) return undefined
  // ARI has no own servername field: the AMI one names the same host when it is set.
  return { ca: profile.ari.ca, rejectUnauthorized: profile.ari.rejectUnauthorized, servername: profile.ami.servername }
}

export function amiTls(profile: PbxProfile): HttpTlsOptions | undefined {
  if (!profile.ami.tls) return undefined
  return { ca: profile.ami.ca, rejectUnauthorized: profile.ami.rejectUnauthorized, servername: profile.ami.servername }
}

/** What a client may tune beyond where and how it logs in (timeouts, liveness, reconnects, events). */
export type AmiTuning = Omit<AmiClientOptions, 'host' | 'port' | 'username' | 'secret' | 'auth' | 'tls'>

/**
 * The AMI client of a profile: its host, port, user, login method and TLS, from the profile alone.
 * The live session and Test connection both build theirs here, so a probe logs in exactly as the
 * console will.
 */
export function amiClientFor(profile: PbxProfile, secret: string, tuning: AmiTuning): AmiClient {
  const tls = amiTls(profile)
  return new AmiClient({
    host: profile.host,
    port: profile.ami.port,
    username: profile.ami.user,
    secret,
    auth: profile.ami.auth,
    tls: tls === undefined ? false : { ca: tls.ca, servername: tls.servername, rejectUnauthorized: tls.rejectUnauthorized },
    ...tuning,
  })
}

export function freepbxTls(profile: PbxProfile): HttpTlsOptions | undefined {
  // The system store, unless the admin gave the private CA its web server's certificate chains to.
  if (new URL(profile.freepbx.baseUrl).protocol !== 'https:') return undefined
  const ca = profile.freepbx.ca
  return ca === undefined ? { rejectUnauthorized: true } : { rejectUnauthorized: true, ca }
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host)
}
