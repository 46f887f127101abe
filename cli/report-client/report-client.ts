// The client script of index.html (see cli/html-report.ts): it builds the matrix, the filters and every requirement
// with its evidence from the embedded JSON, with textContent only, never innerHTML, so nothing a target answers can
// become markup. `npm run generate` transpiles it into generators/generated/report-client.ts, which the page inlines
// (its CSP pins the script's hash). Filters live in the URL hash: #status=fail,error&level=MUST&area=order&q=etag&open=ORD-003.
/// <reference lib="dom" />
import type { Status } from '../fold.ts';
import type { ViewEvidence, ViewExchange, ViewRequirement } from '../html-report.ts';

/** The JSON block html-report.ts embeds as #report-data (renderHtmlReport's `view`, built from the same View types). */
interface ReportData {
  areas: [string, string][];
  statuses: Status[];
  labels: Record<Status, string>;
  requirements: ViewRequirement[];
}

type Kid = Node | string | null | undefined | false | Kid[];
type Props = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

const data = JSON.parse(document.getElementById('report-data')!.textContent!) as ReportData;
const STATUSES = data.statuses, LABELS = data.labels;
const GROUPS: Record<Status, string> = { fail: 'Failures', error: 'What could not be checked', warn: 'Warnings', pass: 'Passed', 'not-applicable': 'Not applicable' };
const reqs = data.requirements;
const byId = new Map(reqs.map((r) => [r.id, r]));
const areas = data.areas.slice();
reqs.forEach((r) => { if (!areas.some((a) => a[0] === r.area)) areas.push([r.area, r.areaName]); });
const state = { status: new Set<string>(), level: '', area: '', q: '', open: '' };
const rows = new Map<string, HTMLDetailsElement>(), groups: { node: HTMLElement; count: HTMLElement; members: ViewRequirement[] }[] = [], matrixRows = new Map<string, HTMLElement>();
// filled in by list(), which runs before anything reads them
const ui = {} as { statusButtons: HTMLElement[]; level: HTMLSelectElement; area: HTMLSelectElement; search: HTMLInputElement; shown: HTMLElement; empty: HTMLElement; list: HTMLElement };

function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props, ...kids: Kid[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.keys(props || {}).forEach((k) => {
    const v = props![k];
    if (v === undefined || v === null || v === false) return;
    if (k === 'class') node.className = String(v);
    else if (typeof v === 'function') node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  });
  kids.forEach((kid) => add(node, kid));
  return node;
}
function add(node: Element, kid: Kid): void {
  if (kid === undefined || kid === null || kid === false) return;
  if (Array.isArray(kid)) kid.forEach((k) => add(node, k));
  else node.append(kid);
}
function fmtMs(ms: number | undefined): string {
  if (typeof ms !== 'number') return '';
  if (ms < 9.95) return ms.toFixed(1) + ' ms';
  if (ms < 1000) return Math.round(ms) + ' ms';
  return (ms / 1000).toFixed(ms < 10000 ? 2 : 1) + ' s';
}
function size(text: string): string { return text.length < 1024 ? text.length + ' B' : (text.length / 1024).toFixed(1) + ' KB'; }

function copy(text: string, button: Element, pre?: Element): void {
  function done(ok: boolean) {
    button.textContent = ok ? 'Copied' : 'Select + copy';
    setTimeout(() => { button.textContent = 'Copy'; }, 1600);
  }
  function fallback() {
    const area = h('textarea', { 'aria-hidden': 'true', style: 'position:fixed;top:0;left:-9999px' });
    area.value = text;
    document.body.append(area);
    area.select();
    let ok = false;
    // execCommand is deprecated but is the only copy left where the Clipboard API is not (a file:// page)
    try { ok = document.execCommand('copy'); } catch { ok = false; }
    area.remove();
    if (!ok && pre) window.getSelection()?.selectAllChildren(pre);
    done(ok);
  }
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(() => done(true), fallback);
  else fallback();
}
function codeBlock(text: string, label: string): HTMLElement {
  const pre = h('pre', {}, h('code', {}, text));
  const button = h('button', { type: 'button', class: 'copy', 'aria-label': 'Copy ' + label }, 'Copy');
  button.addEventListener('click', () => copy(text, button, pre));
  return h('div', { class: 'code', 'data-kind': label }, pre, button);
}

