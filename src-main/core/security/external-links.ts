/** Hosts whose https links may open in the system browser (help and project pages only). */
export const EXTERNAL_LINK_ALLOWLIST: readonly string[] = ['www.freepbx.org', 'docs.asterisk.org', 'github.com']

/**
 * Whether `shell.openExternal` may open this URL: https only, on an allow-listed host, with no
 * credentials in it. Everything else (file:, smb:, ms-msdt:, javascript:, http:) is refused.
 */
export function isAllowedExternalUrl(raw: string, allowlist: readonly string[] = EXTERNAL_LINK_ALLOWLIST): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && allowlist.includes(url.hostname)
}
