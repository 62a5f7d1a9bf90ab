/**
 * The HTML report's behaviour (packages/reporters/src/html.ts): filters, search, sort, counts and the URL
 * hash; expanding rows; copy buttons. Reads everything from the table's data attributes (no data is
 * embedded as script), so the page works without it too: every row is then visible, collapsed rows stay
 * readable in print. Type-checked against the DOM (page/tsconfig.json), compiled and inlined into every
 * report at build time (page/build.mjs); the page's Content-Security-Policy allows it by its hash.
 */

const STATES = ['fail', 'assumed', 'baseline', 'suppressed', 'error', 'unknown', 'skip', 'pass'];
/** What the reader sees before changing the filter (html.ts marks the same boxes checked). */
const DEFAULT_V = ['fail', 'error'];
const PRIORITIES = ['P0', 'P1', 'P2'];
const SELECTS = ['layer', 'concern', 'section'] as const;
type Select = (typeof SELECTS)[number];

/** One finding: its `<tbody class="finding">` and what its data attributes say. */
interface Row {
  el: HTMLElement;
  p: string;
  v: string;
  layer: string;
  concern: string[];
  section: string[];
  search: string;
  order: number;
  rule: string;
  resource: string;
  location: string;
}

/** The filter, search and sort, as the form shows them and the URL hash keeps them. */
interface State {
  p: string[];
  v: string[];
  layer: string;
  concern: string;
  section: string;
  q: string;
  sort: string;
  desc: boolean;
}

/** A filter that `matches` can leave out, to count what choosing another value of it would show. */
type Filter = 'p' | 'v' | Select | 'q';

const findingsTable = document.getElementById('findings-table');
const filterForm = document.getElementById('filters');
if (findingsTable && filterForm instanceof HTMLFormElement) start(findingsTable, filterForm);

