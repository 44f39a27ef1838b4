// One horizontal bar chart per benchmark and size: the four phases stacked on a linear axis,
// or grouped (with the total) on a log axis, since stacked bars on a log axis mislead.
// Rows are implementations, so 20 of them still read; cells that are not ok are hatched red
// and say so in their label; error bars are the standard deviation over the repetitions.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LogarithmicScale, Tooltip } from 'chart.js';

import { unitFor } from './format.js';
import { PHASES, chartPhases, hasFigures, intervalOfPhases, isFine, median, rowLabel } from './model.js';
import { hideTooltip, showTooltip } from './tooltip.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LogarithmicScale, Tooltip, Legend);

export const COLORS = { compile: '#9c755f', keygen: '#4e79a7', encrypt: '#f28e2b', compute: '#59a14f', decrypt: '#b07aa1', total: '#5f5f5f' };
const BAD = '#d62728';
const patterns = new Map();

function hatch(color) {
  if (!patterns.has(color)) {
    const c = document.createElement('canvas');
    c.width = c.height = 8;
    const g = c.getContext('2d');
    g.fillStyle = color;
    g.fillRect(0, 0, 8, 8);
    g.strokeStyle = BAD;
    g.lineWidth = 2;
    g.beginPath();
    for (const o of [-8, 0, 8]) {
      g.moveTo(o, 8);
      g.lineTo(o + 8, 0);
    }
    g.stroke();
    patterns.set(color, g.createPattern(c, 'repeat'));
  }
  return patterns.get(color);
}

// Error bars and "no timings" notes, drawn after the bars.
const annotations = {
  id: 'fhebenchAnnotations',
  afterDatasetsDraw(chart) {
    const opts = chart.options.plugins.fhebenchAnnotations;
    if (!opts) return;
    const { ctx, scales } = chart;
    const x = scales.x;
    const y = scales.y;
    ctx.save();
    opts.errorBars.forEach((e, i) => {
      if (!e || !(e.high > e.low) || !(e.center > 0)) return;
      const lo = x.getPixelForValue(Math.max(e.low, x.min));
      const hi = x.getPixelForValue(Math.min(e.high, x.max));
      const py = e.dataset == null ? y.getPixelForValue(i) : chart.getDatasetMeta(e.dataset).data[i]?.y;
      if (py == null) return;
      ctx.strokeStyle = '#111';
      ctx.lineWidth = 1.2;
      ctx.beginPath();
      ctx.moveTo(lo, py);
      ctx.lineTo(hi, py);
      for (const px of [lo, hi]) {
        ctx.moveTo(px, py - 4);
        ctx.lineTo(px, py + 4);
      }
      ctx.stroke();
    });
    ctx.fillStyle = BAD;
    ctx.font = '12px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    opts.notes.forEach((note, i) => {
      if (note) ctx.fillText(note, x.left + 6, y.getPixelForValue(i));
    });
    ctx.restore();
  },
};
Chart.register(annotations);

// Log axis: label 1, 2 and 5 times powers of ten only, so labels never overlap.
function logTick(v) {
  const m = Math.round(v / 10 ** Math.floor(Math.log10(v) + 1e-9));
  return m === 1 || m === 2 || m === 5 ? String(Number(v.toPrecision(2))) : '';
}

function unitOf(cells, log) {
  let max = 0;
  for (const c of cells) max = Math.max(max, median(c, 'total') ?? 0);
  return unitFor(log ? max / 10 : max);
}

function datasets(cells, phases, log, unit) {
  const sets = phases.map((p) => ({
    label: p,
    phase: p,
    data: cells.map((c) => {
      const v = median(c, p);
      return v == null || (log && v <= 0) ? null : v * unit.factor;
    }),
    backgroundColor: cells.map((c) => (isFine(c) ? COLORS[p] : hatch(COLORS[p]))),
    borderColor: cells.map((c) => (isFine(c) ? COLORS[p] : BAD)),
    borderWidth: cells.map((c) => (isFine(c) ? 0 : 1.5)),
    stack: log ? p : 'phases',
  }));
  if (log) {
    sets.push({
      label: 'total',
      phase: 'total',
      data: cells.map((c) => (median(c, 'total') > 0 ? median(c, 'total') * unit.factor : null)),
      backgroundColor: cells.map((c) => (isFine(c) ? COLORS.total : hatch(COLORS.total))),
      borderColor: cells.map((c) => (isFine(c) ? COLORS.total : BAD)),
      borderWidth: cells.map((c) => (isFine(c) ? 0 : 1.5)),
      stack: 'total',
    });
  }
  return sets;
}

