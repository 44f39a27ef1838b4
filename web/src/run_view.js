// One run: header with what was run and where, the controls, and the charts or the table.
import { COLORS, renderChart } from './charts.js';
import { openDetail } from './detail.js';
import { escapeHtml, fmtBytes } from './format.js';
import { renderHistory } from './history_view.js';
import { PHASES, applyFilters, chartPhases, distinct, groups, isFine, sizeId } from './model.js';
import { renderTable } from './table.js';
import { hideTooltip } from './tooltip.js';

function header(data, served) {
  const run = data.run ?? {};
  const o = run.options ?? {};
  const m = run.machine ?? {};
  const cells = data.summary?.cells ?? [];
  const bad = cells.filter((c) => !isFine(c)).length;
  const base = data.base ?? '';
  const files = ['run.json', 'summary.json', 'summary.md', 'stats.csv', 'tables.tex', 'plot/']
    .map((f) => `<a href="${escapeHtml(base + f)}">${f}</a>`).join(' · ');
  return `<header class="run-head">
${served ? '<p><a href="./" id="all-runs">← all runs</a></p>' : ''}
<h1>fhebench run <span id="run-id">${escapeHtml(run.id)}</span> <span class="badge ${run.status === 'complete' ? 'ok' : 'warn'}">${escapeHtml(run.status)}</span></h1>
<p>${cells.length} cells, <span class="${bad ? 'bad' : ''}">${bad} not ok</span> · ${escapeHtml(o.repetitions)} repetitions (+${escapeHtml(o.warmup ?? 0)} warm-up) · ${escapeHtml(o.threads ?? 1)} thread(s) · seed ${escapeHtml(o.seed)} · inputs ${escapeHtml(o.case ?? 'generated')} · ${escapeHtml(o.executor ?? 'local')} executor</p>
<p class="muted">${escapeHtml(run.started)} → ${escapeHtml(run.finished ?? '…')} · fhebench ${escapeHtml(run.fhebench?.version)}${run.fhebench?.commit ? ` (${escapeHtml(run.fhebench.commit)})` : ''}</p>
<p class="muted" id="machine">${escapeHtml(m.cpu_model)} · ${escapeHtml(m.cores)} cores · ${fmtBytes(m.memory_bytes)} · ${escapeHtml(m.os)} · ${escapeHtml(m.kernel)} · ${escapeHtml(m.compiler)} · ${escapeHtml(m.hostname)}</p>
<p class="files">Raw: ${files}</p>
</header>`;
}

function filterBox(kind, title, values, hidden, text = (v) => v) {
  const boxes = values
    .map((v) => `<label><input type="checkbox" data-filter="${kind}" value="${escapeHtml(v)}" ${hidden.has(v) ? '' : 'checked'}> ${escapeHtml(text(v))}</label>`)
    .join('');
  return `<details class="filter" data-kind="${kind}"><summary>${title} <span class="count">(${values.length - hidden.size}/${values.length})</span></summary>
<div class="filter-actions"><button type="button" data-all="${kind}">all</button><button type="button" data-none="${kind}">none</button></div>
<div class="filter-list">${boxes}</div></details>`;
}

function controls(state, cells) {
  const phases = chartPhases(cells).map((p) => `<label class="phase"><input type="checkbox" data-phase="${p}" ${state.phases.has(p) ? 'checked' : ''}>` +
    `<span class="swatch" style="background:${COLORS[p]}"></span>${p}</label>`).join('');
  const sizes = [...new Map(cells.map((c) => [sizeId(c), c])).keys()];
  return `<div class="controls">
<div class="seg" role="group" aria-label="View"><button type="button" id="view-charts" aria-pressed="${state.view === 'charts'}">Charts</button><button type="button" id="view-table" aria-pressed="${state.view === 'table'}">Table</button>${state.hasHistory ? `<button type="button" id="view-history" aria-pressed="${state.view === 'history'}">History</button>` : ''}</div>
<fieldset class="seg"><legend>Scale</legend><label><input type="radio" name="scale" value="linear" ${state.scale === 'linear' ? 'checked' : ''}> linear, stacked</label><label><input type="radio" name="scale" value="log" ${state.scale === 'log' ? 'checked' : ''}> log, grouped</label></fieldset>
<fieldset><legend>Phases</legend>${phases}</fieldset>
${filterBox('tool', 'Tools', distinct(cells, (c) => c.tool), state.hiddenTools)}
${filterBox('scheme', 'Schemes', distinct(cells, (c) => c.scheme), state.hiddenSchemes)}
${filterBox('size', 'Sizes', sizes, state.hiddenSizes)}
</div>`;
}

