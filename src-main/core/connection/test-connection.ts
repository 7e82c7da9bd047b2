/**
 * Test connection: run before a profile is saved. Each transport is probed on its own and
 * reported as ok or with a reason in plain words and a code:
 *   refused · timeout · wrong_protocol (an HTTP server on the AMI port, AMI on the ARI port, TLS
 *   mismatch) · tls_untrusted · tls_name_mismatch · auth_failed · missing_permission · …
 *
 *   const result = await testConnection(profile, { ami, ari, freepbx }, { timeoutMs? })
 *   result.ami / result.ari / result.rest : ProbeResult { ok, reason?, code?, warnings[], version? }
 *
 * A reason is the words alone ('connection refused (nothing listens on that port)'): the line that
 * shows it already names its transport, so a reason that named it too read 'ARI: ARI: turned off'.
 *
 * How the AMI user's classes are found (Asterisk answers `Permission denied` to an action whose
 * write classes the user lacks, before looking at the action's fields; security-reliability.md
 * §2.2). Every probe is harmless whatever the user may do:
 *   needed   CoreShowChannels (reporting/system)         — the call list
 *            Hangup of a channel name that cannot exist (call/system) — call control, unless read-only
 *   excess   Command `core show version` (command)       — read-only CLI command
 *            ModuleCheck of pbx_config (system)          — asks whether a module is loaded
 *            ListCategories of a file that does not exist (config)
 *            FullyBooted received after Login (read=system)
 *            Originate without a Channel (originate)      — refused before anything is dialled;
 *                                                          reported only for read-only profiles
 *   `all` is reported when command, system and config are all held.
 * Secrets are used only to log in; no result field ever contains one.
 */
import { randomBytes } from 'node:crypto'
import type { AmiClient } from '../ami/client'
import { AmiError } from '../ami/errors'
import { AriClient } from '../ari/client'
import { TransportError } from '../net/transport-error'
import { FreepbxClient } from '../freepbx/client'
import { fetchCdrPage } from '../freepbx/cdr'
import { configWithoutApi, testConfigReadiness } from '../freepbx/config/connection-test'
import type { PbxProfile } from '../profiles/schema'
import { amiClientFor, amiTls, ariBaseUrl, ariTls, freepbxTls, isLoopback } from './endpoints'
import { type ProbeResult, type TestConnectionResult, failed, failureOf } from './probe-result'
import { sniffPort } from './port-sniff'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

export interface TestConnectionSecrets {
  readonly ami?: string
  readonly ari?: string
  readonly freepbx?: string
  /**
   * Transports whose stored secret may not be used here (entered for another endpoint), with the
   * reason in plain words; the probe reports it instead of "no secret entered".
   */
  readonly unusable?: Readonly<Partial<Record<'ami' | 'ari' | 'freepbx', string>>>
}

export interface TestConnectionOptions {
  /** Deadline per step (connect, greeting, login, each request). Default 5000 ms. */
  readonly timeoutMs?: number
}

export async function testConnection(
  profile: PbxProfile,
  secrets: TestConnectionSecrets,
  options: TestConnectionOptions = {},
): Promise<TestConnectionResult> {
  const timeoutMs = options.timeoutMs ?? 5000
  const [ami, ari, rest] = await Promise.all([
    probeAmi(profile, secrets.ami, timeoutMs, secrets.unusable?.ami),
    probeAri(profile, secrets.ari, timeoutMs, secrets.unusable?.ari),
    probeRest(profile, secrets.freepbx, timeoutMs, secrets.unusable?.freepbx),
  ])
  const { config, ...restOnly } = rest
  return { ami, ari, rest: restOnly, ...(config === undefined ? {} : { config }) }
}

const PERMISSION_DENIED = /permission denied/i

/** No secret to log in with: none typed, or a stored one bound to another endpoint (nothing is sent). */
function noSecret(missing: string, warnings: string[], unusable: string | undefined): ProbeResult {
  return unusable === undefined ? failed('no_secret', missing, warnings) : failed('secret_unbound', unusable, warnings)
}

