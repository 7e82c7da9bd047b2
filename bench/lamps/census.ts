/**
 * What holds a page's DOM nodes, counted in the page (page.evaluate(CENSUS)); a string, so no
 * bundler helper can leak into it. Answers:
 *  - nodes: `document.getElementsByTagName('*').length` (every element);
 *  - regions: the named parts of the console (the lamps, the calls table, the dial box's
 *    suggestions, the side panel, other views kept mounted…) with their element counts;
 *  - heavy: every element holding at least `share` of all elements whose children split them (a
 *    chain of single heavy children is reported once, at its deepest), labelled by tag, id, class
 *    and aria-label, with whether it is rendered (a hidden subtree costs style, not layout);
 *  - tags: the ten most frequent tag names.
 */
export interface Census {
  readonly nodes: number
  readonly regions: readonly { readonly name: string; readonly selector: string; readonly matches: number; readonly nodes: number }[]
  readonly heavy: readonly { readonly label: string; readonly nodes: number; readonly rendered: boolean }[]
  readonly tags: readonly (readonly [string, number])[]
}

/** Regions of the console, by CSS (each one's elements counted with its descendants). */
export const REGIONS: readonly { readonly name: string; readonly selector: string }[] = [
  { name: 'lamps (BLF grid)', selector: '.blf' },
  { name: 'lamp tiles', selector: '.blf-tile' },
  { name: 'calls table', selector: '.calls-main > :first-child' },
  { name: 'calls toolbar', selector: '.calls-toolbar' },
  { name: 'dial box', selector: '.dialbox' },
  { name: 'datalists', selector: 'datalist' },
  { name: 'people picker lists', selector: '[role=listbox]' },
  { name: 'calls side (card, parked)', selector: '.calls-side' },
  { name: 'other views mounted', selector: 'main.content .view:not(.calls-view)' },
  { name: 'sidebar', selector: 'nav.sidebar' },
  { name: 'rest of the shell (status bar, toasts…)', selector: '.shell > :not(main.content):not(nav.sidebar)' },
  { name: 'outside the shell (dialogs, menus)', selector: 'body > :not(#root), #root > :not(.shell)' },
  { name: 'svg elements', selector: 'svg' },
]

export const CENSUS = String.raw`
(([regions, share]) => {
  const all = document.getElementsByTagName('*');
  const total = all.length;
  const size = (el) => el.getElementsByTagName('*').length + 1;
  const label = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    const cls = typeof el.className === 'string' ? el.className.trim().split(/\s+/).filter(Boolean).slice(0, 3) : [];
    if (cls.length) s += '.' + cls.join('.');
    const aria = el.getAttribute('aria-label');
    if (aria) s += '[aria-label="' + aria.slice(0, 40) + '"]';
    return s;
  };
  const path = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) parts.unshift(label(e));
    return parts.join(' > ');
  };
  const heavy = [];
  const min = Math.max(50, Math.round(total * share));
  const walk = (el) => {
    const kids = [...el.children].map((c) => [c, size(c)]).filter(([, n]) => n >= min);
    const n = size(el);
    // A child holding (nearly) all of this element's elements: report that child instead.
    if (kids.length === 1 && kids[0][1] >= n * 0.9) return walk(kids[0][0]);
    heavy.push({ label: path(el), nodes: n, rendered: el.getClientRects().length > 0 });
    for (const [c] of kids) walk(c);
  };
  walk(document.body);
  const counts = new Map();
  for (const el of all) counts.set(el.tagName.toLowerCase(), (counts.get(el.tagName.toLowerCase()) || 0) + 1);
  const tags = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 10);
  const out = regions.map(({ name, selector }) => {
    const found = [...document.querySelectorAll(selector)];
    // Nested matches (a tile inside a tile) are counted once, at the outermost.
    const outer = found.filter((el) => !found.some((o) => o !== el && o.contains(el)));
    return { name, selector, matches: found.length, nodes: outer.reduce((a, el) => a + size(el), 0) };
  });
  return { nodes: total, regions: out, heavy, tags };
})
`