// Room for the error bars on the linear axis.
function axisMax(cells, phases, unit) {
  let max = 0;
  for (const c of cells) {
    if (!hasFigures(c)) continue;
    const sum = phases.reduce((s, p) => s + (median(c, p) ?? 0), 0);
    max = Math.max(max, sum, interval(c, phases)?.high ?? 0);
  }
  return max * unit.factor;
}

// The 95% interval of the median of the shown phases' sum: from the repetitions when the
// site has them, else summary.json's interval of the total (all phases shown).
function interval(c, phases) {
  if (c.reps?.length) return intervalOfPhases(c, phases);
  const ci = c.phases?.total?.ci;
  return ci && phases.length === PHASES.length ? { low: ci.low, high: ci.high } : null;
}

// Error bars: the median's 95% interval, not ±1 sd (times are skewed).
function errorBars(cells, phases, log, unit, totalIndex) {
  return cells.map((c) => {
    if (!hasFigures(c)) return null;
    const shown = log ? PHASES : phases;
    const ci = interval(c, shown);
    if (!ci) return null;
    const center = log ? median(c, 'total') : phases.reduce((s, p) => s + (median(c, p) ?? 0), 0);
    return { center: center * unit.factor, low: ci.low * unit.factor, high: ci.high * unit.factor, dataset: log ? totalIndex : undefined };
  });
}

// Draws one group ({benchmark, size_key, cells}) into `holder`; returns the Chart.
export function renderChart(holder, group, state, hooks) {
  const log = state.scale === 'log';
  const phases = chartPhases(group.cells).filter((p) => state.phases.has(p));
  const cells = group.cells;
  const unit = unitOf(cells, log);
  const rowHeight = log ? 12 + 7 * (phases.length + 1) : 26;
  holder.style.height = `${70 + cells.length * rowHeight}px`;
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `${group.benchmark} ${group.size_key}: time per phase and implementation`);
  holder.replaceChildren(canvas);
  const sets = datasets(cells, phases, log, unit);
  const chart = new Chart(canvas, {
    type: 'bar',
    data: { labels: cells.map(rowLabel), datasets: sets },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', axis: 'y', intersect: false },
      scales: {
        x: {
          type: log ? 'logarithmic' : 'linear',
          stacked: !log,
          title: { display: true, text: `time (${unit.name})${log ? ', log scale' : ''}` },
          ticks: log ? { callback: logTick, maxRotation: 0, autoSkip: false } : { maxRotation: 0 },
          suggestedMax: log ? undefined : axisMax(cells, phases, unit),
        },
        y: {
          stacked: !log,
          ticks: { autoSkip: false, color: (ctx) => (isFine(cells[ctx.index] ?? {}) ? '#222' : BAD) },
        },
      },
      plugins: {
        legend: {
          position: 'top',
          onClick: (_e, item) => {
            const phase = sets[item.datasetIndex]?.phase;
            if (phase !== 'total') hooks.togglePhase(phase);
          },
        },
        tooltip: { enabled: false, external: (ctx) => showTooltip(ctx, cells, unit) },
        fhebenchAnnotations: {
          errorBars: errorBars(cells, phases, log, unit, sets.length - 1),
          notes: cells.map((c) => (hasFigures(c) ? '' : `✗ ${c.status}: no timings${c.reason ? ' – ' + c.reason.slice(0, 80) : ''}`)),
        },
      },
      onClick: (e) => {
        const hit = chart.getElementsAtEventForMode(e, 'index', { axis: 'y', intersect: false }, false)[0];
        if (hit) hooks.openDetail(cells[hit.index]);
      },
    },
  });
  canvas.addEventListener('mouseleave', hideTooltip);
  chart.$fhebench = { group, unit, log, phases };
  return chart;
}
