import type { LiveExtension, LiveQueue } from '../../../src-preload/types/live'

/** The interface and state interface a new member of this PBX gets for an extension. */
export interface MemberAddress {
  readonly iface: string
  readonly stateInterface: string
}

/** A member address with the extension's number replaced by `{ext}` (`Local/{ext}@from-queue/n`). */
interface Template {
  readonly iface: string
  readonly stateInterface: string
}

/** The member's extension: the one whose number stands alone in its interface (`PJSIP/101`, `Local/101@from-queue/n`). */
export function extensionOfInterface(iface: string, known: (ext: string) => boolean): string | undefined {
  for (const m of iface.matchAll(/(?<![0-9])([0-9]{2,10})(?![0-9])/g)) if (m[1] !== undefined && known(m[1])) return m[1]
  return undefined
}

function templateOf(iface: string, stateInterface: string, ext: string): Template {
  const swap = (s: string): string => s.replace(new RegExp(`(?<![0-9])${ext}(?![0-9])`, 'g'), '{ext}')
  const state = swap(stateInterface)
  // A state interface that does not name the extension (a shared device) is not a pattern: use the interface.
  return { iface: swap(iface), stateInterface: state.includes('{ext}') ? state : swap(iface) }
}

/**
 * How members are written on this PBX, learnt from the members it already lists: FreePBX writes
 * `Local/101@from-queue/n` (state `hint:101@ext-local`), a plain Asterisk `PJSIP/101`. The most
 * common pattern wins. With no member anywhere, the extension's hint when it names one device
 * (`PJSIP/105`), else FreePBX's own form. Main builds the address; the operator only picks the
 * extension, so nothing typed becomes an AMI interface.
 */
export function memberAddressFor(
  ext: string,
  queues: Readonly<Record<string, LiveQueue>>,
  extensions: Readonly<Record<string, LiveExtension>>,
): MemberAddress {
  const counts = new Map<string, { t: Template; n: number }>()
  const known = (e: string): boolean => extensions[e] !== undefined
  for (const q of Object.values(queues)) {
    for (const m of Object.values(q.members)) {
      const own = extensionOfInterface(m.interface, known)
      if (own === undefined) continue
      const t = templateOf(m.interface, m.stateInterface, own)
      const key = `${t.iface}\n${t.stateInterface}`
      const seen = counts.get(key)
      counts.set(key, { t, n: (seen?.n ?? 0) + 1 })
    }
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n)[0]
  if (best !== undefined) return { iface: best.t.iface.replaceAll('{ext}', ext), stateInterface: best.t.stateInterface.replaceAll('{ext}', ext) }
  const hint = extensions[ext]?.hint ?? ''
  const devices = hint.split('&').filter((d) => /^[A-Za-z0-9]+\/[A-Za-z0-9_.@-]+$/.test(d))
  if (devices.length === 1 && devices[0] !== undefined) return { iface: devices[0], stateInterface: devices[0] }
  return { iface: `Local/${ext}@from-queue/n`, stateInterface: `hint:${ext}@ext-local` }
}
