/**
 * How the console hears, as it happens, that a call went into voicemail.
 *
 * Only the dialplan names the application a channel runs: `Newexten` with `Application: VoiceMail`
 * (a caller leaving a message) or `VoiceMailMain` (someone listening to a mailbox by phone). Nothing
 * in the call class says so (voicemail.raw: Newexten, then VarSet, MessageWaiting only once the
 * message is saved). But the dialplan class is the loudest on the wire: a Newexten per priority and
 * a VarSet per variable of every call, which is why the console's mask leaves it out.
 *
 * So the dialplan class is taken behind two session filters (Action: Filter, manager.c, every
 * Asterisk since 10): once a session has an include filter, Asterisk sends only the events that
 * match one, so the first lets through every event of the classes the console already asked for,
 * and the second only the Newexten events into app_voicemail. Filters are POSIX extended regular
 * expressions over the whole event text, which starts `Event: <name>\r\nPrivilege: <classes>,all`
 * (authority_to_str always ends the classes with `all`). Asterisk filters per session before
 * writing, so the rest of the dialplan class never crosses the wire.
 *
 * Filter is registered under the `system` class: an AMI user without write=system is refused,
 * keeps the narrow mask, and voicemail shows from the answer of an Originate into VoiceMailMain
 * and from CoreShowChannels' Application at each resync only. Newexten also needs read=dialplan.
 */

/** The class app_voicemail's Newexten events belong to. */
const DIALPLAN_CLASS = 'dialplan'

export interface FilteredEvents {
  /** `Action: Filter` expressions, in the order they are added. */
  readonly filters: readonly string[]
  /** The mask once every filter is in place: the login mask plus the dialplan class. */
  readonly events: string
}

/** The filters and wider mask for a console that logs in with the event classes `mask` (`call,agent,…`). */
export function voicemailEventFilters(mask: string): FilteredEvents {
  const classes = mask
    .split(',')
    .map((c) => c.trim())
    .filter((c) => /^[a-z]+$/.test(c) && c !== DIALPLAN_CLASS)
  if (classes.length === 0) throw new Error(`event mask without classes: ${mask}`)
  return {
    filters: [
      // The classes asked for at login, as before: the first class names an event's class (a
      // dialplan event's first is dialplan, so none of them passes here).
      `^Event: [^ ]+Privilege: (${classes.join('|')}),`,
      // Of the dialplan class only app_voicemail: VoiceMail and VoiceMailMain.
      '^Event: Newexten.*Application: VoiceMail',
    ],
    events: [...classes, DIALPLAN_CLASS].join(','),
  }
}
