/**
 * Names as FreePBX keeps them in the AstDB: for each extension `AMPUSER/<ext>/cidname` (the
 * caller ID name the dialplan sets), `cidnum`, `voicemail` (`default` or `novm`) and `device`, and
 * for each device `DEVICE/<ext>/dial` and `user` — written by FreePBX when the configuration is
 * applied, read by the console with DBGetTree/DBGet (astdb-presence.raw). Only the office profile
 * is a FreePBX; the lab is plain Asterisk and keeps no AMPUSER keys.
 */
import type { Pbx } from '../pbx/pbx'

export class DemoNames {
  constructor(private readonly pbx: Pbx) {}

  /** Writes the keys of every extension the PBX runs, and drops those of extensions gone (an Apply). */
  load(): void {
    const freepbx = this.pbx.config.freepbx
    if (freepbx === undefined) return
    const db = this.pbx.astdb
    const phones = this.pbx.config.phones
    const present = new Set(db.entries('AMPUSER').map(([key]) => key.split('/')[0] ?? ''))
    for (const ext of present) {
      if (!phones.has(ext)) {
        db.delTree('AMPUSER', ext)
        db.delTree('DEVICE', ext)
      }
    }
    const mailboxes = new Set(this.pbx.config.mailboxes)
    for (const phone of phones.values()) {
      db.put('AMPUSER', `${phone.exten}/cidname`, phone.name)
      db.put('AMPUSER', `${phone.exten}/cidnum`, phone.exten)
      db.put('AMPUSER', `${phone.exten}/voicemail`, mailboxes.has(phone.exten) ? 'default' : 'novm')
      db.put('AMPUSER', `${phone.exten}/device`, phone.exten)
      db.put('DEVICE', `${phone.exten}/dial`, phone.device)
      db.put('DEVICE', `${phone.exten}/user`, phone.exten)
    }
  }
}
