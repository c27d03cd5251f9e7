// driftgate playground: lint-as-you-type over the wasm package (--target web,
// built by scripts/build-wasm.sh into wasm/pkg/web/). No framework, no bundler.
//
// The editor is a <textarea> over a "backdrop" <div> with the same box, font
// and wrapping. The backdrop mirrors the text (drawn transparent) and wraps
// each diagnostic's UTF-16 span [start, end) in a <mark> carrying the wavy
// underline. Diagnostics are JS string offsets, so `text.slice(start, end)`
// is exactly the flagged text. The textarea stays on top (caret, selection,
// IME, undo all native); hovering is hit-tested against the marks' boxes.
import init, { lint, rules } from '../pkg/web/driftgate_wasm.js';

const DEBOUNCE_MS = 150;
const SAMPLE = `-- Migration SQL is linted as you type. Edit me.
CREATE INDEX orders_user_id_idx ON orders (user_id);
ALTER TABLE users ADD COLUMN nickname text NOT NULL;
`;

const $ = (id) => document.getElementById(id);
const editor = $('sql');
const backdrop = $('backdrop');
const dialect = $('dialect');
const status = $('status');
const list = $('diagnostics');
const tooltip = $('tooltip');

const SEVERITY_ORDER = { error: 3, warning: 2, info: 1 };
let diagnostics = [];
let ruleSummaries = new Map();
let lintCount = 0;
let lintedText = ''; // the text the marks refer to
let timer = 0;

function setStatus(state, text) {
  status.dataset.state = state;
  status.textContent = text;
}

// ---- rendering ----------------------------------------------------------------

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