function headersTable(pairs: [string, string][]): HTMLElement {
  if (!pairs.length) return h('p', { class: 'muted' }, 'No headers recorded.');
  return h('table', { class: 'hdrs' }, h('tbody', {}, pairs.map((p) => h('tr', {}, h('th', {}, p[0]), h('td', {}, p[1])))));
}
function bodyBlock(text: string | undefined): HTMLElement {
  if (text === undefined) return h('p', { class: 'muted' }, 'No body.');
  return h('details', { class: 'bodyd', open: text.split('\n').length <= 40 }, h('summary', {}, 'Body · ' + size(text)), h('pre', {}, text));
}
function exchange(x: ViewExchange, open: boolean, culprit: boolean, e: ViewEvidence): HTMLElement {
  const cls = culprit ? 'cbad' : x.status === undefined ? 'cerr' : 'c' + String(x.status).charAt(0);
  const role = x.cleanup ? h('span', { class: 'role role-cleanup', title: 'sent by the test’s teardown, after the check' }, 'cleanup')
    : x.step ? h('span', { class: 'role role-setup', title: 'a setup step: ' + x.step }, 'setup') : null;
  return h('details', { class: 'ex' + (culprit ? ' ex-culprit' : '') + (x.cleanup ? ' ex-cleanup' : x.step ? ' ex-setup' : ''), open: open },
    h('summary', {}, culprit ? h('span', { class: 'culprit', title: 'the exchange whose answer broke the rule' }, 'broke the rule') : null, role, h('span', { class: 'method' }, x.method), h('span', { class: 'url' }, x.url),
      h('span', { class: 'code-st ' + cls }, x.status === undefined ? 'no answer' : String(x.status)),
      h('span', { class: 'dur' }, fmtMs(x.durationMs)),
      x.retries ? h('span', { class: 'dur', title: 'answered 429/503 (or reset) and sent again' }, 'after ' + x.retries + (x.retries === 1 ? ' retry' : ' retries') + ' (' + fmtMs(x.retryWaitMs) + ' waiting)') : null, x.operationId ? h('span', { class: 'op' }, x.operationId) : null,
      x.step ? h('span', { class: 'step-name' }, x.step) : null),
    h('div', { class: 'ex-body' },
      culprit && e.expected ? h('dl', { class: 'exp' }, h('dt', {}, 'Expected'), h('dd', {}, e.expected), h('dt', {}, 'Received'), h('dd', { class: 'got' }, e.received)) : null,
      codeBlock(x.curl, 'curl'),
      x.error ? h('pre', { class: 'msg' }, 'Transport error: ' + x.error) : null,
      h('div', { class: 'ex-cols' },
        h('div', {}, h('h5', {}, 'Request'), headersTable(x.requestHeaders), bodyBlock(x.requestBody)),
        h('div', {}, h('h5', {}, 'Response' + (x.status === undefined ? '' : ' ' + x.status)), x.status === undefined ? h('p', { class: 'muted' }, 'No response.') : [headersTable(x.responseHeaders), bodyBlock(x.responseBody)]))));
}
// the list a failure needs to be reproduced: setup, the exchange that broke the rule (open), then cleanup, folded
function exchangeList(e: ViewEvidence, focus: number): HTMLElement[] {
  const items: HTMLElement[] = [];
  let i = 0;
  while (i < e.exchanges.length) {
    if (!e.exchanges[i]!.cleanup) { items.push(exchange(e.exchanges[i]!, i === focus, i === e.culprit, e)); i++; continue; }
    const group: HTMLElement[] = [];
    for (; i < e.exchanges.length && e.exchanges[i]!.cleanup; i++) group.push(exchange(e.exchanges[i]!, i === focus, i === e.culprit, e));
    items.push(h('details', { class: 'ex-group' }, h('summary', {}, 'Cleanup after the check · ' + group.length + (group.length === 1 ? ' request' : ' requests')), group));
  }
  return items;
}
function evidence(e: ViewEvidence, r: ViewRequirement): HTMLElement {
  const failed = r.status === 'fail' || r.status === 'warn';
  let last = -1;
  e.exchanges.forEach((x, i) => { if (!x.cleanup) last = i; });
  const focus = typeof e.culprit === 'number' ? e.culprit : (failed || r.status === 'error') ? (last >= 0 ? last : e.exchanges.length - 1) : -1;
  return h('div', { class: 'ev ev-' + e.outcome },
    h('div', { class: 'ev-head' }, failed && e.outcome === 'passed' ? h('span', { class: 'oc oc-seen', title: 'the test passed; this violation was recorded on one of its exchanges' }, 'seen during') : h('span', { class: 'oc oc-' + e.outcome }, e.outcome), h('strong', {}, e.test), e.location ? h('span', { class: 'loc' }, e.location) : null),
    e.text ? h('pre', { class: 'msg' }, e.text) : null,
    e.steps.length ? [h('h5', {}, e.stepsTitle || 'Shrunk sequence'), h('ol', { class: 'steps' }, e.steps.map((s) => h('li', {}, s)))] : null,
    e.replay ? [h('h5', {}, 'Replay'), codeBlock(e.replay, 'replay')] : null,
    e.exchanges.length ? [h('h5', {}, 'Exchanges (' + e.exchanges.length + (e.omitted ? ', ' + e.omitted + ' more of this check not shown' : '') + ')'),
      exchangeList(e, focus)] : null);
}
function requirementBody(r: ViewRequirement): HTMLElement {
  const codes = r.codes.map((c) => h('span', { class: 'src', title: c[1] }, c[0] + ' · ' + c[1]));
  return h('div', { class: 'req-body' },
    h('p', { class: 'statement' }, r.statement.split('`').map((part, i) => (i % 2 ? h('code', {}, part) : part))),
    h('dl', { class: 'facts' }, h('dt', {}, 'Area'), h('dd', {}, r.areaName), h('dt', {}, 'Sources'), h('dd', {}, codes, r.sources.join('; ')),
      h('dt', {}, 'Check time'), h('dd', {}, fmtMs(r.durationMs))),
    r.baseline ? h('div', { class: 'note note-' + r.baseline.kind }, r.baseline.text, r.baseline.link ? [' · ', h('a', { href: r.baseline.link, rel: 'noreferrer' }, r.baseline.link)] : null) : null,
    r.evidence.length ? [h('h4', {}, 'Evidence'), r.evidence.map((e) => evidence(e, r))]
      : h('p', { class: 'muted' }, r.status === 'not-applicable' ? 'No check ran: ' + r.reason : r.status === 'error' ? 'The kit could not check this: ' + r.reason : 'No evidence recorded.'));
}
function row(r: ViewRequirement): HTMLDetailsElement {
  const tag = r.baseline ? h('span', { class: 'tag tag-' + r.baseline.kind }, r.baseline.kind === 'expected' ? 'known failure' : r.baseline.kind === 'fixed' ? 'baseline: fixed' : r.baseline.kind === 'not-rechecked' ? 'baseline: not re-checked' : 'baseline expired') : null;
  const d = h('details', { class: 'req s-' + r.status, id: 'req-' + r.id, 'data-id': r.id, 'data-status': r.status },
    h('summary', {}, h('span', { class: 'st st-' + r.status }, LABELS[r.status]), h('code', { class: 'rid' }, r.id),
      h('span', {}, h('span', { class: 'lvl lvl-' + r.level }, r.level)), h('span', { class: 'rtitle' }, r.title, tag), h('span', { class: 'reason' }, r.reason)));
  d.addEventListener('toggle', () => {
    if (d.open && !d.querySelector('.req-body')) d.append(requirementBody(r));
    if (d.open) state.open = r.id; else if (state.open === r.id) state.open = '';
    writeHash();
  });
  rows.set(r.id, d);
  return d;
}

