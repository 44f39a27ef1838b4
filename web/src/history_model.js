// The history view's data, without the DOM: each cell's series (from data.history, written by
// `fhebench report` from results/index.sqlite) as chart points, step notes and run links.

// The key a series' card is found by: "Tool-01 cardio/default patients=1".
export function seriesKey(s) {
  const c = s.cell ?? {};
  return `${c.tool} ${c.benchmark}/${c.variant} ${c.size_key}`;
}

// Another run's page, from this run's folder as the page sees it (data.base: "../" on disk,
// "/runs/<id>/" when served): both resolve to <results>/<run>/site/index.html.
export function runHref(base, runId) {
  return `${base ?? ''}../${encodeURIComponent(runId)}/site/index.html`;
}

// One point per run: its median and interval in seconds (null when the run has no figures),
// and what the tooltip says about it.
export function historyPoints(series, base) {
  const steps = new Map((series.steps ?? []).map((s) => [s.after, s]));
  return (series.points ?? []).map((p, i) => ({
    run: p.run,
    started: p.started,
    label: p.run,  // unique and in time order; runs of one day would share a date label
    date: (p.started ?? '').replace('T', ' ').slice(0, 16),
    median: p.median_s ?? null,
    low: p.ci_low_s ?? null,
    high: p.ci_high_s ?? null,
    versions: p.versions ?? '',
    commit: p.commit ?? '',
    status: p.status ?? '',
    href: runHref(base, p.run),
    step: steps.get(i) ?? null,
  }));
}

// "+30.2% slower (regression) between 20261202_160000 and 20261202_160500"
export function stepText(series, step) {
  const pct = (step.ratio - 1) * 100;
  const run = (i) => series.points?.[i]?.run ?? '?';
  const what = (i) => {
    const p = series.points?.[i] ?? {};
    return `${run(i)} (fhebench ${p.commit || '?'}${p.versions ? `, ${p.versions}` : ''})`;
  };
  return `${pct >= 0 ? '+' : ''}${pct.toFixed(1)}% ${pct >= 0 ? 'slower' : 'faster'} (${step.kind}) between ${what(step.before)} and ${what(step.after)}`;
}
