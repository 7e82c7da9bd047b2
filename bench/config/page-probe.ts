/**
 * Script injected into the page before the app loads (page.addInitScript); a string, so no
 * bundler helper can leak into it. Times are the page's own clock (performance.now()).
 *
 * window.__configProbe.open({ selector, text }, grid) clicks the control matching `selector`
 * whose text starts with `text` and resolves with the ms until the grid named `grid` has rows
 * painted: the first row in the DOM (MutationObserver), then the next animation frame, then a
 * message posted from it (delivered after that frame was painted).
 *
 * window.__configProbe.settled(selectors, quietMs) resolves once every selector matches and the
 * page's frames have come at least every 50 ms for `quietMs` in a row: the page is up and its main
 * thread free (a fresh page first lays out the lamps and takes the live snapshot, which on a busy
 * host holds the thread for seconds to minutes; a click asked meanwhile waits behind that work).
 * It answers the ms it waited and the longest frame gap seen.
 *
 * window.__configProbe.watchKeys() then keystrokes(): per key typed into a field, from its
 * keydown (event.timeStamp: when the browser took the key) to the `input` event's listeners on
 * window having run (React has filtered and committed the rows by then: a discrete update is
 * flushed before the next listener), and to the frame with the new rows painted.
 */
export const PAGE_PROBE = String.raw`
(() => {
  const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve(performance.now());
    ch.port2.postMessage(0);
  }));
  const keys = { pending: [], done: [] };
  const probe = {
    settled(selectors, quietMs) {
      const t0 = performance.now();
      let last = t0, quietSince = t0, longest = 0;
      return new Promise((resolve) => {
        const frame = (now) => {
          const gap = now - last;
          last = now;
          longest = Math.max(longest, gap);
          const present = selectors.every((s) => document.querySelector(s) !== null);
          if (gap > 50 || !present) quietSince = now;
          if (present && now - quietSince >= quietMs) resolve({ waitedMs: now - t0, longestGapMs: longest });
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
    },
    open(control, grid) {
      const target = [...document.querySelectorAll(control.selector)].find((el) => (el.textContent || '').trim().startsWith(control.text));
      if (!target) return Promise.reject(new Error('no control ' + control.selector + ' "' + control.text + '"'));
      const rows = () => document.querySelector('[role=grid][aria-label="' + grid + '"] [role=row][tabindex]');
      const t0 = performance.now();
      return new Promise((resolve) => {
        const done = () => { afterPaint().then((t) => resolve(t - t0)); };
        target.click();
        if (rows()) return done();
        const mo = new MutationObserver(() => { if (rows()) { mo.disconnect(); done(); } });
        mo.observe(document.body, { subtree: true, childList: true });
      });
    },
    watchKeys() {
      window.addEventListener('keydown', (e) => { keys.pending.push({ t0: e.timeStamp }); }, true);
      window.addEventListener('input', () => {
        const k = keys.pending.shift();
        if (!k) return;
        k.dom = performance.now() - k.t0;
        afterPaint().then((t) => { k.paint = t - k.t0; keys.done.push(k); });
      });
    },
    keystrokes() {
      return keys.done.map((k) => [k.dom, k.paint]);
    },
  };
  window.__configProbe = probe;
})();
`

declare global {
  interface Window {
    readonly __configProbe: {
      /** Resolves when every selector matches and frames came every 50 ms or sooner for `quietMs`. */
      settled(selectors: readonly string[], quietMs: number): Promise<{ waitedMs: number; longestGapMs: number }>
      open(control: { selector: string; text: string }, grid: string): Promise<number>
      watchKeys(): void
      /** Per keystroke: [ms to the rows updated, ms to them painted]. */
      keystrokes(): [number, number][]
    }
  }
}
