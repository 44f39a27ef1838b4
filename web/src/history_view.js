// The history view of a run's site: per cell of the run, a trend line of its medians across the
// runs of the same machine (with the 95% interval as a band when runs have one), steps marked,
// versions on hover, and links to every run.
import { CategoryScale, Chart, Filler, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

import { escapeHtml, fmtSeconds, unitFor } from './format.js';
import { historyPoints, seriesKey, stepText } from './history_model.js';

Chart.register(LineController, LineElement, PointElement, Filler, CategoryScale, LinearScale, Tooltip);

const LINE = '#4e79a7', SLOWER = '#d62728', FASTER = '#2ca02c';

function tooltipHtml(p) {
  const ci = p.low != null && p.high != null ? ` [${fmtSeconds(p.low)}, ${fmtSeconds(p.high)}]` : '';
  return `<div class="tt-title">${escapeHtml(p.run)}</div><div class="tt-sub">${escapeHtml(p.date)}</div>
<table><tr data-phase="total" data-seconds="${p.median ?? ''}"><th>median</th><td class="v">${escapeHtml(fmtSeconds(p.median))}${escapeHtml(ci)}</td></tr>
<tr><th>versions</th><td class="versions">${escapeHtml(p.versions || '–')}</td></tr><tr><th>fhebench</th><td>${escapeHtml(p.commit || '?')}</td></tr></table>
${p.step ? `<div class="tt-status ${p.step.kind === 'regression' ? 'bad' : 'ok'}">step: ${escapeHtml(p.step.kind)}</div>` : ''}`;
}

function showPointTooltip({ chart, tooltip }, points) {
  const t = document.getElementById('tooltip');
  if (!t) return;
  if (tooltip.opacity === 0 || !tooltip.dataPoints?.length) {
    t.hidden = true;
    return;
  }
  t.innerHTML = tooltipHtml(points[tooltip.dataPoints[0].dataIndex]);
  t.hidden = false;
  const r = chart.canvas.getBoundingClientRect();
  t.style.left = `${r.left + window.scrollX + tooltip.caretX + 14}px`;
  t.style.top = `${r.top + window.scrollY + tooltip.caretY + 10}px`;
}

function lineChart(box, points) {
  const unit = unitFor(Math.max(0, ...points.map((p) => p.high ?? p.median ?? 0)));
  const v = (s) => (s == null ? null : s * unit.factor);
  const color = (p) => (p.step ? (p.step.kind === 'regression' ? SLOWER : FASTER) : LINE);
  const band = (key, fill) => ({ label: key, data: points.map((p) => v(p[key])), borderWidth: 0, pointRadius: 0, fill, backgroundColor: 'rgba(78,121,167,0.15)' });
  const canvas = document.createElement('canvas');
  box.appendChild(canvas);
  const chart = new Chart(canvas, {
    type: 'line',
    data: {
      labels: points.map((p) => p.label),
      datasets: [
        { label: 'median', data: points.map((p) => v(p.median)), borderColor: LINE, pointBackgroundColor: points.map(color),
          pointRadius: points.map((p) => (p.step ? 7 : 4)), pointStyle: points.map((p) => (p.step ? 'triangle' : 'circle')), spanGaps: true },
        band('low', false), band('high', '-1'),
      ],
    },
    options: {
      animation: false, maintainAspectRatio: false, interaction: { mode: 'index', intersect: false },
      scales: { y: { title: { display: true, text: `median total (${unit.name})` } } },
      // false: the bar charts' error-bar plugin (charts.js) is registered globally and is not for lines.
      plugins: { legend: { display: false }, fhebenchAnnotations: false, tooltip: { enabled: false, external: (ctx) => showPointTooltip(ctx, points) } },
    },
  });
  chart.$fhebench = { unit, points };
  return chart;
}

function card(series, base, current) {
  const points = historyPoints(series, base);
  const section = document.createElement('section');
  section.className = 'card history';
  section.dataset.series = seriesKey(series);
  const steps = (series.steps ?? []).map((s) => `<li class="${s.kind}">${escapeHtml(stepText(series, s))}</li>`).join('');
  const runs = points.map((p) => `<li><a href="${escapeHtml(p.href)}" data-run="${escapeHtml(p.run)}">${escapeHtml(p.run)}</a>` +
    `${p.run === current ? ' (this run)' : ''} · ${escapeHtml(fmtSeconds(p.median))}${p.status !== 'ok' ? ` · ${escapeHtml(p.status)}` : ''}</li>`).join('');
  section.innerHTML = `<h2>${escapeHtml(seriesKey(series))}</h2>
<p class="card-note">${points.length} run${points.length === 1 ? '' : 's'} on this machine · line: median total · band: 95% interval where the run has one · ▲ a step (red slower, green faster)</p>
<div class="chart-box" style="height:220px"></div>
${steps ? `<ul class="steps">${steps}</ul>` : '<p class="muted no-steps">No steps.</p>'}
<details class="runs"><summary>runs</summary><ul>${runs}</ul></details>`;
  return { section, points };
}

// Renders into `content`; returns the charts by series key (for the tests, like the run view's).
export function renderHistory(content, data) {
  const h = data.history ?? {};
  const charts = new Map();
  if (h.error) {
    content.innerHTML = `<p class="error">No history: ${escapeHtml(h.error)}</p>`;
    return charts;
  }
  content.innerHTML = `<p class="muted" id="history-machine">Machine ${escapeHtml(h.machine)}: ${escapeHtml(h.machine_label)} (runs of other machines are not mixed in)</p>`;
  for (const s of h.series ?? []) {
    const { section, points } = card(s, data.base, h.current);
    content.appendChild(section);
    charts.set(section.dataset.series, lineChart(section.querySelector('.chart-box'), points));
  }
  if (!charts.size) content.insertAdjacentHTML('beforeend', '<p class="empty">No indexed runs of these cells.</p>');
  return charts;
}