/** true = the user holds the class the action needs; false = Permission denied. */
async function holds(client: AmiClient, action: string, fields: Record<string, string>, timeoutMs: number, isList = false): Promise<boolean> {
  try {
    if (isList) await client.list(action, fields, { timeoutMs })
    else await client.action(action, fields, { timeoutMs })
    return true
  } catch (err) {
    if (err instanceof AmiError && err.code === 'action_error') return !PERMISSION_DENIED.test(err.response?.get('Message') ?? '')
    throw err
  }
}

export async function probeAmi(profile: PbxProfile, secret: string | undefined, timeoutMs: number, unusable?: string): Promise<ProbeResult> {
  const label = 'AMI'
  const warnings: string[] = []
  if (!profile.ami.tls && !isLoopback(profile.host)) {
    warnings.push(profile.ami.auth === 'plain' ? t('warn.amiPlainSecret') : t('warn.amiPlain'))
  }
  if (profile.ami.tls && !profile.ami.rejectUnauthorized) warnings.push(t('warn.amiNoCertCheck'))
  if (secret === undefined || secret === '') return noSecret(t('probe.noAmiSecret'), warnings, unusable)
  const tls = amiTls(profile)

  let sniff
  try {
    sniff = await sniffPort({ host: profile.host, port: profile.ami.port, tls, timeoutMs })
  } catch (err) {
    return failureOf(err, label, warnings)
  }
  if (sniff.kind === 'http') return failed('wrong_protocol', t('probe.httpOnAmiPort'), warnings)
  if (sniff.kind === 'closed' && tls === undefined) {
    return failed('wrong_protocol', t('probe.closedNoGreeting'), warnings)
  }
  if (sniff.kind !== 'ami') return failed('wrong_protocol', t('probe.noGreeting'), warnings)

  const client = amiClientFor(profile, secret, {
    events: true,
    reconnect: false,
    maxAuthAttempts: 1,
    pingIntervalMs: 0,
    connectTimeoutMs: timeoutMs,
    actionTimeoutMs: timeoutMs,
  })
  client.on('error', () => undefined)
  try {
    await client.start()
    const version = `AMI ${client.protocolVersion ?? sniff.banner.replace(/^.*\//, '')}`
    if (!(await holds(client, 'CoreShowChannels', {}, timeoutMs, true))) {
      return failed('missing_permission', t('probe.lacksReporting', { user: profile.ami.user }), warnings)
    }
    const probeChannel = `attendant-probe-${randomBytes(6).toString('hex')}`
    const mayHangup = await holds(client, 'Hangup', { Channel: probeChannel }, timeoutMs)
    if (!mayHangup && !profile.operator.readOnly) {
      return failed('missing_permission', t('probe.lacksCall', { user: profile.ami.user }), warnings)
    }
    const excess: string[] = []
    if (await holds(client, 'Command', { Command: 'core show version' }, timeoutMs)) excess.push('command')
    if (await holds(client, 'ModuleCheck', { Module: 'pbx_config' }, timeoutMs)) excess.push('system')
    if (await holds(client, 'ListCategories', { Filename: `${probeChannel}.conf` }, timeoutMs)) excess.push('config')
    if (client.fullyBooted && !excess.includes('system')) excess.push('system (read)')
    if (excess.includes('command') && excess.includes('system') && excess.includes('config')) excess.push('all')
    if (excess.length > 0) {
      warnings.push(t('warn.amiExcess', { user: profile.ami.user, classes: excess.join(', ') }))
    }
    if (profile.operator.readOnly && (await holds(client, 'Originate', {}, timeoutMs))) {
      warnings.push(t('warn.amiOriginate', { user: profile.ami.user }))
    }
    return { ok: true, warnings, version }
  } catch (err) {
    return failureOf(err, label, warnings)
  } finally {
    await client.stop().catch(() => undefined)
  }
}

