// The table view: one row per cell, every column sortable, a click opens the cell's details.
import { escapeHtml, fmtBytes, fmtRatio, fmtSeconds } from './format.js';
import { PHASES, isFine, median, securityText, sortRows } from './model.js';

const text = (get) => ({ get, show: (c) => escapeHtml(get(c)) });
const seconds = (get) => ({ get, show: (c) => fmtSeconds(get(c)), num: true });

// The median total's 95% interval; its real coverage when below 95% (fewer than 6 repetitions).
function ciText(c) {
  const ci = c.phases?.total?.n ? c.phases.total.ci : null;
  if (!ci) return '–';
  const low = ci.coverage < 0.95 ? ` <span class="muted">(${Math.round(ci.coverage * 100)}%)</span>` : '';
  return `[${fmtSeconds(ci.low)}, ${fmtSeconds(ci.high)}]${low}`;
}

export const COLUMNS = [
  { key: 'benchmark', title: 'Benchmark', ...text((c) => c.benchmark) },
  { key: 'size', title: 'Size', ...text((c) => c.size_key) },
  { key: 'tool', title: 'Tool', ...text((c) => c.tool) },
  { key: 'variant', title: 'Variant', ...text((c) => c.variant) },
  { key: 'scheme', title: 'Scheme', ...text((c) => c.scheme) },
  ...PHASES.map((p) => ({ key: p, title: p, ...seconds((c) => median(c, p)) })),
  { key: 'total', title: 'total', ...seconds((c) => median(c, 'total')) },
  { key: 'ci', title: '95% CI', get: (c) => (c.phases?.total?.n ? c.phases.total.ci?.high ?? null : null), show: ciText, num: true },
  { key: 'vs', title: '× plain', get: (c) => c.vs_plaintext ?? null, show: (c) => (c.vs_plaintext != null ? fmtRatio(c.vs_plaintext) : '–'), num: true },
  { key: 'memory', title: 'memory', get: (c) => c.peak_rss_bytes?.median || null, show: (c) => fmtBytes(c.peak_rss_bytes?.median), num: true },
  { key: 'security', title: 'security', get: (c) => (c.security?.below_128 ? 0 : c.security?.bits ?? null), show: (c) => escapeHtml(securityText(c.security)), num: true },
  { key: 'status', title: 'status', get: (c) => c.status, show: (c) => (isFine(c) ? escapeHtml(c.status) : `<span class="bad">✗ ${escapeHtml(c.status)}</span>`) },
];

// The optional compile phase (compilers) gets a column only when some cell reported it.
const COMPILE = { key: 'compile', title: 'compile', ...seconds((c) => median(c, 'compile')) };

function columnsFor(cells) {
  if (!cells.some((c) => c.phases?.compile)) return COLUMNS;
  const at = COLUMNS.findIndex((c) => c.key === PHASES[0]);
  return [...COLUMNS.slice(0, at), COMPILE, ...COLUMNS.slice(at)];
}

export function renderTable(holder, cells, state, hooks) {
  const COLUMNS = columnsFor(cells);
  const col = COLUMNS.find((c) => c.key === state.sort.key) ?? COLUMNS[0];
  const rows = state.sort.key ? sortRows(cells, col.get, state.sort.dir) : cells;
  const head = COLUMNS.map((c) => {
    const sorted = c.key === state.sort.key ? (state.sort.dir === 'desc' ? 'descending' : 'ascending') : 'none';
    return `<th data-key="${c.key}" aria-sort="${sorted}" class="${c.num ? 'num' : ''}" tabindex="0">${c.title}</th>`;
  }).join('');
  const body = rows
    .map((c) => `<tr data-cell="${cells.indexOf(c)}" class="${isFine(c) ? '' : 'bad-row'}" tabindex="0">` +
      COLUMNS.map((k) => `<td data-key="${k.key}" class="${k.num ? 'num' : ''}">${k.show(c)}</td>`).join('') + '</tr>')
    .join('');
  holder.innerHTML = `<div class="table-wrap"><table id="cells"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>
<p class="note">Medians over the ok repetitions; rows marked ✗ did not verify or did not run (figures, if any, come from repetitions that were not ok). Click a header to sort, a row for details.</p>`;
  holder.querySelectorAll('th').forEach((th) => {
    const sort = () => {
      const key = th.dataset.key;
      hooks.setSort(key, state.sort.key === key && state.sort.dir === 'asc' ? 'desc' : 'asc');
    };
    th.addEventListener('click', sort);
    th.addEventListener('keydown', (e) => e.key === 'Enter' && sort());
  });
  holder.querySelectorAll('tbody tr').forEach((tr) => {
    const open = () => hooks.openDetail(cells[Number(tr.dataset.cell)]);
    tr.addEventListener('click', open);
    tr.addEventListener('keydown', (e) => e.key === 'Enter' && open());
  });
}
