// End to end in headless Chromium: a real run's generated site (from disk) and the same run
// under `fhebench serve` show the run's own numbers, and their controls work.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { fmtSeconds } from '../../src/format.js';
import { label, rowLabel } from '../../src/model.js';
import { tempDir } from '../fixture/make-run.mjs';
import { chartData, hoverBar, launch, makeFixtureRun, outDir, serve, waitReady } from './browser.mjs';

let root, fixture, browser;

before(async () => {
  root = tempDir('fhebench-e2e-');
  fixture = makeFixtureRun(root);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const cardio = 'cardio patients=1';
const cellsOf = (benchmark, sizeKey) => fixture.summary.cells.filter((c) => c.benchmark === benchmark && c.size_key === sizeKey);

// The chart shows, row by row, the medians of summary.json (in the chart's unit).
async function assertChartMatchesSummary(page) {
  const chart = await chartData(page, cardio);
  const cells = cellsOf('cardio', 'patients=1');
  assert.equal(chart.labels.length, cells.length, 'every implementation has a row, failed ones too');
  for (const c of cells) {
    const row = chart.labels.indexOf(rowLabel(c));
    assert.notEqual(row, -1, `row for ${rowLabel(c)}`);
    for (const d of chart.datasets) {
      const expected = c.phases?.[d.phase]?.n ? c.phases[d.phase].median * chart.unit.factor : null;
      if (expected == null || (chart.log && expected <= 0)) assert.equal(d.data[row], null, `${label(c)} ${d.phase}`);
      else assert.ok(Math.abs(d.data[row] - expected) <= 1e-9 * Math.max(1, expected), `${label(c)} ${d.phase}: ${d.data[row]} vs ${expected}`);
    }
  }
  for (const bad of ['Tool-03 ✗ incorrect', 'Tool-06 ✗ error', 'Tool-08 ✗ unsupported']) assert.ok(chart.labels.includes(bad), bad);
  // The tooltip of one bar: the very figures of summary.json, formatted as the page formats them.
  const cell = cells.find((c) => c.tool === 'Tool-05');
  const tip = await hoverBar(page, cardio, chart.labels.indexOf('Tool-05'), 0);
  assert.equal(tip.title, 'Tool-05');
  assert.equal(tip.rows.total.seconds, cell.phases.total.median);
  assert.equal(tip.rows.total.text, fmtSeconds(cell.phases.total.median));
  assert.equal(tip.rows.compute.seconds, cell.phases.compute.median);
  const wrong = cells.find((c) => c.tool === 'Tool-03');
  const tipWrong = await hoverBar(page, cardio, chart.labels.indexOf('Tool-03 ✗ incorrect'), 2);
  assert.match(tipWrong.status, /✗ incorrect/);
  assert.ok(tipWrong.status.includes(wrong.reason), tipWrong.status);
}

test('the generated site, opened from disk, shows the run and its controls work', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(join(fixture.dir, 'site', 'index.html')).href);
  await waitReady(page);
  assert.equal(await page.textContent('#run-id'), fixture.run.id);
  const groups = await page.$$eval('section.card', (cards) => cards.map((c) => c.dataset.group));
  assert.deepEqual(groups, ['cardio patients=1', 'chi_squared instances=1', 'chi_squared instances=4']);
  await assertChartMatchesSummary(page);
  await page.screenshot({ path: join(outDir(), 'site-charts.png'), fullPage: true });

  // Phases: hide keygen everywhere.
  await page.uncheck('input[data-phase=keygen]');
  await waitReady(page, 2);
  assert.deepEqual((await chartData(page, cardio)).datasets.map((d) => d.phase), ['encrypt', 'compute', 'decrypt']);
  await page.check('input[data-phase=keygen]');
  // A compiler's compile phase: offered, off at first, stacked first once checked.
  const compiler = fixture.summary.cells.find((c) => c.tool === 'Tool-10' && c.benchmark === 'cardio');
  assert.ok(compiler.phases.compile.median > 0, 'the compiler stand-in reports compile');
  assert.equal(await page.isChecked('input[data-phase=compile]'), false);
  await page.check('input[data-phase=compile]');
  await waitReady(page, 4);
  const withCompile = await chartData(page, cardio);
  assert.deepEqual(withCompile.datasets.map((d) => d.phase), ['compile', 'keygen', 'encrypt', 'compute', 'decrypt']);
  const row = withCompile.labels.indexOf(label(compiler));
  assert.ok(Math.abs(withCompile.datasets[0].data[row] - compiler.phases.compile.median * withCompile.unit.factor) < 1e-9);
  await page.uncheck('input[data-phase=compile]');
  // Log scale: grouped phases with the total, on a logarithmic axis.
  await page.check('input[name=scale][value=log]');
  await waitReady(page, 6);
  const log = await chartData(page, cardio);
  assert.equal(log.log, true);
  assert.deepEqual(log.datasets.map((d) => d.phase), ['keygen', 'encrypt', 'compute', 'decrypt', 'total']);
  await assertChartMatchesSummary(page);
  await page.screenshot({ path: join(outDir(), 'site-log.png'), fullPage: true });
  await page.check('input[name=scale][value=linear]');
  // Filters: a tool, then a size.
  await page.click('details[data-kind=tool] summary');
  await page.uncheck('input[data-filter=tool][value="Tool-05"]');
  await waitReady(page, 8);
  assert.ok(!(await chartData(page, cardio)).labels.includes('Tool-05'));
  assert.equal((await chartData(page, cardio)).labels.length, cellsOf('cardio', 'patients=1').length - 1);
  await page.click('details[data-kind=tool] [data-all=tool]');
  await page.click('details[data-kind=size] summary');
  await page.uncheck('input[data-filter=size][value="chi_squared instances=4"]');
  assert.equal(await page.locator('section.card').count(), 2);
  await page.check('input[data-filter=size][value="chi_squared instances=4"]');

  // The table: every cell, sortable by total, a row opens the cell's details.
  await page.click('#view-table');
  const rows = page.locator('#cells tbody tr');
  assert.equal(await rows.count(), fixture.summary.cells.length);
  await page.click('#cells th[data-key=total]');
  const totals = async () => page.$$eval('#cells tbody tr', (trs) => trs.map((tr) => {
    const c = window.fhebench.data.summary.cells[Number(tr.dataset.cell)];
    return c.phases?.total?.n ? c.phases.total.median : null;
  }));
  const asc = await totals();
  const known = asc.filter((v) => v != null);
  assert.deepEqual(known, [...known].sort((a, b) => a - b));
  assert.ok(asc.slice(known.length).every((v) => v == null), 'cells without figures last');
  assert.equal(await page.getAttribute('#cells th[data-key=total]', 'aria-sort'), 'ascending');
  await page.click('#cells th[data-key=total]');
  const desc = (await totals()).filter((v) => v != null);
  assert.deepEqual(desc, [...known].sort((a, b) => b - a));
  const wrongRow = page.locator('#cells tbody tr').filter({ hasText: 'Tool-03' }).filter({ hasText: 'cardio' });
  await wrongRow.click();
  const detail = page.locator('#detail');
  await detail.waitFor({ state: 'visible' });
  const text = await detail.textContent();
  const cell = fixture.summary.cells.find((c) => c.tool === 'Tool-03' && c.benchmark === 'cardio');
  for (const s of ['Tool-03', '✗ incorrect', cell.reason, 'n=16384', fixture.run.machine.cpu_model, 'ciphertext_bytes'])
    assert.ok(text.includes(s), `detail shows ${s}`);
  const csvHref = await detail.locator('ul.files a').first().getAttribute('href');
  assert.ok(existsSync(resolve(fixture.dir, 'site', csvHref)), `raw link ${csvHref} points at a file of the run`);
  await page.screenshot({ path: join(outDir(), 'site-table-detail.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('fhebench serve lists the runs and shows the same numbers', async () => {
  const server = await serve(fixture.results);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url);
    await waitReady(page);
    const ids = await page.$$eval('#runs tbody tr', (trs) => trs.map((tr) => tr.dataset.run));
    assert.ok(ids.includes(fixture.run.id), `run list ${ids}`);
    const timing = await page.evaluate(() => performance.getEntriesByType('navigation')[0].toJSON());
    assert.ok(timing.loadEventEnd > 0);
    await page.screenshot({ path: join(outDir(), 'serve-runs.png') });

    // A full navigation: wait for the new page, not the run list that is already ready.
    await page.click(`#runs tr[data-run="${fixture.run.id}"] a`);
    await page.waitForURL((u) => u.searchParams.get('run') === fixture.run.id);
    await waitReady(page);
    assert.equal(await page.textContent('#run-id'), fixture.run.id);
    await assertChartMatchesSummary(page);
    // Raw links point into the served run folder.
    const csv = await page.evaluate(() => window.fhebench.data.base + window.fhebench.data.summary.cells[0].files.csv);
    const response = await page.request.get(new URL(csv, server.url).href);
    assert.equal(response.status(), 200);
    assert.equal(await response.text(), readFileSync(join(fixture.dir, fixture.summary.cells[0].tool, `${fixture.summary.cells[0].impl}.csv`), 'utf8'));
    await page.screenshot({ path: join(outDir(), 'serve-run.png'), fullPage: true });
    await page.close();
  } finally {
    server.stop();
  }
});