export async function probeAri(profile: PbxProfile, secret: string | undefined, timeoutMs: number, unusable?: string): Promise<ProbeResult> {
  const label = 'ARI'
  const warnings: string[] = []
  if (!profile.ari.enabled) return failed('disabled', t('probe.disabled'))
  if (!profile.ari.tls && !isLoopback(profile.host)) warnings.push(t('warn.ariPlain'))
  if (profile.ari.tls && !profile.ari.rejectUnauthorized) warnings.push(t('warn.ariNoCertCheck'))
  if (secret === undefined || secret === '') return noSecret(t('probe.noAriSecret'), warnings, unusable)
  const ari = new AriClient({
    baseUrl: ariBaseUrl(profile),
    username: profile.ari.user,
    password: secret,
    tls: ariTls(profile),
    timeoutMs,
    connectTimeoutMs: timeoutMs,
  })
  try {
    const info = await ari.info()
    // A read-only ARI user gets 403 on DELETE; a writable one gets 404 for a channel that cannot exist.
    try {
      await ari.hangup(`attendant-probe-${randomBytes(6).toString('hex')}`)
    } catch (err) {
      if (err instanceof TransportError && err.code === 'forbidden' && !profile.operator.readOnly) {
        warnings.push(t('warn.ariReadOnly', { user: profile.ari.user }))
      }
    }
    return { ok: true, warnings, version: `Asterisk ${info.system.version}` }
  } catch (err) {
    if (err instanceof TransportError && (err.code === 'protocol' || err.code === 'not_found')) {
      const sniff = await sniffPort({
        host: profile.host,
        port: profile.ari.port,
        tls: ariTls(profile),
        timeoutMs: Math.min(timeoutMs, 2000),
        askHttp: false,
      }).catch(() => undefined)
      if (sniff?.kind === 'ami') return failed('wrong_protocol', t('probe.amiOnAriPort'), warnings)
      if (err.code === 'not_found') return failed('wrong_protocol', t('probe.ariNotEnabled'), warnings)
    }
    return failureOf(err, label, warnings)
  } finally {
    await ari.close()
  }
}

/** The FreePBX API's probe, and what its client may do for configuration (readiness.ts). */
export async function probeRest(
  profile: PbxProfile,
  secret: string | undefined,
  timeoutMs: number,
  unusable?: string,
): Promise<ProbeResult & { readonly config?: ProbeResult }> {
  const label = 'FreePBX API'
  const warnings: string[] = []
  if (!profile.freepbx.enabled)
    // An admin profile is the one that configures: say what configuration would need.
    return {
      ...failed('disabled', t('probe.disabled')),
      ...(profile.operator.role === 'admin' ? { config: configWithoutApi() } : {}),
    }
  const url = new URL(profile.freepbx.baseUrl)
  if (url.protocol === 'http:' && !isLoopback(url.hostname.replace(/^\[|\]$/g, ''))) warnings.push(t('warn.restPlain'))
  if (secret === undefined || secret === '') return noSecret(t('probe.noRestSecret'), warnings, unusable)
  const api = new FreepbxClient({
    baseUrl: profile.freepbx.baseUrl,
    clientId: profile.freepbx.clientId,
    clientSecret: secret,
    tls: freepbxTls(profile),
    timeoutMs,
    connectTimeoutMs: timeoutMs,
  })
  try {
    const health = await api.health()
    try {
      await fetchCdrPage(api, { first: 1 })
    } catch (err) {
      if (err instanceof TransportError && err.code === 'forbidden') warnings.push(t('warn.noCdrScope'))
    }
    return {
      ok: true,
      warnings,
      version: t('probe.extensionsVisible', { extensions: String(health.extensionCount) }),
      config: await testConfigReadiness(api),
    }
  } catch (err) {
    if (err instanceof TransportError && err.code === 'not_found')
      return {
        ...failed('wrong_protocol', t('probe.noFreepbxApi'), warnings),
        config: await testConfigReadiness(api),
      }
    if (err instanceof TransportError && err.code === 'unauthorized')
      return { ...failureOf(err, label, warnings), config: await testConfigReadiness(api) }
    if (err instanceof TransportError && err.code === 'forbidden') {
      return {
        ...failed('missing_permission', t('probe.noCoreScope'), warnings),
        config: await testConfigReadiness(api),
      }
    }
    return failureOf(err, label, warnings)
  } finally {
    await api.close()
  }
}
