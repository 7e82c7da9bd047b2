/**
 * manager.conf-style users and permission checks. Classes and the any-of rule for actions
 * follow Asterisk: an action is allowed when the user's write classes share at least one class
 * with the action's (`<none>` = always allowed); an event is delivered when the user's read
 * classes include the event's class.
 *
 * Defaults:
 * - `demo`/`demo`: read=all, write=all (third-party tools).
 * - `viewer`/`viewer`: read=all, write=none — like the lab's `readonly` user: even
 *   CoreShowChannels (system,reporting) is refused, exactly as captured in errors-readonly.
 * - `operator`/`operator`: the console's least-privileged profile. read=call,agent,user,cdr,
 *   reporting (no dialplan noise, no system/security events — hence no FullyBooted);
 *   write=call,originate,agent,reporting (lists via `reporting`, call control via `call`,
 *   queue control via `agent`). It cannot run Command, MixMonitor (system) or touch config.
 * - `supervisor`/`supervisor`: the operator's rights plus write=system, which Asterisk's
 *   MixMonitor action needs (it is registered with EVENT_FLAG_SYSTEM): a supervisor's console
 *   that records calls.
 * - `attendant`/`attendant`: what every feature of the console needs, and what the built-in demo
 *   connects with: the supervisor's rights plus read=system, so Reload reaches the console (names
 *   and presence are read again at once), and read=dialplan, so a call going into voicemail is seen
 *   as it happens (the console filters that class down to app_voicemail's Newexten, a system action).
 *   write=system is the price of FreePBX's presence: DND, forwarding and day/night live in the
 *   AstDB, and DBPut/DBDel are system actions.
 */
export interface AmiUser {
  readonly username: string
  readonly secret: string
  readonly read: ReadonlySet<string>
  readonly write: ReadonlySet<string>
}

export const ALL_CLASSES = [
  'system',
  'call',
  'log',
  'verbose',
  'command',
  'agent',
  'user',
  'config',
  'dtmf',
  'reporting',
  'cdr',
  'dialplan',
  'originate',
  'agi',
  'cc',
  'aoc',
  'test',
  'security',
  'message',
] as const

export function parseClasses(spec: string): Set<string> {
  const out = new Set<string>()
  for (const raw of spec.split(',')) {
    const c = raw.trim().toLowerCase()
    if (c === '' || c === 'none') continue
    if (c === 'all') for (const a of ALL_CLASSES) out.add(a)
    else out.add(c)
  }
  return out
}

export function makeUser(username: string, secret: string, read: string, write: string): AmiUser {
  return { username, secret, read: parseClasses(read), write: parseClasses(write) }
}

export function defaultUsers(): AmiUser[] {
  return [
    makeUser('demo', 'demo', 'all', 'all'),
    makeUser('viewer', 'viewer', 'all', 'none'),
    makeUser('operator', 'operator', 'call,agent,user,cdr,reporting', 'call,originate,agent,reporting'),
    makeUser('supervisor', 'supervisor', 'call,agent,user,cdr,reporting', 'call,originate,agent,reporting,system'),
    makeUser('attendant', 'attendant', 'call,agent,user,cdr,reporting,system,dialplan', 'call,originate,agent,reporting,system'),
  ]
}

/** `call,all` → may this user perform it? Any shared class suffices; `<none>` always passes. */
export function mayWrite(user: AmiUser, privilege: string): boolean {
  if (privilege === '<none>' || privilege === '') return true
  for (const c of privilege.split(',')) {
    if (c !== 'all' && user.write.has(c)) return true
  }
  return false
}

/** The event's class (first of its Privilege list) must be readable. */
export function eventClass(privilege: string): string {
  const i = privilege.indexOf(',')
  return i === -1 ? privilege : privilege.slice(0, i)
}
