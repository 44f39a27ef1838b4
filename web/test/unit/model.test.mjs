// The pure parts of the front end, in node: labels, grouping, filters, sorting, statistics.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { fmtRatio, fmtSeconds, unitFor } from '../../src/format.js';
import { PHASES, applyFilters, chartPhases, groups, label, medianInterval, phasesOf, rowLabel, sdOfPhases, sortRows, usedReps } from '../../src/model.js';

const cell = (tool, variant, status, total, patients = 1, reps = []) => ({
  tool, variant, status, benchmark: 'cardio', scheme: 'BFV', size: { patients }, size_key: `patients=${patients}`,
  phases: total == null ? {} : { total: { median: total, sd: 0, n: 3 } }, reps,
});

test('labels name tools exactly and mark cells that are not ok', () => {
  assert.equal(label(cell('SEAL-wasm', 'batched', 'ok', 1)), 'SEAL-wasm/batched');
  assert.equal(label(cell('Plaintext', 'default', 'ok', 1)), 'Plaintext');
  assert.equal(rowLabel(cell('SEAL', 'bit', 'incorrect', 1)), 'SEAL/bit ✗ incorrect');
  assert.equal(rowLabel(cell('SEAL', 'bit', 'partial', 1)), 'SEAL/bit');
});

test('groups: sizes numerically, fastest first, cells without figures last', () => {
  const g = groups([cell('A', 'default', 'ok', 2, 64), cell('B', 'default', 'error', null, 8), cell('C', 'default', 'ok', 3, 8),
    cell('D', 'default', 'ok', 1, 8)]);
  assert.deepEqual(g.map((x) => x.size_key), ['patients=8', 'patients=64']);
  assert.deepEqual(g[0].cells.map((c) => c.tool), ['D', 'C', 'B']);
});

test('filters hide tools, schemes and sizes', () => {
  const cells = [cell('A', 'default', 'ok', 1, 8), cell('B', 'default', 'ok', 1, 64)];
  const state = { hiddenTools: new Set(['A']), hiddenSchemes: new Set(), hiddenSizes: new Set() };
  assert.deepEqual(applyFilters(cells, state).map((c) => c.tool), ['B']);
  state.hiddenTools.clear();
  state.hiddenSizes.add('cardio patients=64');
  assert.deepEqual(applyFilters(cells, state).map((c) => c.tool), ['A']);
});

test('sorting puts missing values last in both directions', () => {
  const rows = [{ v: 2 }, { v: null }, { v: 10 }, { v: 1 }];
  assert.deepEqual(sortRows(rows, (r) => r.v, 'asc').map((r) => r.v), [1, 2, 10, null]);
  assert.deepEqual(sortRows(rows, (r) => r.v, 'desc').map((r) => r.v), [10, 2, 1, null]);
  assert.deepEqual(sortRows([{ v: 'b10' }, { v: 'b9' }], (r) => r.v, 'asc').map((r) => r.v), ['b9', 'b10']);
});

test('error bars: standard deviation of the visible phases over the ok repetitions', () => {
  const reps = [
    { status: 'ok', phases: { keygen: 1, compute: 2 } },
    { status: 'ok', phases: { keygen: 3, compute: 2 } },
    { status: 'error', phases: { keygen: 100, compute: 100 } },
  ];
  const c = cell('A', 'default', 'ok', 4, 1, reps);
  assert.equal(usedReps(c).length, 2);
  assert.equal(sdOfPhases(c, ['keygen', 'compute']), Math.SQRT2);  // sums 3 and 5
  assert.equal(sdOfPhases(c, ['compute']), 0);
  const failed = cell('B', 'default', 'incorrect', 4, 1, [{ status: 'incorrect', phases: { keygen: 1 } }, { status: 'incorrect', phases: { keygen: 2 } }]);
  assert.equal(usedReps(failed).length, 2, 'without ok repetitions, those that reported phases');
});

test('formatting matches the terminal summary', () => {
  assert.equal(fmtSeconds(0.0000042), '4 µs');
  assert.equal(fmtSeconds(0.01234), '12.3 ms');
  assert.equal(fmtSeconds(4.56), '4.56 s');
  assert.equal(fmtSeconds(null), '–');
  assert.equal(fmtRatio(5912.4), '5,912');
  assert.equal(fmtRatio(12.34), '12.3');
  assert.deepEqual(unitFor(0.5), { name: 'ms', factor: 1e3 });
});

test('the median interval matches the harness: order statistics k = 2 of 10, [min, max] below 6', () => {
  const ten = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
  assert.deepEqual(medianInterval(ten), { low: 2, high: 9, coverage: 1 - (2 * 11) / 1024 });
  const five = medianInterval([5, 4, 3, 2, 1]);
  assert.equal(five.low, 1);
  assert.equal(five.high, 5);
  assert.ok(five.coverage < 0.95);
  assert.equal(medianInterval([]), null);
});

test("a compiler's compile phase is listed first in its details, other cells have none", () => {
  assert.deepEqual(phasesOf(cell('SEAL', 'batched', 'ok', 1)), PHASES);
  const compiled = cell('HEIR', 'default', 'ok', 1);
  compiled.phases.compile = { median: 60, n: 3 };
  assert.deepEqual(phasesOf(compiled), ['compile', ...PHASES]);
  const onlyInReps = cell('Concrete', 'default', 'error', null, 1, [{ phases: { compile: 2, keygen: 1 } }]);
  assert.deepEqual(phasesOf(onlyInReps), ['compile', ...PHASES]);
  // The charts offer compile for the whole run once one cell has it.
  assert.deepEqual(chartPhases([cell('SEAL', 'batched', 'ok', 1)]), PHASES);
  assert.deepEqual(chartPhases([cell('SEAL', 'batched', 'ok', 1), compiled]), ['compile', ...PHASES]);
});
