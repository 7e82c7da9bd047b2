import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import tls from 'node:tls'
import { joinUpstream, listenLoopback, pipeBoth, SocketSet, type LoopbackFront } from './loopback'

export interface TestPki {
  readonly ca: string
  readonly key: string
  readonly cert: string
}

/** A throwaway CA and a server certificate naming only `dnsName`, made with the openssl CLI. */
export function makePki(dnsName: string): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'attendant-pki-'))
  try {
    const run = (args: string[]): void => {
      execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' })
    }
    run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Attendant Test CA'])
    run(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'srv.key', '-out', 'srv.csr', '-subj', `/CN=${dnsName}`])
    writeFileSync(
      join(dir, 'ext.cnf'),
      `subjectAltName=DNS:${dnsName}\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n`,
    )
    run([
      'x509',
      '-req',
      '-in',
      'srv.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'srv.pem',
      '-days',
      '2',
      '-extfile',
      'ext.cnf',
    ])
    return {
      ca: readFileSync(join(dir, 'ca.pem'), 'utf8'),
      key: readFileSync(join(dir, 'srv.key'), 'utf8'),
      cert: readFileSync(join(dir, 'srv.pem'), 'utf8'),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A TLS terminator in front of a plain loopback port (the demo's AMI or ARI, the FreePBX API). */
export async function tlsFront(targetPort: number, pki: TestPki): Promise<LoopbackFront> {
  const sockets = new SocketSet()
  const server = tls.createServer({ key: pki.key, cert: pki.cert }, (client) => {
    pipeBoth(client, joinUpstream(client, targetPort, sockets))
  })
  server.on('tlsClientError', () => undefined)
  return { port: await listenLoopback(server), close: () => sockets.close(server) }
}