function matches(r: ViewRequirement): boolean {
  if (state.status.size && !state.status.has(r.status)) return false;
  if (state.level && r.level !== state.level) return false;
  if (state.area && r.area !== state.area) return false;
  const hay = (r.id + '\n' + r.title + '\n' + r.statement + '\n' + r.reason).toLowerCase();
  return state.q.toLowerCase().split(/\s+/).every((t) => !t || hay.indexOf(t) >= 0);
}
function update(): void {
  let shown = 0;
  reqs.forEach((r) => { const ok = matches(r); rows.get(r.id)!.hidden = !ok; if (ok) shown++; });
  groups.forEach((g) => {
    const n = g.members.filter((r) => !rows.get(r.id)!.hidden).length;
    g.node.hidden = n === 0;
    g.count.textContent = n === g.members.length ? String(n) : n + ' of ' + g.members.length;
  });
  ui.statusButtons.forEach((b) => { b.setAttribute('aria-pressed', String(state.status.has(b.getAttribute('data-status')!))); });
  ui.level.value = state.level; ui.area.value = state.area;
  if (ui.search.value !== state.q) ui.search.value = state.q;
  matrixRows.forEach((tr, key) => { tr.classList.toggle('active', state.area === key); });
  ui.shown.textContent = 'Showing ' + shown + ' of ' + reqs.length;
  ui.empty.hidden = shown > 0;
  writeHash();
}
function writeHash(): void {
  const parts: string[] = [];
  if (state.status.size) parts.push('status=' + STATUSES.filter((s) => state.status.has(s)).join(','));
  if (state.level) parts.push('level=' + state.level);
  if (state.area) parts.push('area=' + encodeURIComponent(state.area));
  if (state.q) parts.push('q=' + encodeURIComponent(state.q));
  if (state.open) parts.push('open=' + encodeURIComponent(state.open));
  const url = location.href.split('#')[0] + (parts.length ? '#' + parts.join('&') : '');
  if (url !== location.href) try { history.replaceState(null, '', url); } catch { /* a viewer may forbid it */ }
}
function readHash(): void {
  const p = new URLSearchParams(location.hash.slice(1));
  const level = p.get('level') ?? '', area = p.get('area') ?? '', open = p.get('open') ?? '';
  state.status = new Set((p.get('status') || '').split(',').filter((s) => (STATUSES as string[]).indexOf(s) >= 0));
  state.level = ['MUST', 'SHOULD'].indexOf(level) >= 0 ? level : '';
  state.area = areas.some((a) => a[0] === area) ? area : '';
  state.q = p.get('q') || '';
  state.open = byId.has(open) ? open : '';
}
function expandAll(e: Event): void {
  const shown = reqs.map((r) => rows.get(r.id)!).filter((d) => !d.hidden);
  const open = !shown.every((d) => d.open);
  shown.forEach((d) => { d.open = open; });
  (e.target as Element).textContent = open ? 'Collapse all' : 'Expand all';
}
function clearFilters(): void { state.status = new Set(); state.level = ''; state.area = ''; state.q = ''; }
function openReq(id: string): void {
  const r = byId.get(id), d = rows.get(id);
  if (!r || !d) return;
  if (!matches(r)) clearFilters();
  state.open = id;
  update();
  d.open = true;
  d.scrollIntoView({ block: 'start' });
  d.classList.add('flash');
  setTimeout(() => { d.classList.remove('flash'); }, 1400);
}

