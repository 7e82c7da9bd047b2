/**
 * Script injected into the page before the app loads (page.addInitScript; a string, so no bundler
 * helper leaks into it), beside bench/live/page-probe.ts (frames, live messages, call rows).
 * A MutationObserver notes, on the wall clock (performance.timeOrigin + performance.now(), the
 * rule every bench process follows), each time a wallboard tile's "answered" or "abandoned"
 * figure shows a new value: [queue, figure, value, time]. Observer callbacks run right after
 * React's DOM commit, before the frame is painted.
 * It also notes when each tile comes on screen and goes (pages rotate when the queues do not fit).
 * window.__wallBench.collect(since) returns the observations, mounts() the comings and goings,
 * shown() the queues on screen now.
 */
export const TILE_PROBE = String.raw`
(() => {
  const clock = () => performance.timeOrigin + performance.now();
  const FIGURES = new Set(['answered', 'abandoned']);
  const seen = [];
  // [queue, 1 = on screen | 0 = gone, time]: pages rotate when the queues do not fit.
  const mounts = [];
  const last = new Map();
  const queueOf = (tile) => (tile.getAttribute('aria-label') || '').replace(/^Queue /, '');
  const read = (tile, t) => {
    const queue = queueOf(tile);
    for (const fig of tile.querySelectorAll('.wb-figure')) {
      const label = fig.querySelector('.wb-label');
      const value = fig.querySelector('.wb-value');
      if (!label || !value || !FIGURES.has(label.textContent)) continue;
      // "12" or "3 · 20 %": the count comes first.
      const n = parseInt(value.textContent, 10);
      const k = label.textContent + '\n' + queue;
      if (Number.isFinite(n) && last.get(k) !== n) { last.set(k, n); seen.push([queue, label.textContent, n, t]); }
    }
  };
  new MutationObserver((records) => {
    const t = clock();
    const tiles = new Set();
    for (const r of records) {
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      const tile = el && el.closest ? el.closest('.wb-tile') : null;
      if (tile) tiles.add(tile);
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        const added = n.classList.contains('wb-tile') ? [n] : [...n.querySelectorAll('.wb-tile')];
        for (const x of added) { tiles.add(x); mounts.push([queueOf(x), 1, t]); }
      }
      for (const n of r.removedNodes) {
        if (n.nodeType !== 1) continue;
        const gone = n.classList.contains('wb-tile') ? [n] : [...n.querySelectorAll('.wb-tile')];
        for (const x of gone) mounts.push([queueOf(x), 0, t]);
      }
    }
    for (const tile of tiles) if (tile.isConnected) read(tile, t);
  }).observe(document, { subtree: true, childList: true, characterData: true });
  window.__wallBench = {
    collect: (since) => seen.filter((s) => s[3] >= since),
    mounts: () => mounts,
    shown: () => [...document.querySelectorAll('.wb-tile')].map(queueOf),
  };
})();
`
