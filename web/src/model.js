// The run's data as the views need it: labels, groups, filters and statistics over the
// repetitions. Pure functions (unit-tested in node, test/unit/).

export const PHASES = ['keygen', 'encrypt', 'compute', 'decrypt'];

// The phases a cell's details list: the optional compile phase of compilers first (it is
// not part of total), where the cell or one of its repetitions reported it.
export function phasesOf(cell) {
  const has = cell?.phases?.compile || (cell?.reps ?? []).some((r) => r.phases && 'compile' in r.phases);
  return has ? ['compile', ...PHASES] : PHASES;
}
// The phases the charts offer: compile too when some cell of the run has it (off at first,
// as it is not part of total and a cold compile can dwarf the rest).
export function chartPhases(cells) {
  return cells.some((c) => phasesOf(c).includes('compile')) ? ['compile', ...PHASES] : PHASES;
}
const FINE = new Set(['ok', 'partial']);

// summary.json carries the label, fine, parameters and log_q the harness computed (one
// place, cell_summary.cc); the fallbacks are for hand-made cells in the unit tests.
export function label(cell) {
  if (cell.label != null) return cell.label;
  return cell.variant && cell.variant !== 'default' ? `${cell.tool}/${cell.variant}` : cell.tool;
}

export function isFine(cell) {
  return cell.fine ?? FINE.has(cell.status);
}

// The label a chart row shows: a cell that is not ok says so instead of being dropped.
export function rowLabel(cell) {
  return isFine(cell) ? label(cell) : `${label(cell)} ✗ ${cell.status}`;
}

export function hasFigures(cell) {
  return (cell.phases?.total?.n ?? 0) > 0;
}

export function median(cell, phase) {
  const p = cell.phases?.[phase];
  return p && p.n > 0 ? p.median : null;
}

export function sizeId(cell) {
  return `${cell.benchmark} ${cell.size_key}`;
}

// Cells by benchmark, then size (numerically), in the order summary.json lists benchmarks;
// within a group, fastest first with cells lacking figures last.
export function groups(cells) {
  const out = new Map();
  for (const c of cells) {
    const key = sizeId(c);
    if (!out.has(key)) out.set(key, { benchmark: c.benchmark, size_key: c.size_key, size: c.size, cells: [] });
    out.get(key).cells.push(c);
  }
  const benchOrder = [...new Set(cells.map((c) => c.benchmark))];
  const list = [...out.values()];
  list.sort((a, b) => benchOrder.indexOf(a.benchmark) - benchOrder.indexOf(b.benchmark) || compareSizes(a.size, b.size));
  for (const g of list) g.cells.sort(compareCells);
  return list;
}

function compareSizes(a = {}, b = {}) {
  for (const k of Object.keys(a).sort()) {
    const d = Number(a[k]) - Number(b?.[k]);
    if (d) return d;
  }
  return 0;
}

function compareCells(a, b) {
  const ta = median(a, 'total');
  const tb = median(b, 'total');
  if (ta == null || tb == null) return (ta == null) - (tb == null) || label(a).localeCompare(label(b));
  return ta - tb || label(a).localeCompare(label(b));
}

// The repetitions the statistics use (as cell_summary.cc): ok ones, else those with phases.
export function usedReps(cell) {
  const reps = cell.reps ?? [];
  const ok = reps.filter((r) => r.status === 'ok');
  return ok.length ? ok : reps.filter((r) => r.phases && Object.keys(r.phases).length);
}

// Sample standard deviation of the sum of the given phases over the used repetitions.
export function sdOfPhases(cell, phases) {
  const sums = usedReps(cell).map((r) => phases.reduce((s, p) => s + (r.phases?.[p] ?? 0), 0));
  if (sums.length < 2) return 0;
  const mean = sums.reduce((a, b) => a + b, 0) / sums.length;
  return Math.sqrt(sums.reduce((a, v) => a + (v - mean) ** 2, 0) / (sums.length - 1));
}

// The distribution-free 95% interval of the median of `values` from order statistics (as the
// harness's interval.cc): the largest k with 1 - 2 P(Bin(n, 1/2) <= k-1) >= 0.95, else [min, max].
export function medianInterval(values) {
  const v = [...values].sort((a, b) => a - b);
  const n = v.length;
  if (!n) return null;
  let pmf = 0.5 ** n;  // P(X = 0)
  let tail = pmf;
  let k = 1;
  while (k < Math.floor(n / 2)) {
    pmf = (pmf * (n - k + 1)) / k;  // P(X = k)
    if (1 - 2 * (tail + pmf) < 0.95 - 1e-12) break;
    tail += pmf;
    k += 1;
  }
  return { low: v[k - 1], high: v[n - k], coverage: Math.max(0, 1 - 2 * tail) };
}

// The interval of the median of the sum of `phases` over the used repetitions.
export function intervalOfPhases(cell, phases) {
  return medianInterval(usedReps(cell).map((r) => phases.reduce((s, p) => s + (r.phases?.[p] ?? 0), 0)));
}

export function distinct(cells, key) {
  return [...new Set(cells.map(key))].sort((a, b) => a.localeCompare(b));
}

// Filter state: sets of the excluded values, so new values are shown by default.
export function applyFilters(cells, state) {
  return cells.filter(
    (c) => !state.hiddenTools.has(c.tool) && !state.hiddenSchemes.has(c.scheme) && !state.hiddenSizes.has(sizeId(c)));
}

// Sorting for the table: missing values last whatever the direction.
export function sortRows(rows, key, dir) {
  const sign = dir === 'desc' ? -1 : 1;
  return [...rows].sort((a, b) => {
    const va = key(a);
    const vb = key(b);
    const ma = va == null || va === '';
    const mb = vb == null || vb === '';
    if (ma || mb) return ma - mb;
    if (typeof va === 'number' && typeof vb === 'number') return sign * (va - vb);
    return sign * String(va).localeCompare(String(vb), undefined, { numeric: true });
  });
}

export function securityText(sec) {
  if (!sec || sec.source === 'none' || !sec.source) return '–';
  if (sec.below_128) return 'below 128';
  const bits = sec.bits ?? '?';
  return sec.source === 'declared' ? `${bits} (declared)` : String(bits);
}

// Parameter summary as the terminal prints it: n, log q, t, scale, or LWE/TLWE dimensions.
export function paramsText(cell) {
  return cell?.parameters ?? '';
}
