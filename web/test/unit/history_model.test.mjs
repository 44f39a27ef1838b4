// The history view's pure parts: points, run links, step text.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { historyPoints, runHref, seriesKey, stepText } from '../../src/history_model.js';

const series = {
  cell: { tool: 'Paced', benchmark: 'cardio', variant: 'default', size_key: 'patients=1' },
  points: [
    { run: '20261202_160000', started: '2026-12-02T16:00:00Z', commit: 'abc1234', versions: 'X 1.0', status: 'ok', median_s: 0.1, ci_low_s: 0.099, ci_high_s: 0.101 },
    { run: '20261202_160500', started: '2026-12-02T16:05:00Z', commit: 'def5678', versions: 'X 1.1', status: 'ok', median_s: 0.13, ci_low_s: null, ci_high_s: null },
    { run: '20261202_161000', started: '2026-12-02T16:10:00Z', commit: 'def5678', versions: 'X 1.1', status: 'error', median_s: null },
  ],
  steps: [{ before: 0, after: 1, ratio: 1.3, z: 30, kind: 'regression' }],
};

test('points carry the medians, intervals, versions and the step that begins at them', () => {
  const p = historyPoints(series, '../');
  assert.deepEqual(p.map((x) => x.median), [0.1, 0.13, null]);
  assert.deepEqual([p[0].low, p[0].high, p[1].low], [0.099, 0.101, null]);
  assert.equal(p[1].versions, 'X 1.1');
  assert.equal(p[0].step, null);
  assert.equal(p[1].step.kind, 'regression');
  assert.equal(p[0].label, '20261202_160000');
  assert.equal(p[0].date, '2026-12-02 16:00');
  assert.equal(p[2].href, '../../20261202_161000/site/index.html');
});

test('run links resolve beside this run, on disk and when served', () => {
  assert.equal(new URL(runHref('../', 'B'), 'file:///r/A/site/index.html').href, 'file:///r/B/site/index.html');
  assert.equal(new URL(runHref('/runs/A/', 'B'), 'http://h/?run=A').href, 'http://h/runs/B/site/index.html');
});

test('step text gives size, direction and the range of runs, commits and versions', () => {
  assert.equal(seriesKey(series), 'Paced cardio/default patients=1');
  assert.equal(stepText(series, series.steps[0]),
    '+30.0% slower (regression) between 20261202_160000 (fhebench abc1234, X 1.0) and 20261202_160500 (fhebench def5678, X 1.1)');
  assert.match(stepText(series, { before: 1, after: 2, ratio: 0.5, kind: 'improvement' }), /^-50\.0% faster \(improvement\)/);
});
