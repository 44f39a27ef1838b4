// A cell's details: parameters, security, sizes, correctness, every repetition, the machine,
// and links to the raw files of the run folder.
import { escapeHtml, fmtBytes, fmtRatio, fmtSeconds } from './format.js';
import { isFine, label, paramsText, phasesOf, securityText } from './model.js';

function kv(obj, fmt = (k, v) => escapeHtml(typeof v === 'object' ? JSON.stringify(v) : v)) {
  const entries = Object.entries(obj ?? {});
  if (!entries.length) return '<p class="muted">none reported</p>';
  return `<table class="kv">${entries.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${fmt(k, v)}</td></tr>`).join('')}</table>`;
}

function repsTable(cell) {
  const reps = cell.reps ?? [];
  if (!reps.length) return '<p class="muted">no repetition records</p>';
  const phases = phasesOf(cell);
  const head = ['#', 'status', ...phases, 'total', 'wall', 'memory'].map((h) => `<th>${h}</th>`).join('');
  const body = reps
    .map((r) => `<tr class="${r.status === 'ok' ? '' : 'bad-row'}"><td>${r.repetition}</td><td>${escapeHtml(r.status)}${r.correct === false && r.status === 'ok' ? ' (not verified)' : ''}</td>` +
      phases.map((p) => `<td class="num">${r.phases && p in r.phases ? fmtSeconds(r.phases[p]) : '–'}</td>`).join('') +
      `<td class="num">${r.total != null ? fmtSeconds(r.total) : '–'}</td><td class="num">${fmtSeconds(r.wall_s)}</td>` +
      `<td class="num">${fmtBytes(r.peak_rss_bytes)}</td></tr>`)
    .join('');
  return `<div class="table-wrap"><table class="reps"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

function links(cell, base) {
  const f = cell.files ?? {};
  const items = [];
  if (f.csv) items.push(`<a href="${escapeHtml(base + f.csv)}">${escapeHtml(f.csv)}</a>`);
  for (const name of f.list ?? []) items.push(`<a href="${escapeHtml(`${base}${f.dir}/${name}`)}">${escapeHtml(name)}</a>`);
  return items.length ? `<ul class="files">${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : '<p class="muted">none</p>';
}

const sizeFmt = (k, v) => (typeof v === 'number' && /bytes$/.test(k) ? `${fmtBytes(v)} (${v} B)` : escapeHtml(v));

export function detailHtml(cell, data) {
  const c = cell.counts ?? {};
  const counts = Object.entries(c).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(', ') || 'none';
  const sec = cell.security ?? {};
  return `<header><h2>${escapeHtml(label(cell))}</h2><button type="button" class="close" aria-label="Close">×</button></header>
<p class="sub">${escapeHtml(cell.benchmark)} · ${escapeHtml(cell.size_key)} · ${escapeHtml(cell.scheme)} · <code>${escapeHtml(cell.impl)}</code></p>
<section><h3>Correctness</h3>
<p class="status ${isFine(cell) ? 'ok' : 'bad'}">${isFine(cell) ? '✓' : '✗'} ${escapeHtml(cell.status)} <span class="muted">(repetitions: ${escapeHtml(counts)})</span></p>
${cell.reason ? `<p class="reason">${escapeHtml(cell.reason)}</p>` : ''}
${cell.precision_bits != null ? `<p>precision: ${Number(cell.precision_bits).toFixed(1)} bits (worst repetition)</p>` : ''}</section>
<section><h3>Timings (median of ${cell.phases?.total?.n ?? 0})</h3>${kv(Object.fromEntries([...phasesOf(cell), 'total'].map((p) => [p, cell.phases?.[p]])), (_k, s) => (s && s.n ? `${fmtSeconds(s.median)} <span class="muted">95% CI [${fmtSeconds(s.ci?.low)}, ${fmtSeconds(s.ci?.high)}]${s.ci && s.ci.coverage < 0.95 ? ` (covers ${Math.round(s.ci.coverage * 100)}%)` : ''} · sd ${fmtSeconds(s.sd)} (min ${fmtSeconds(s.min)}, max ${fmtSeconds(s.max)})</span>` : '–'))}
${cell.stop ? `<p>stop: ${escapeHtml(cell.stop)}</p>` : ''}${(cell.warnings ?? []).map((w) => `<p class="bad">warning: ${escapeHtml(w)}</p>`).join('')}
<p>${cell.vs_plaintext != null ? `${fmtRatio(cell.vs_plaintext)}× the plaintext baseline · ` : ''}peak memory ${fmtBytes(cell.peak_rss_bytes?.median)} (median; max ${fmtBytes(cell.peak_rss_bytes?.max)}${cell.memory_method ? ', ' + escapeHtml(cell.memory_method) : ''})</p></section>
<section><h3>Parameters</h3><p>${escapeHtml(paramsText(cell)) || '<span class="muted">–</span>'}</p>${kv(cell.fhe)}</section>
<section><h3>Security</h3><p class="${sec.below_128 ? 'bad' : ''}">${escapeHtml(securityText(sec))}${sec.source && sec.source !== 'none' ? ` <span class="muted">(${escapeHtml(sec.source)})</span>` : ''}</p>${sec.note ? `<p class="muted">${escapeHtml(sec.note)}</p>` : ''}</section>
<section><h3>Sizes</h3>${kv(cell.sizes, sizeFmt)}</section>
<section><h3>Repetitions</h3>${repsTable(cell)}</section>
<section><h3>Machine</h3>${kv(data.run?.machine, sizeFmt)}</section>
<section><h3>Raw files</h3>${links(cell, data.base ?? '')}</section>`;
}

export function openDetail(panel, cell, data, onClose) {
  panel.innerHTML = detailHtml(cell, data);
  panel.hidden = false;
  panel.dataset.cell = `${cell.impl}|${cell.size_key}`;
  panel.querySelector('.close').addEventListener('click', onClose);
  panel.querySelector('.close').focus();
}
