// Why ARI or the FreePBX API cannot reach the PBX is shown raw in the status bar: said in the
// console's language, the OS's codes kept out of it, English as before.
import { afterEach, describe, expect, it } from 'vitest'
import { setMainLanguage } from '../../../src-main/core/i18n'
import { classifyNetworkFailure } from '../../../src-main/core/net/transport-error'

const coded = (code: string): Error => Object.assign(new Error(`boom ${code}`), { code })

afterEach(() => {
  setMainLanguage('en', [])
})

describe('a transport that cannot reach the PBX, in the console’s language', () => {
  it('refused, unreachable and an untrusted certificate in German and French; English unchanged', () => {
    const said = () =>
      ['ECONNREFUSED', 'EHOSTUNREACH', 'DEPTH_ZERO_SELF_SIGNED_CERT'].map((c) => classifyNetworkFailure(coded(c), 'ARI at pbx:8089').message)
    expect(said()).toEqual([
      'ARI at pbx:8089: connection refused (nothing listens on that port)',
      'ARI at pbx:8089: host unreachable',
      'ARI at pbx:8089: TLS certificate not trusted (add the PBX CA certificate to the profile)',
    ])
    setMainLanguage('de', [])
    expect(said()).toEqual([
      'ARI at pbx:8089: Verbindung abgelehnt (an diesem Port lauscht nichts)',
      'ARI at pbx:8089: Host nicht erreichbar',
      'ARI at pbx:8089: TLS-Zertifikat nicht vertrauenswürdig (fügen Sie dem Profil das CA-Zertifikat der Telefonanlage hinzu)',
    ])
    setMainLanguage('fr', [])
    expect(said()[1]).toBe('ARI at pbx:8089\u00a0: hôte injoignable')
  })
})
