/**
 * The PBX's directory: each extension's name and what else the PBX knows of it, read by main from
 * where the PBX keeps it (src-main/core/directory) and shown wherever an extension appears —
 * lamps, pickers, call rows and cards, toasts, the audit log.
 */

/** Where a name came from, in the order main asks: FreePBX's API, its AstDB, voicemail users, the endpoint's caller ID. */
export type DirectorySource = 'freepbx' | 'astdb' | 'voicemail' | 'callerid'

export interface DirectoryEntry {
  /** The extension's digits, as the lamps show it. */
  readonly extension: string
  /** Its name; '' when the PBX knows none (the number is then all there is to show). */
  readonly name: string
  readonly source: DirectorySource | 'none'
  /** The department, where the PBX keeps one. */
  readonly department?: string
  /** Its voicemail box (`105`), when it has one. */
  readonly mailbox?: string
  /** The device that rings (`PJSIP/105`). */
  readonly device?: string
  readonly email?: string
  /** The queues it answers for (searchable like a department: "sales" finds the sales team). */
  readonly groups: readonly string[]
}

export interface DirectoryList {
  readonly profileId: string
  /** Sorted by extension number. */
  readonly entries: readonly DirectoryEntry[]
  /** The sources that answered the last read. */
  readonly sources: readonly DirectorySource[]
  /** When the PBX was last read (epoch ms); 0 while the first read is under way. */
  readonly readAt: number
  /** Plain words when the last read failed and the names shown are older (or none). */
  readonly problem?: string
}