function matrix(): HTMLElement {
  const tbody = h('tbody');
  areas.forEach((a) => {
    const inArea = reqs.filter((r) => r.area === a[0]);
    if (!inArea.length) return;
    const tr = h('tr', { 'data-area': a[0] },
      h('th', { scope: 'row' }, h('button', { type: 'button', class: 'area-btn', title: 'Show only this area', onclick: () => { state.area = state.area === a[0] ? '' : a[0]; update(); ui.list.scrollIntoView(); } }, a[1])),
      h('td', { class: 'chips-col' }, h('div', { class: 'chips' }, inArea.map((r) =>
        h('a', { class: 'chip st-' + r.status, href: '#open=' + encodeURIComponent(r.id), 'data-open': r.id, title: r.id + ' · ' + LABELS[r.status] + ' · ' + r.title }, r.id)))),
      STATUSES.map((s) => {
        const n = inArea.filter((r) => r.status === s).length;
        return h('td', { class: 'n' }, n ? h('button', { type: 'button', class: 'cnt cnt-' + s, title: 'Show ' + LABELS[s].toLowerCase() + ' in ' + a[1],
          onclick: () => { clearFilters(); state.area = a[0]; state.status = new Set([s]); update(); ui.list.scrollIntoView(); } }, String(n)) : h('span', { class: 'zero' }, '·'));
      }));
    matrixRows.set(a[0], tr);
    tbody.append(tr);
  });
  return h('section', { class: 'matrix' }, h('h2', {}, 'By area'), h('div', { class: 'scroll' }, h('table', {},
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Area'), h('th', { scope: 'col', class: 'chips-col' }, 'Requirements'), STATUSES.map((s) => h('th', { scope: 'col', class: 'n' }, LABELS[s] === 'Not applicable' ? 'N/A' : LABELS[s])))), tbody)));
}
function list(): HTMLElement {
  ui.statusButtons = STATUSES.map((s) =>
    h('button', { type: 'button', class: 'fbtn fbtn-' + s, 'data-status': s, 'aria-pressed': 'false',
      onclick: () => { if (state.status.has(s)) state.status.delete(s); else state.status.add(s); update(); } },
      h('span', { class: 'dot' }), LABELS[s], h('span', { class: 'fcount' }, String(reqs.filter((r) => r.status === s).length))));
  const valueOf = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
  ui.level = h('select', { 'aria-label': 'Level', id: 'f-level', onchange: (e) => { state.level = valueOf(e); update(); } },
    h('option', { value: '' }, 'All levels'), h('option', { value: 'MUST' }, 'MUST'), h('option', { value: 'SHOULD' }, 'SHOULD'));
  ui.area = h('select', { 'aria-label': 'Area', id: 'f-area', onchange: (e) => { state.area = valueOf(e); update(); } },
    h('option', { value: '' }, 'All areas'), areas.map((a) => h('option', { value: a[0] }, a[1])));
  ui.search = h('input', { type: 'search', id: 'f-q', placeholder: 'Search ID, title, statement, reason', 'aria-label': 'Search', oninput: (e) => { state.q = valueOf(e); update(); } });
  ui.shown = h('span', { class: 'shown', id: 'shown', 'aria-live': 'polite' });
  const reset = () => { clearFilters(); update(); };
  ui.empty = h('p', { class: 'empty', hidden: true }, 'No requirement matches these filters. ', h('button', { type: 'button', class: 'reset', onclick: reset }, 'Reset filters'));
  ui.list = h('div', { class: 'list' });
  STATUSES.forEach((s) => {
    const members = reqs.filter((r) => r.status === s);
    if (!members.length) return;
    const count = h('span', { class: 'gcount' });
    const node = h('section', { class: 'group g-' + s, 'data-group': s }, h('h3', {}, GROUPS[s] + ' · ', count), members.map(row));
    groups.push({ node, count, members });
    ui.list.append(node);
  });
  return h('section', { class: 'reqs', id: 'requirements' }, h('h2', {}, 'Requirements'),
    h('div', { class: 'toolbar', role: 'search' }, h('div', { class: 'fgroup', role: 'group', 'aria-label': 'Status' }, ui.statusButtons),
      ui.level, ui.area, ui.search, h('button', { type: 'button', class: 'reset', id: 'reset', onclick: reset }, 'Reset'),
      h('button', { type: 'button', class: 'reset', id: 'expand', onclick: expandAll }, 'Expand all'), ui.shown), ui.empty, ui.list);
}

document.getElementById('app')!.append(matrix(), list());
document.addEventListener('click', (e) => {
  const target = e.target instanceof Element ? e.target : null;
  const link = target && target.closest('[data-open]');
  if (link) { e.preventDefault(); openReq(link.getAttribute('data-open')!); return; }
  const only = target && target.closest('[data-only]');
  if (only) { state.status = new Set([only.getAttribute('data-only')!]); update(); ui.list.scrollIntoView(); return; }
  const cmd = target && target.closest('[data-copy]');
  const source = cmd && document.getElementById(cmd.getAttribute('data-copy')!);
  if (source) copy(source.textContent ?? '', cmd, source);
});
function fromHash(): void { readHash(); const open = state.open; update(); if (open) openReq(open); }
window.addEventListener('hashchange', fromHash);
fromHash();
