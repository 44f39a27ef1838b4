// The charts' tooltip as HTML (Chart.js "external" tooltip), so it can show a table with every
// phase's median and spread, and so tests can read exactly what a person sees.
import { escapeHtml, fmtRatio, fmtSeconds } from './format.js';
import { isFine, label, paramsText, phasesOf, securityText } from './model.js';

function el() {
  return document.getElementById('tooltip');
}

export function hideTooltip() {
  const t = el();
  if (t) t.hidden = true;
}

export function tooltipHtml(cell) {
  const rows = [...phasesOf(cell), 'total']
    .map((p) => {
      const s = cell.phases?.[p];
      if (!s || !s.n) return `<tr data-phase="${p}"><th>${p}</th><td>–</td><td></td></tr>`;
      return `<tr data-phase="${p}" data-seconds="${s.median}"><th>${p}</th><td class="v">${fmtSeconds(s.median)}</td>` +
        `<td class="sd">± ${fmtSeconds(s.sd ?? 0)}</td></tr>`;
    })
    .join('');
  const n = cell.phases?.total?.n ?? 0;
  const status = isFine(cell) ? cell.status : `✗ ${cell.status}${cell.reason ? ': ' + cell.reason : ''}`;
  return `<div class="tt-title">${escapeHtml(label(cell))}</div>
<div class="tt-sub">${escapeHtml(cell.benchmark)} · ${escapeHtml(cell.size_key)} · ${escapeHtml(cell.scheme)}${paramsText(cell) ? ' · ' + escapeHtml(paramsText(cell)) : ''}</div>
<table>${rows}</table>
<div class="tt-foot">median of ${n} repetition${n === 1 ? '' : 's'}${cell.vs_plaintext != null ? ` · ${fmtRatio(cell.vs_plaintext)}× plaintext` : ''} · security ${escapeHtml(securityText(cell.security))}</div>
<div class="tt-status ${isFine(cell) ? 'ok' : 'bad'}">${escapeHtml(status)}</div>`;
}

export function showTooltip(context, cells, _unit) {
  const { chart, tooltip } = context;
  const t = el();
  if (!t) return;
  if (tooltip.opacity === 0 || !tooltip.dataPoints?.length) {
    t.hidden = true;
    return;
  }
  const cell = cells[tooltip.dataPoints[0].dataIndex];
  const key = `${cell.impl}|${cell.size_key}`;
  if (t.dataset.cell !== key || t.hidden) {
    t.innerHTML = tooltipHtml(cell);
    t.dataset.cell = key;
  }
  t.hidden = false;
  const r = chart.canvas.getBoundingClientRect();
  const w = t.offsetWidth;
  let left = r.left + window.scrollX + tooltip.caretX + 14;
  if (left + w > window.scrollX + document.documentElement.clientWidth - 8) left = r.left + window.scrollX + tooltip.caretX - w - 14;
  t.style.left = `${Math.max(window.scrollX + 4, left)}px`;
  t.style.top = `${r.top + window.scrollY + tooltip.caretY + 10}px`;
}