export function renderRun(app, data, { served }) {
  const cells = data.summary?.cells ?? [];
  const state = {
    view: 'charts', scale: 'linear', phases: new Set(PHASES), hasHistory: Boolean(data.history),
    hiddenTools: new Set(), hiddenSchemes: new Set(), hiddenSizes: new Set(), sort: { key: null, dir: 'asc' },
  };
  const charts = new Map();
  let history = new Map();
  const hidden = { tool: state.hiddenTools, scheme: state.hiddenSchemes, size: state.hiddenSizes };
  document.title = `fhebench run ${data.run?.id ?? ''}`;
  app.innerHTML = `${header(data, served)}<div id="controls"></div><main id="content"></main><aside id="detail" hidden></aside>`;
  const content = app.querySelector('#content');
  const panel = app.querySelector('#detail');
  const closeDetail = () => { panel.hidden = true; delete panel.dataset.cell; };
  const hooks = {
    togglePhase: (p) => { state.phases.has(p) ? state.phases.delete(p) : state.phases.add(p); update(); },
    openDetail: (cell) => openDetail(panel, cell, data, closeDetail),
    setSort: (key, dir) => { state.sort = { key, dir }; update(); },
  };
  document.addEventListener('keydown', (e) => e.key === 'Escape' && closeDetail());

  function renderCharts(visible) {
    for (const c of charts.values()) c.destroy();
    charts.clear();
    const base = data.base ?? '';
    const plots = new Set();
    content.innerHTML = '';
    for (const g of groups(visible)) {
      const card = document.createElement('section');
      card.className = 'card';
      card.dataset.group = sizeId(g.cells[0]);
      const bad = g.cells.filter((c) => !isFine(c)).length;
      const plotLinks = plots.has(g.benchmark) ? '' : ['png', 'pdf', 'svg'].map((x) => `<a href="${escapeHtml(`${base}plot/plot_${g.benchmark}.${x}`)}">${x.toUpperCase()}</a>`).join(' ');
      plots.add(g.benchmark);
      card.innerHTML = `<h2>${escapeHtml(g.benchmark)} <span class="size">${escapeHtml(g.size_key)}</span></h2>
<p class="card-note">${g.cells.length} implementation${g.cells.length === 1 ? '' : 's'}${bad ? `, <span class="bad">${bad} not ok (hatched red, marked ✗)</span>` : ''} · bars: median per phase · error bars: standard deviation over the repetitions · click a row for details${plotLinks ? ` · plot: ${plotLinks}` : ''}</p>
<div class="chart-box"></div>`;
      content.appendChild(card);
      charts.set(card.dataset.group, renderChart(card.querySelector('.chart-box'), g, state, hooks));
    }
    if (!charts.size) content.innerHTML = '<p class="empty">No cells match the filters.</p>';
  }

  function update() {
    hideTooltip();
    app.querySelector('#controls').innerHTML = controls(state, cells);
    bindControls();
    const visible = applyFilters(cells, state);
    for (const c of history.values()) c.destroy();
    history = new Map();
    if (state.view === 'charts') renderCharts(visible);
    else {
      for (const c of charts.values()) c.destroy();
      charts.clear();
      if (state.view === 'history') history = renderHistory(content, data);
      else renderTable(content, visible, state, hooks);
    }
    window.fhebench = { data, state, charts, history, ready: true, renderedAt: performance.now() };
    document.body.dataset.ready = String(Number(document.body.dataset.ready ?? 0) + 1);
  }

  function bindControls() {
    const root = app.querySelector('#controls');
    root.querySelector('#view-charts').onclick = () => { state.view = 'charts'; update(); };
    root.querySelector('#view-table').onclick = () => { state.view = 'table'; update(); };
    root.querySelector('#view-history')?.addEventListener('click', () => { state.view = 'history'; update(); });
    root.querySelectorAll('input[name=scale]').forEach((i) => { i.onchange = () => { state.scale = i.value; update(); }; });
    root.querySelectorAll('input[data-phase]').forEach((i) => { i.onchange = () => hooks.togglePhase(i.dataset.phase); });
    root.querySelectorAll('input[data-filter]').forEach((i) => {
      i.onchange = () => { const set = hidden[i.dataset.filter]; i.checked ? set.delete(i.value) : set.add(i.value); update(); };
    });
    root.querySelectorAll('[data-all],[data-none]').forEach((b) => {
      b.onclick = () => {
        const kind = b.dataset.all ?? b.dataset.none;
        const set = hidden[kind];
        set.clear();
        if (b.dataset.none) root.querySelectorAll(`input[data-filter=${kind}]`).forEach((i) => set.add(i.value));
        update();
        app.querySelector(`details[data-kind=${kind}]`).open = true;
      };
    });
    // Keep a filter list open across re-renders while the person is using it.
    root.querySelectorAll('details.filter').forEach((d) => {
      d.open = openFilters.has(d.dataset.kind);
      d.ontoggle = () => (d.open ? openFilters.add(d.dataset.kind) : openFilters.delete(d.dataset.kind));
    });
  }
  const openFilters = new Set();
  update();
}
