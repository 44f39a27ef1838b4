// Number formatting shared by charts, table and detail view (mirrors src/summary_table.cc).

export function fmtSeconds(s) {
  if (s == null || !Number.isFinite(s)) return '–';
  if (s < 1e-3) return `${(s * 1e6).toFixed(0)} µs`;
  if (s < 1) return `${precision3(s * 1e3)} ms`;
  return `${precision3(s)} s`;
}

export function fmtBytes(b) {
  if (b == null || !(b > 0)) return '–';
  if (b < 1024 * 1024) return `${(b / 1024).toFixed(0)} KiB`;
  if (b < 1024 ** 3) return `${(b / 1024 / 1024).toFixed(1)} MiB`;
  return `${(b / 1024 ** 3).toFixed(2)} GiB`;
}

// Three significant digits without exponent notation for the ranges we show.
export function precision3(v) {
  if (!Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  if (a >= 100 || a === 0) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  if (a >= 1) return v.toFixed(2);
  return Number(v.toPrecision(3)).toString();
}

// The unit a chart's axis uses: the largest one that keeps the largest value above 1.
export function unitFor(maxSeconds) {
  if (maxSeconds >= 1) return { name: 's', factor: 1 };
  if (maxSeconds >= 1e-3) return { name: 'ms', factor: 1e3 };
  return { name: 'µs', factor: 1e6 };
}

export function fmtInUnit(seconds, unit) {
  return `${precision3(seconds * unit.factor)} ${unit.name}`;
}

export function escapeHtml(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

// A multiple such as "× plaintext": 3 significant digits, thousands grouped instead of exponents.
export function fmtRatio(r) {
  if (r == null || !Number.isFinite(r)) return '–';
  return r >= 1000 ? Math.round(r).toLocaleString('en-US') : precision3(r);
}