// Cut the text at every diagnostic boundary; each piece is covered by a set
// (possibly empty) of diagnostics. Overlapping findings (two rules on one
// statement) so become adjacent marks whose sets differ, never nested ones.
function segments(text, diags) {
  const cuts = new Set([0, text.length]);
  for (const d of diags) {
    cuts.add(Math.min(d.start, text.length));
    cuts.add(Math.min(d.end, text.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const covering = [];
    diags.forEach((d, k) => { if (d.start <= from && to <= d.end && d.start < d.end) covering.push(k); });
    out.push({ from, to, covering });
  }
  // Empty spans (start == end) still get a visible, zero-length marker.
  diags.forEach((d, k) => {
    if (d.start === d.end) out.push({ from: d.start, to: d.start, covering: [k], empty: true });
  });
  return out.sort((a, b) => a.from - b.from || (a.empty ? -1 : 1));
}

function worst(indices) {
  return indices
    .map((k) => diagnostics[k].severity)
    .sort((a, b) => (SEVERITY_ORDER[b] || 0) - (SEVERITY_ORDER[a] || 0))[0];
}

function renderBackdrop(text) {
  const frag = document.createDocumentFragment();
  for (const seg of segments(text, diagnostics)) {
    const piece = text.slice(seg.from, seg.to);
    if (seg.covering.length === 0) {
      frag.append(piece);
      continue;
    }
    const mark = document.createElement('mark');
    mark.className = `diag sev-${worst(seg.covering)}${seg.empty ? ' empty' : ''}`;
    mark.dataset.diags = seg.covering.join(' ');
    mark.dataset.rules = seg.covering.map((k) => diagnostics[k].rule).join(' ');
    mark.dataset.start = seg.from;
    mark.dataset.end = seg.to;
    mark.textContent = piece;
    frag.append(mark);
  }
  // A trailing newline needs a character after it, or the backdrop is one
  // line shorter than the textarea and the scroll positions drift apart.
  frag.append(text.endsWith('\n') || text === '' ? '\u200b' : '');
  backdrop.replaceChildren(frag);
  syncScroll();
}

function renderList() {
  const items = diagnostics.map((d, k) => {
    const li = document.createElement('li');
    li.className = `sev-${d.severity}`;
    li.dataset.rule = d.rule;
    li.dataset.start = d.start;
    li.dataset.end = d.end;
    li.tabIndex = 0;
    li.title = 'select the flagged text';

    const head = document.createElement('div');
    head.className = 'head';
    const sev = document.createElement('span');
    sev.className = 'severity';
    sev.textContent = d.severity;
    const rule = document.createElement('code');
    rule.className = 'rule';
    rule.textContent = d.rule;
    if (ruleSummaries.has(d.rule)) rule.title = ruleSummaries.get(d.rule);
    const where = document.createElement('span');
    where.className = 'where';
    where.textContent = `${d.line}:${d.column}`;
    const msg = document.createElement('span');
    msg.className = 'message';
    msg.textContent = d.message;
    head.append(sev, rule, where, msg);
    li.append(head);
    if (d.help) {
      const help = document.createElement('div');
      help.className = 'help';
      help.textContent = d.help;
      li.append(help);
    }
    const select = () => {
      editor.focus();
      editor.setSelectionRange(d.start, d.end);
    };
    li.addEventListener('click', select);
    li.addEventListener('keydown', (e) => { if (e.key === 'Enter') select(); });
    li.dataset.index = k;
    return li;
  });
  if (items.length === 0) {
    const li = document.createElement('li');
    li.className = 'none';
    li.textContent = 'No findings.';
    items.push(li);
  }
  list.replaceChildren(...items);
}

// ---- linting ------------------------------------------------------------------

function runLint() {
  clearTimeout(timer);
  timer = 0;
  const text = editor.value;
  lintedText = text;
  const options = { dialect: dialect.value };
  const t0 = performance.now();
  try {
    diagnostics = lint(text, options);
  } catch (e) {
    diagnostics = [];
    setStatus('error', `lint failed: ${e.message}`);
    renderBackdrop(text);
    renderList();
    return;
  }
  const ms = performance.now() - t0;
  lintCount++;
  status.dataset.dialect = options.dialect;
  status.dataset.lintCount = lintCount;
  status.dataset.count = diagnostics.length;
  setStatus('ready', `${options.dialect} · ${plural(diagnostics.length, 'diagnostic')} · linted in ${ms.toFixed(1)} ms`);
  renderBackdrop(text);
  renderList();
  hideTooltip();
}

// Until the next lint, keep the marks on the text they flagged: a mark after
// the edit moves with it, one around the edit grows or shrinks with it, and
// one the edit cuts into is dropped.
function shiftMarks(before, after) {
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  const oldEnd = before.length - s;
  const delta = after.length - before.length;
  diagnostics = diagnostics.flatMap((d) => {
    if (d.end <= p) return [d];
    if (d.start >= oldEnd) return [{ ...d, start: d.start + delta, end: d.end + delta }];
    if (d.start <= p && d.end >= oldEnd) return [{ ...d, end: d.end + delta }];
    return [];
  });
}

function scheduleLint() {
  shiftMarks(lintedText, editor.value);
  lintedText = editor.value;
  renderBackdrop(editor.value);
  hideTooltip();
  status.dataset.state = 'pending';
  clearTimeout(timer);
  timer = setTimeout(runLint, DEBOUNCE_MS);
}

// ---- scrolling and hovering ---------------------------------------------------

function syncScroll() {
  backdrop.scrollTop = editor.scrollTop;
  backdrop.scrollLeft = editor.scrollLeft;
}

function hideTooltip() {
  tooltip.hidden = true;
  delete tooltip.dataset.diags;
}

function markAt(x, y) {
  for (const mark of backdrop.querySelectorAll('mark')) {
    for (const r of mark.getClientRects()) {
      // A few pixels of slack below the line box: the underline is there.
      if (x >= r.left - 2 && x <= r.right + 2 && y >= r.top && y <= r.bottom + 3) return mark;
    }
  }
  return null;
}

function showTooltip(mark, x, y) {
  const indices = mark.dataset.diags.split(' ').map(Number);
  if (tooltip.dataset.diags !== mark.dataset.diags) {
    tooltip.replaceChildren(...indices.map((k) => {
      const d = diagnostics[k];
      const item = document.createElement('div');
      item.className = `item sev-${d.severity}`;
      const head = document.createElement('div');
      head.className = 'head';
      head.innerHTML = '<code class="rule"></code> <span class="severity"></span>';
      head.querySelector('.rule').textContent = d.rule;
      head.querySelector('.severity').textContent = d.severity;
      const msg = document.createElement('div');
      msg.className = 'message';
      msg.textContent = d.message;
      item.append(head, msg);
      if (d.help) {
        const help = document.createElement('div');
        help.className = 'help';
        help.textContent = d.help;
        item.append(help);
      }
      return item;
    }));
    tooltip.dataset.diags = mark.dataset.diags;
  }
  tooltip.hidden = false;
  // Below the hovered line, kept inside the viewport.
  const line = [...mark.getClientRects()].find((r) => y >= r.top && y <= r.bottom + 3) || mark.getBoundingClientRect();
  const w = tooltip.offsetWidth;
  const h = tooltip.offsetHeight;
  let left = Math.min(Math.max(8, x - 24), window.innerWidth - w - 8);
  let top = line.bottom + 6;
  if (top + h > window.innerHeight - 8) top = Math.max(8, line.top - h - 6);
  tooltip.style.left = `${left}px`;
  tooltip.style.top = `${top}px`;
}

editor.addEventListener('mousemove', (e) => {
  const mark = markAt(e.clientX, e.clientY);
  if (mark) showTooltip(mark, e.clientX, e.clientY);
  else hideTooltip();
});
editor.addEventListener('mouseleave', hideTooltip);
editor.addEventListener('scroll', () => { syncScroll(); hideTooltip(); });
editor.addEventListener('input', scheduleLint);
dialect.addEventListener('change', runLint);

// ---- start --------------------------------------------------------------------

try {
  await init();
  ruleSummaries = new Map(rules().map((r) => [r.id, r.summary]));
} catch (e) {
  setStatus('error', `could not load the wasm package (${e.message}). Build it with scripts/build-wasm.sh and serve this folder with node wasm/playground/serve.mjs.`);
  throw e;
}
if (editor.value === '') editor.value = SAMPLE;
runLint();
editor.focus();