function start(table: HTMLElement, form: HTMLFormElement): void {
  const doc = document;
  const byId = (id: string): HTMLElement => {
    const el = doc.getElementById(id);
    if (!el) throw new Error(`the report has no #${id}`);
    return el;
  };
  const select = (name: Select): HTMLSelectElement => form.elements.namedItem(name) as HTMLSelectElement;
  const search = form.elements.namedItem('q') as HTMLInputElement;

  const rows: Row[] = Array.from(table.querySelectorAll<HTMLElement>('tbody.finding'), (b) => ({
    el: b,
    p: b.getAttribute('data-priority') ?? '',
    v: b.getAttribute('data-verdict') ?? '',
    layer: b.getAttribute('data-layer') ?? '',
    concern: (b.getAttribute('data-concerns') || '').split(' ').filter(Boolean),
    section: (b.getAttribute('data-sections') || '').split('|').filter(Boolean),
    search: b.getAttribute('data-search') || '',
    order: Number(b.getAttribute('data-order')),
    rule: b.getAttribute('data-rule') || '',
    resource: b.getAttribute('data-resource') || '',
    location: b.getAttribute('data-location') || '',
  }));
  let state: State | undefined;

  function defaults(): State {
    return {
      p: PRIORITIES.slice(),
      v: DEFAULT_V.slice(),
      layer: '',
      concern: '',
      section: '',
      q: '',
      sort: 'priority',
      desc: false,
    };
  }
  const same = (a: readonly string[], b: readonly string[]): boolean =>
    a.length === b.length && a.every((x) => b.includes(x));

  function parseHash(): State | null {
    const hash = location.hash.replace(/^#/, '');
    if (!hash.includes('=')) return null;
    const s = defaults();
    for (const pair of hash.split('&')) {
      const at = pair.indexOf('=');
      if (at < 0) continue;
      const key = pair.slice(0, at);
      let value: string;
      try {
        value = decodeURIComponent(pair.slice(at + 1));
      } catch {
        continue;
      }
      if (key === 'p') s.p = value.split(',').filter((x) => PRIORITIES.includes(x));
      else if (key === 'v') s.v = value === 'all' ? STATES.slice() : value.split(',').filter((x) => STATES.includes(x));
      else if (key === 'q') s.q = value;
      else if (key === 'sort') {
        s.desc = value.charAt(0) === '-';
        s.sort = value.replace(/^-/, '') || 'priority';
      } else if ((SELECTS as readonly string[]).includes(key)) s[key as Select] = value;
    }
    return s;
  }

  function hashOf(s: State): string {
    const d = defaults();
    const parts: string[] = [];
    if (!same(s.p, d.p)) parts.push(`p=${encodeURIComponent(s.p.join(','))}`);
    if (!same(s.v, d.v)) parts.push(`v=${encodeURIComponent(s.v.join(','))}`);
    for (const k of SELECTS) if (s[k]) parts.push(`${k}=${encodeURIComponent(s[k])}`);
    if (s.q) parts.push(`q=${encodeURIComponent(s.q)}`);
    if (s.sort !== 'priority' || s.desc) parts.push(`sort=${s.desc ? '-' : ''}${s.sort}`);
    return parts.join('&');
  }

  function writeHash(s: State): void {
    const h = hashOf(s);
    const url = location.href.split('#')[0] + (h ? `#${h}` : '');
    try {
      history.replaceState(null, '', url);
    } catch {
      location.hash = h;
    }
  }

  function matches(r: Row, s: State, skip: Filter | null): boolean {
    if (skip !== 'p' && !s.p.includes(r.p)) return false;
    if (skip !== 'v' && !s.v.includes(r.v)) return false;
    if (skip !== 'layer' && s.layer && r.layer !== s.layer) return false;
    if (skip !== 'concern' && s.concern && !r.concern.includes(s.concern)) return false;
    if (skip !== 'section' && s.section && !r.section.includes(s.section)) return false;
    if (skip !== 'q' && s.q && !r.search.includes(s.q.toLowerCase())) return false;
    return true;
  }

  function checked(name: 'p' | 'v'): string[] {
    return Array.from(form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`))
      .filter((i) => i.checked)
      .map((i) => i.value);
  }

  function readForm(): State {
    const s = defaults();
    s.p = checked('p');
    s.v = checked('v');
    for (const k of SELECTS) s[k] = select(k).value;
    s.q = search.value.trim();
    s.sort = state ? state.sort : 'priority';
    s.desc = state ? state.desc : false;
    return s;
  }

  function writeForm(s: State): void {
    for (const i of form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
      i.checked = (i.name === 'p' ? s.p : s.v).includes(i.value);
    }
    for (const k of SELECTS) {
      const sel = select(k);
      if (!Array.from(sel.options).some((o) => o.value === s[k])) s[k] = '';
      sel.value = s[k];
    }
    search.value = s.q;
  }

  const SORT_KEYS: Record<string, (r: Row) => string | number> = {
    priority: (r) => r.order,
    verdict: (r) => STATES.indexOf(r.v),
    rule: (r) => r.rule,
    resource: (r) => r.resource,
    location: (r) => r.location,
  };

  function sortRows(s: State): void {
    const key = SORT_KEYS[s.sort] ?? SORT_KEYS.priority!;
    const sorted = rows.slice().sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      let c = ka < kb ? -1 : ka > kb ? 1 : 0;
      if (s.desc) c = -c;
      return c || a.order - b.order;
    });
    for (const r of sorted) table.appendChild(r.el);
    for (const th of table.querySelectorAll('th')) {
      const b = th.querySelector('.sort');
      if (!b) continue;
      if (b.getAttribute('data-sort') === s.sort) th.setAttribute('aria-sort', s.desc ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    }
  }

  const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

  function apply(s: State): void {
    let shown = 0;
    for (const r of rows) {
      const ok = matches(r, s, null);
      r.el.classList.toggle('off', !ok);
      if (ok) shown++;
    }
    for (const g of ['p', 'v'] as const) {
      for (const span of form.querySelectorAll(`fieldset[data-group="${g}"] .count`)) {
        const value = span.getAttribute('data-count-for');
        const n = rows.filter((r) => r[g] === value && matches(r, s, g)).length;
        span.textContent = `(${n})`;
      }
    }
    for (const g of SELECTS) {
      for (const o of select(g).options) {
        if (!o.value) continue;
        const n = rows.filter((r) => {
          const v = r[g];
          return (Array.isArray(v) ? v.includes(o.value) : v === o.value) && matches(r, s, g);
        }).length;
        o.textContent = `${o.getAttribute('data-label')} (${n})`;
      }
    }
    sortRows(s);
    const shownLine = byId('shown');
    shownLine.textContent = `Showing ${shown} of ${plural(rows.length, 'check', 'checks')}`;
    shownLine.setAttribute('data-shown', String(shown));
    byId('none-shown').hidden = shown > 0 || rows.length === 0;
  }

  function setState(s: State, updateHash: boolean): void {
    state = s;
    writeForm(s);
    apply(s);
    if (updateHash) writeHash(s);
  }

  function expand(body: Element | null, open: boolean): void {
    const button = body?.querySelector('.toggle');
    const detail = body?.querySelector<HTMLElement>('tr.detail');
    if (!button || !detail) return;
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
    detail.hidden = !open;
  }

  const showEverything = (): void => {
    const s = defaults();
    s.v = STATES.slice();
    setState(s, true);
  };

  form.hidden = false;
  form.addEventListener('submit', (ev) => ev.preventDefault());
  form.addEventListener('change', () => setState(readForm(), true));
  search.addEventListener('input', () => setState(readForm(), true));
  byId('reset').addEventListener('click', () => setState(defaults(), true));
  byId('show-all').addEventListener('click', showEverything);
  byId('expand-all').addEventListener('click', () => {
    for (const r of rows) if (!r.el.classList.contains('off')) expand(r.el, true);
  });
  byId('print-opt').hidden = false;
  byId('print-passes').addEventListener('change', (ev) => {
    doc.documentElement.classList.toggle('print-passes', (ev.target as HTMLInputElement).checked);
  });
  byId('collapse-all').addEventListener('click', () => {
    for (const r of rows) expand(r.el, false);
  });

  table.addEventListener('click', (ev) => {
    if (!(ev.target instanceof Element)) return;
    const target = ev.target;
    const sortButton = target.closest('.sort');
    if (sortButton) {
      const key = sortButton.getAttribute('data-sort') ?? 'priority';
      const s = readForm();
      s.desc = state?.sort === key ? !state.desc : false;
      s.sort = key;
      setState(s, true);
      return;
    }
    const toggle = target.closest('.toggle');
    if (toggle) {
      expand(toggle.closest('tbody.finding'), toggle.getAttribute('aria-expanded') !== 'true');
      return;
    }
    const copy = target.closest<HTMLElement>('.copy');
    if (copy) copyCommand(copy);
  });

  const live = doc.getElementById('announce');
  function copied(button: HTMLElement): void {
    button.classList.add('copied');
    button.textContent = 'Copied';
    if (live) live.textContent = 'Command copied to the clipboard';
    setTimeout(() => {
      button.classList.remove('copied');
      button.textContent = 'Copy';
    }, 2000);
  }
  /** Where the Clipboard API is missing or refused (a file:// page in some browsers). */
  function copyFallback(text: string, button: HTMLElement): void {
    const area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'sr-only';
    doc.body.appendChild(area);
    area.select();
    let ok = false;
    try {
      ok = doc.execCommand('copy');
    } catch {
      ok = false;
    }
    doc.body.removeChild(area);
    if (ok) copied(button);
    else if (live) live.textContent = 'Could not copy: select the command and copy it by hand';
  }
  function copyCommand(button: HTMLElement): void {
    const code = button.closest('.cmd')?.querySelector('code');
    const text = code?.textContent ?? '';
    if (navigator.clipboard?.writeText) {
      navigator.clipboard.writeText(text).then(
        () => copied(button),
        () => copyFallback(text, button),
      );
    } else copyFallback(text, button);
  }

  doc.addEventListener('keydown', (ev) => {
    if (ev.key !== '/' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const t = ev.target;
    if (
      t instanceof HTMLElement &&
      (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.isContentEditable)
    )
      return;
    ev.preventDefault();
    search.focus();
  });

  for (const a of doc.querySelectorAll<HTMLAnchorElement>('a.jump')) {
    a.addEventListener('click', () => {
      const body = doc.getElementById((a.getAttribute('href') ?? '').slice(1));
      if (!body) return;
      if (body.classList.contains('off')) showEverything();
      expand(body, true);
    });
  }

  window.addEventListener('hashchange', () => {
    const s = parseHash();
    if (!s) return;
    setState(s, false);
    doc.getElementById('findings')?.scrollIntoView();
  });

  setState(parseHash() ?? defaults(), false);
}
