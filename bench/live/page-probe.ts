/**
 * Script injected into the page before the app loads (page.addInitScript). It is a string, not a
 * function, so no bundler helper can leak into it. It records, on the wall clock
 * (performance.timeOrigin + performance.now(), the same rule main uses):
 *  - the first time each data-call-id appears in the DOM (MutationObserver: a row inserted, or a
 *    recycled row whose data-call-id changed) — observer callbacks run right after the DOM
 *    mutation, before the frame is painted;
 *  - every requestAnimationFrame timestamp (frame pacing);
 *  - the arrival time of every 'live.message' WebSocket frame, whether it was a snapshot, and
 *    the size of each patch frame.
 * window.__liveBench.scroll(ms, pxPerFrame) scrolls the calls list for ms and resolves with the
 * frame deltas seen meanwhile and, per frame, [rows inserted, text nodes changed, live messages
 * received, live frames applied] (a MutationObserver's counts: what the frame had to lay out and
 * paint; an apply is seen by its 'live.ack', which the app sends from the animation frame that
 * applied — while the list scrolls it applies less often than messages come, see live-pacing.ts).
 */
export const PAGE_PROBE = String.raw`
(() => {
  const clock = () => performance.timeOrigin + performance.now();
  const probe = { seen: new Map(), frames: [], live: [], liveBytes: [], snapshots: 0, rowsAdded: 0, textChanges: 0, applied: 0 };
  window.__liveBench = probe;
  const note = (id, t) => { if (id && !probe.seen.has(id)) probe.seen.set(id, t); };
  const scan = (node, t) => {
    if (node.nodeType !== 1) return;
    note(node.getAttribute('data-call-id'), t);
    for (const el of node.querySelectorAll('[data-call-id]')) note(el.getAttribute('data-call-id'), t);
  };
  new MutationObserver((records) => {
    const t = clock();
    for (const r of records) {
      if (r.type === 'attributes') note(r.target.getAttribute('data-call-id'), t);
      else if (r.type === 'characterData') probe.textChanges++;
      else for (const n of r.addedNodes) { scan(n, t); if (n.nodeType === 1 && n.hasAttribute('data-call-id')) probe.rowsAdded++; }
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-call-id'] });
  const frame = () => { probe.frames.push(clock()); requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  const Native = window.WebSocket;
  const LIVE = '{"kind":"event","channel":"live.message","payload":{"kind":"';
  const ACK = '{"notify":"live.ack","input":{"restart":false}';
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        if (typeof e.data !== 'string' || !e.data.startsWith(LIVE)) return;
        probe.live.push(clock());
        if (e.data.startsWith(LIVE + 'snapshot')) probe.snapshots++;
        else probe.liveBytes.push(e.data.length);
      });
    }
    send(data) {
      if (typeof data === 'string' && data.startsWith(ACK)) probe.applied++;
      super.send(data);
    }
  };
  probe.collect = (since) => ({
    seen: [...probe.seen].filter(([, t]) => t >= since),
    frames: probe.frames.filter((t) => t >= since),
    live: probe.live.filter((t) => t >= since),
    liveBytes: probe.liveBytes.slice(-probe.live.filter((t) => t >= since).length),
    snapshots: probe.snapshots,
  });
  probe.scroll = (ms, px) => new Promise((resolve) => {
    const el = document.querySelector('.calls-body');
    if (!el) { resolve({ error: 'no .calls-body' }); return; }
    const start = clock();
    const deltas = [];
    // What changed in the DOM during each frame (between two steps): rows inserted, text nodes
    // changed (the one-second timers change every visible duration at once), live messages
    // received, and live frames applied (acks sent).
    const detail = [];
    let last = performance.now();
    let dir = 1;
    let rows0 = probe.rowsAdded, text0 = probe.textChanges, live0 = probe.live.length, applied0 = probe.applied;
    const step = (now) => {
      deltas.push(now - last);
      detail.push([probe.rowsAdded - rows0, probe.textChanges - text0, probe.live.length - live0, probe.applied - applied0]);
      rows0 = probe.rowsAdded; text0 = probe.textChanges; live0 = probe.live.length; applied0 = probe.applied;
      last = now;
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) dir = -1;
      else if (el.scrollTop <= 0) dir = 1;
      el.scrollTop += dir * px;
      if (clock() - start < ms) requestAnimationFrame(step);
      else resolve({ deltas: deltas.slice(1), detail: detail.slice(1), scrollHeight: el.scrollHeight, rows: el.querySelectorAll('[data-call-id]').length });
    };
    requestAnimationFrame((now) => { last = now; requestAnimationFrame(step); });
  });
})();
`
