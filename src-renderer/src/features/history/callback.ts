import type { CdrRow } from '../../../../src-preload/types/cdr'
import { cleanCid } from '../../live/format'

/**
 * The number to call back: the other party of the call — the one dialled when the call was made
 * from the operator's own phone (calling back one's own outgoing call must not ring oneself).
 */
export function callbackNumber(r: Pick<CdrRow, 'direction' | 'dst' | 'cnum' | 'src'>, ownExtension: string): string {
  const caller = cleanCid(r.cnum) || r.src
  return r.direction === 'outbound' || (ownExtension !== '' && caller === ownExtension) ? r.dst : caller
}
