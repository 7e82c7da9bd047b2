import { randomInt, timingSafeEqual } from 'node:crypto'
import type { SeatContext } from '../audit/seat'
import { ProfileError } from './errors'
import { words } from './words'
import type { PassphraseThrottle } from './passphrase-throttle'

/** No 0/O, 1/I/L, 2/Z, 5/S, 8/B: a code read off a terminal is typed right the first time. */
const ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679'
const GROUPS = 3
const GROUP_LENGTH = 4

/** A fresh one-time setup code, "K7MQ-XR3D-A9TW" (12 symbols of 25: about 55 bits). */
export function newSetupCode(): string {
  const groups: string[] = []
  for (let g = 0; g < GROUPS; g++) {
    let group = ''
    for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET.charAt(randomInt(ALPHABET.length))
    groups.push(group)
  }
  return groups.join('-')
}

/** What was typed, without the grouping dashes and spaces, in capitals. */
function normalized(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase()
}

/**
 * Who may set the first admin passphrase: whoever does becomes admin, so only the local user.
 * The desktop window (IPC transport) is the local user's own; a web-mode socket must also give the
 * one-time setup code printed in the terminal that started `npm run web`. Wrong codes go through
 * the console-wide throttle like wrong passphrases; the code is spent once a passphrase is set.
 */
export class FirstRunGate {
  #code: string | undefined

  constructor(
    setupCode: string | undefined,
    private readonly throttle: PassphraseThrottle,
  ) {
    this.#code = setupCode === undefined ? undefined : normalized(setupCode)
  }

  /** Throws a ProfileError unless this caller may set the first passphrase; returns how it proved it. */
  authorize(ctx: SeatContext, given: string | undefined): 'desktop window' | 'setup code' {
    if (ctx.transport === 'ipc') return 'desktop window'
    const code = this.#code
    if (code === undefined) {
      throw new ProfileError('first_run_only', words('firstRunOnly'))
    }
    if (given === undefined || given.trim() === '') {
      throw new ProfileError('setup_code_wrong', words('setupCodeMissing'))
    }
    this.throttle.assertMayTry('setup code')
    const a = Buffer.from(normalized(given))
    const b = Buffer.from(code)
    if (a.length !== b.length || !timingSafeEqual(a, b)) {
      this.throttle.failed()
      throw new ProfileError('setup_code_wrong', words('setupCodeWrong'))
    }
    this.throttle.succeeded()
    return 'setup code'
  }

  /** Called once the first passphrase is set: the code never works again. */
  spend(): void {
    this.#code = undefined
  }
}
