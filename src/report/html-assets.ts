/**
 * The style sheet and the script report.html carries inline (the file opens from file:// with no
 * network, so nothing is linked). Both are constants: no report value is ever put in them, and
 * the page's Content-Security-Policy allows exactly these two by their SHA-256 (html-page.ts).
 */

export const REPORT_CSS = `
:root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --soft: #f6f8fa;
  --good: #1a7f37; --warn: #9a6700; --bad: #cf222e; --info: #0969da; --skip: #6e7781;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: var(--bg); }
[hidden] { display: none !important; }
body { margin: 0; }
header, main, footer { max-width: 1200px; margin: 0 auto; padding: 0 20px; }
header h1 { font-size: 20px; margin: 18px 0 2px; }
.sub, .muted { color: var(--muted); }
h2 { font-size: 17px; margin: 24px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h4 { font-size: 13px; margin: 10px 0 4px; }
h5 { font-size: 12px; margin: 8px 0 2px; color: var(--muted); font-weight: 600; }
code, pre, .id { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 12px; }
pre { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; margin: 0 0 6px;
  white-space: pre-wrap; word-break: break-all; max-height: 420px; overflow: auto; }
pre.cmd { user-select: all; border-left: 3px solid var(--info); }
.banner { display: flex; gap: 18px; align-items: center; border-radius: 8px; padding: 14px 18px; margin: 14px 0; color: #fff; }
.banner .word { font-size: 26px; font-weight: 700; letter-spacing: .04em; white-space: nowrap; }
.banner p { margin: 2px 0; }
.banner .why { font-weight: 600; }
.v-certified { background: var(--good); } .v-partial { background: var(--warn); } .v-not { background: var(--bad); }
.counts { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0 4px; }
.count { display: flex; flex-direction: column; align-items: flex-start; min-width: 88px; padding: 6px 12px; border: 1px solid var(--line);
  border-radius: 6px; background: var(--bg); font: inherit; color: inherit; text-align: left; }
button.count { cursor: pointer; } button.count:hover { background: var(--soft); }
.count .n { font-size: 20px; font-weight: 700; } .count .label { color: var(--muted); font-size: 12px; }
.c-passed .n { color: var(--good); } .c-failed .n { color: var(--bad); } .c-warning .n { color: var(--warn); } .c-skipped .n { color: var(--skip); }
.c-known .n, .c-fixed .n { color: var(--info); } .c-expired .n { color: var(--bad); }
nav { margin: 10px 0; } nav a { margin-right: 14px; color: var(--info); }
.filters { position: sticky; top: 0; z-index: 1; background: var(--bg); padding: 8px 0; border-bottom: 1px solid var(--line); }
.filters .row { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; margin: 2px 0; }
.filters select, .filters input, .filters button { font: inherit; padding: 2px 6px; }
.filters input { width: 240px; }
.filters select { max-width: 170px; }
.shown { margin: 0 0 0 auto; color: var(--muted); }
details.check { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; background: var(--bg); }
details.check > summary { display: flex; gap: 10px; align-items: baseline; padding: 6px 10px; cursor: pointer; list-style-position: inside; }
details.check[open] > summary { background: var(--soft); border-bottom: 1px solid var(--line); }
details.check[data-status="failed"] { border-left: 4px solid var(--bad); }
details.check[data-status="warning"] { border-left: 4px solid var(--warn); }
summary .title { flex: 1; } summary .dur { color: var(--muted); white-space: nowrap; font-size: 12px; }
.status, .level, .mark, .tag { display: inline-block; border-radius: 4px; padding: 0 6px; font-size: 11px; font-weight: 700; white-space: nowrap; }
.st-passed { background: #dafbe1; color: var(--good); } .st-failed { background: #ffebe9; color: var(--bad); }
.st-warning { background: #fff8c5; color: var(--warn); } .st-skipped { background: #eaeef2; color: var(--skip); }
.level { border: 1px solid var(--line); color: var(--muted); }
.mark { background: #ddf4ff; color: var(--info); } .mark-expired { background: #ffebe9; color: var(--bad); }
.tag { background: var(--soft); border: 1px solid var(--line); font-weight: 400; }
.body { padding: 8px 12px 10px; }
table { border-collapse: collapse; }
.facts th, .meta th { text-align: left; vertical-align: top; padding: 3px 14px 3px 0; color: var(--muted); font-weight: 600; white-space: nowrap; }
.facts td, .meta td { padding: 3px 0; vertical-align: top; }
blockquote { margin: 4px 0 0; padding: 2px 10px; border-left: 3px solid var(--line); color: var(--fg); }
.message { font-weight: 600; color: var(--bad); margin: 10px 0 4px; }
details.check[data-status="warning"] .message { color: var(--warn); }
.pair { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 12px; }
.steps ol { padding-left: 20px; margin: 0; } .steps li { margin: 4px 0; }
details.step > summary, details.wire > summary, details.coverage > summary { cursor: pointer; color: var(--info); }
.good { color: var(--good); font-weight: 600; } .bad { color: var(--bad); font-weight: 600; }
.grid { width: 100%; } .grid th, .grid td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
.grid thead th { background: var(--soft); } .grid tr.uncovered td { background: #ffebe9; } .grid td.ids { font-size: 12px; }
.check-link { color: var(--info); font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
footer { color: var(--muted); font-size: 12px; margin: 30px auto 20px; }
@media (max-width: 800px) { .pair { grid-template-columns: minmax(0, 1fr); } details.check > summary { flex-wrap: wrap; } }
@media print { .filters, nav { display: none !important; } details.check { break-inside: avoid; } }
`;

