/**
 * What the core may ask of web mode's transport about its access link. Web mode provides it
 * (src-main/web/access-keeper.ts); the desktop app has no link and no port.
 */
export interface WebAccessPort {
  /** The link that opens the console now (token included) and when its token was made. */
  current(): { readonly url: string; readonly createdAt: string }
  /**
   * A new token, stored in the data folder: upgrades with the old one are refused from now on and
   * every socket opened with it is closed once its answers in flight are sent.
   */
  rotate(): { readonly url: string; readonly createdAt: string }
}
