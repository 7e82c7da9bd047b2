/**
 * While the user scrolls the calls list, live messages are applied at most this often (main merges
 * what it holds for the window meanwhile: flow control). A live frame costs a patch, a render and
 * a restyle of the changed rows; landing in the same animation frame as a scroll step it can push
 * that frame past its 16.7 ms (bench:live: most dropped scroll frames were such frames). Rows do
 * not move while scrolling (the order is held), so fewer, merged updates cost the reader nothing;
 * at rest every message is applied in the next animation frame.
 */
export const SCROLLING_APPLY_MS = 100

/**
 * How long to wait before asking for the animation frame that applies what arrived: 0 at rest,
 * while scrolling whatever is left of SCROLLING_APPLY_MS since the last apply.
 */
export function applyDelay(scrolling: boolean, lastAppliedAt: number, now: number): number {
  return scrolling ? Math.max(0, lastAppliedAt + SCROLLING_APPLY_MS - now) : 0
}