/**
 * Filters, search and links to checks. The state of the filters is kept in the fragment
 * (`#status=failed&q=nonce`), so a filtered view can be linked; a fragment naming a check
 * (`#check-ID`, as the coverage table links) opens that check, clearing filters that hide it.
 */
export const REPORT_JS = `
(function () {
  'use strict';
  var doc = document;
  var checks = Array.prototype.slice.call(doc.querySelectorAll('details.check'));
  var ids = { status: 'f-status', level: 'f-level', section: 'f-section', tag: 'f-tag', baseline: 'f-baseline', q: 'f-search' };
  var inputs = {};
  Object.keys(ids).forEach(function (key) { var node = doc.getElementById(ids[key]); if (node) inputs[key] = node; });
  var shown = doc.getElementById('shown');
  var empty = doc.getElementById('empty');

  function state() { var s = {}; Object.keys(inputs).forEach(function (k) { s[k] = inputs[k].value; }); return s; }
  function setState(s) {
    Object.keys(inputs).forEach(function (k) {
      var node = inputs[k];
      node.value = s[k] || '';
      if (node.tagName === 'SELECT' && node.selectedIndex < 0) node.selectedIndex = 0;
    });
  }
  function matches(d, s, words) {
    if (s.status && d.status !== s.status) return false;
    if (s.level && d.level !== s.level) return false;
    if (s.section && d.section !== s.section) return false;
    if (s.tag && (' ' + d.tags + ' ').indexOf(' ' + s.tag + ' ') < 0) return false;
    if (s.baseline && d.baseline !== s.baseline) return false;
    for (var i = 0; i < words.length; i++) if (d.search.indexOf(words[i]) < 0) return false;
    return true;
  }
  function remember(s) {
    var parts = [];
    Object.keys(s).forEach(function (k) { if (s[k]) parts.push(k + '=' + encodeURIComponent(s[k])); });
    try { history.replaceState(null, '', parts.length ? '#' + parts.join('&') : location.pathname + location.search); } catch (e) { /* the view still works, unlinked */ }
  }
  function apply(save) {
    var s = state();
    var words = (s.q || '').toLowerCase().split(/\\s+/).filter(Boolean);
    var n = 0;
    checks.forEach(function (node) { var ok = matches(node.dataset, s, words); node.hidden = !ok; if (ok) n++; });
    shown.textContent = n + ' of ' + checks.length + ' checks shown';
    empty.hidden = n !== 0;
    if (save) remember(s);
  }
  function fromHash() {
    var h = location.hash.slice(1);
    if (h.indexOf('=') < 0) return null;
    var s = {};
    h.split('&').forEach(function (p) {
      var i = p.indexOf('=');
      if (i > 0 && ids[p.slice(0, i)]) { try { s[p.slice(0, i)] = decodeURIComponent(p.slice(i + 1)); } catch (e) { /* a bad escape: ignored */ } }
    });
    return s;
  }
  function reveal() {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    var node = doc.getElementById(id);
    if (!node || !node.classList.contains('check')) return;
    if (node.hidden) { setState({}); apply(false); }
    node.open = true;
    node.scrollIntoView();
  }
  function onHash() { var s = fromHash(); if (s) { setState(s); apply(false); } else reveal(); }

  doc.getElementById('filters').hidden = false;
  apply(false);
  onHash();
  Object.keys(inputs).forEach(function (k) { inputs[k].addEventListener(k === 'q' ? 'input' : 'change', function () { apply(true); }); });
  doc.getElementById('f-reset').addEventListener('click', function () { setState({}); apply(true); });
  doc.getElementById('f-open').addEventListener('click', function () { checks.forEach(function (n) { if (!n.hidden) n.open = true; }); });
  doc.getElementById('f-close').addEventListener('click', function () { checks.forEach(function (n) { n.open = false; }); });
  Array.prototype.forEach.call(doc.querySelectorAll('[data-set-status]'), function (button) {
    button.addEventListener('click', function () {
      var s = state();
      s.status = button.getAttribute('data-set-status');
      setState(s);
      apply(true);
      doc.getElementById('checks').scrollIntoView();
    });
  });
  window.addEventListener('hashchange', onHash);
})();
`;
