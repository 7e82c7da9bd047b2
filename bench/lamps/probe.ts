/**
 * The page side of bench:lamps, injected before the app loads (page.addInitScript; a string, so no
 * bundler helper leaks into it). On the page's own clock (performance.now(), from navigation):
 *  - every long task (> 50 ms) the browser reports, with its start and duration;
 *  - the first frame painted with a lamp in it: a MutationObserver sees the first `.blf-tile`, then
 *    a requestAnimationFrame and a task after it (the frame's paint runs between the two);
 *  - per `live.message` patch frame (a batch of live patches): arrival → the end of the frame that
 *    applied it (the app acknowledges a batch from the animation frame that applied it; a task
 *    queued there runs after the frame's style, layout and paint): the lamps' re-render and the
 *    browser's work for it, with the wait for the frame.
 */
export interface LampsProbe {
  readonly longTasks: readonly { readonly start: number; readonly ms: number }[]
  readonly firstLamp: number | undefined
  readonly firstLampPainted: number | undefined
  readonly updates: readonly { readonly at: number; readonly ms: number }[]
}

export const PAGE_PROBE = String.raw`
(() => {
  const probe = { longTasks: [], firstLamp: undefined, firstLampPainted: undefined, updates: [] };
  window.__lampsBench = probe;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const painted = (done) => requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0));
  const lampObserver = new MutationObserver(() => {
    if (probe.firstLamp !== undefined || document.querySelector('.blf-tile') === null) return;
    probe.firstLamp = performance.now();
    lampObserver.disconnect();
    painted((t) => { probe.firstLampPainted = t; });
  });
  lampObserver.observe(document, { subtree: true, childList: true });
  // The app applies a batch in an animation frame and acknowledges it from there ('live.ack'): a
  // task queued at the ack runs after that frame's style, layout and paint.
  const Native = window.WebSocket;
  const LIVE = '{"kind":"event","channel":"live.message","payload":{"kind":"patch';
  const ACK = '{"notify":"live.ack"';
  let waiting = [];
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        if (typeof e.data === 'string' && e.data.startsWith(LIVE)) waiting.push(performance.now());
      });
    }
    send(data) {
      if (typeof data === 'string' && data.startsWith(ACK) && waiting.length > 0) {
        const arrived = waiting;
        waiting = [];
        setTimeout(() => {
          const t = performance.now();
          for (const at of arrived) probe.updates.push({ at, ms: t - at });
        }, 0);
      }
      super.send(data);
    }
  };
})();
`
