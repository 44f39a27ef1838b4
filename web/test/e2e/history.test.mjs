// End to end in headless Chromium: the history view of a real run's site, after three real
// runs of one stand-in tool whose last run is twice as slow: a trend line with each run's
// median, the step marked and listed, versions on hover, and links to every run.
import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { fhebench, plaintextBuild, readJson, runIds, standIns, tempDir, writeTools } from '../fixture/make-run.mjs';
import { launch, outDir, waitReady } from './browser.mjs';

let root, results, browser;
const key = 'Tool-01 cardio/default patients=1';

before(async () => {
  root = tempDir('fhebench-history-');
  results = join(root, 'results');
  const build = plaintextBuild(join(root, 'baseline'));
  for (const scale of [20, 20, 40]) {
    const [tool] = standIns(1, { benchmarks: ['cardio'] });
    tool.scale = scale;
    const tools = writeTools(join(root, 'tools'), build, [tool]);
    const r = fhebench(['run', '--tools-dir', tools, '--tools', 'Tool-01', '--benchmarks', 'cardio', '--repetitions', '3',
      '--warmup', '0', '--results', results]);
    assert.equal(r.status, 0, r.stderr);
  }
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

test('the history view shows each run of a cell, marks the step, and links the runs', async () => {
  const ids = runIds(results);
  assert.equal(ids.length, 3);
  const medians = ids.map((id) => readJson(join(results, id, 'summary.json')).cells[0].phases.total.median);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const site = join(results, ids[2], 'site', 'index.html');
  await page.goto(pathToFileURL(site).href);
  await waitReady(page);
  await page.click('#view-history');
  await waitReady(page, 2);
  assert.match(await page.textContent('#history-machine'), /^Machine [0-9a-f]{12}: /);
  const chart = await page.evaluate((k) => {
    const c = window.fhebench.history.get(k);
    return { labels: c.data.labels, median: c.data.datasets[0].data, styles: c.data.datasets[0].pointStyle, factor: c.$fhebench.unit.factor };
  }, key);
  assert.equal(chart.labels.length, 3);
  medians.forEach((m, i) => assert.ok(Math.abs(chart.median[i] - m * chart.factor) < 1e-9 * chart.factor, `point ${i}`));
  assert.deepEqual(chart.styles, ['circle', 'circle', 'triangle'], 'the doubled run starts a step');
  const card = page.locator(`section.history[data-series="${key}"]`);
  const steps = await card.locator('ul.steps li').allTextContents();
  assert.equal(steps.length, 1);
  assert.match(steps[0], /^\+\d+\.\d% slower \(regression\) between /);
  assert.ok(steps[0].includes(ids[1]) && steps[0].includes(ids[2]), steps[0]);

  // Hover the second run's point: its run, median and the library version the program reported.
  const box = await page.evaluate((k) => {
    const c = window.fhebench.history.get(k);
    c.canvas.scrollIntoView({ block: 'center' });
    const r = c.canvas.getBoundingClientRect();
    const p = c.getDatasetMeta(0).data[1];
    return { x: r.left + p.x, y: r.top + p.y };
  }, key);
  await page.mouse.move(box.x, box.y);
  await page.waitForSelector('#tooltip:not([hidden])');
  assert.equal(await page.textContent('#tooltip .tt-title'), ids[1]);
  assert.equal(await page.textContent('#tooltip .versions'), 'Stand-in 0.0');
  assert.equal(Number(await page.getAttribute('#tooltip tr[data-phase=total]', 'data-seconds')), medians[1]);

  // Links: one per run, each to that run's own site.
  await card.locator('details.runs summary').click();
  const links = await card.locator('details.runs a').evaluateAll((as) => as.map((a) => [a.dataset.run, a.href]));
  assert.deepEqual(links.map(([id]) => id), ids);
  for (const [id, href] of links) {
    assert.equal(resolve(fileURLToPath(href)), join(results, id, 'site', 'index.html'));
    assert.ok(existsSync(fileURLToPath(href)), href);
  }
  await page.screenshot({ path: join(outDir(), 'site-history.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});
