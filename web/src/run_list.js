// `fhebench serve`'s front page: every run under the results folder, newest first.
import { escapeHtml } from './format.js';

// Many tools stay readable: the first few, then how many more (all of them on hover).
function shortList(items, shown = 6) {
  return items.length <= shown ? items.join(', ') : `${items.slice(0, shown).join(', ')} … +${items.length - shown} more`;
}

export function renderRunList(app, runs) {
  document.title = 'fhebench runs';
  const rows = runs
    .map((r) => `<tr data-run="${escapeHtml(r.id)}"><td><a href="?run=${encodeURIComponent(r.id)}">${escapeHtml(r.id)}</a></td>` +
      `<td><span class="badge ${r.status === 'complete' ? 'ok' : 'warn'}">${escapeHtml(r.status)}</span></td><td>${escapeHtml(r.started ?? '')}</td>` +
      `<td class="num">${r.cells ?? '–'}</td><td class="num ${r.not_ok ? 'bad' : ''}">${r.not_ok ?? '–'}</td>` +
      `<td class="wrap" title="${escapeHtml((r.tools ?? []).join(', '))}">${escapeHtml(shortList(r.tools ?? []))}</td><td class="wrap">${escapeHtml((r.benchmarks ?? []).join(', '))}</td>` +
      `<td>${escapeHtml(r.machine ?? '')}</td><td>${r.has_site ? `<a href="runs/${encodeURIComponent(r.id)}/site/index.html">static site</a>` : ''}</td></tr>`)
    .join('');
  app.innerHTML = `<header class="run-head"><h1>fhebench runs</h1><p class="muted">${runs.length} run${runs.length === 1 ? '' : 's'} in the results folder</p></header>
<main>${runs.length ? `<div class="table-wrap"><table id="runs"><thead><tr><th>run</th><th>status</th><th>started</th><th>cells</th><th>not ok</th><th>tools</th><th>benchmarks</th><th>machine</th><th></th></tr></thead><tbody>${rows}</tbody></table></div>` : '<p class="empty">No runs yet: <code>fhebench run</code> makes one.</p>'}</main>`;
  window.fhebench = { runs, ready: true };
  document.body.dataset.ready = '1';
}
