// Headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core, and the helpers the
// end-to-end tests share: a real fixture run, reading a chart's numbers, hovering its bars.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { fhebench, fhebenchBinary, plaintextBuild, readJson, runIds, standIns, toolList, writeTools } from '../fixture/make-run.mjs';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

// playwright's launch() gives Chromium a fresh, temporary --user-data-dir of its own each time.
export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync'],
  });
}

export function outDir() {
  const dir = process.env.FHEBENCH_E2E_OUT ?? join(tmpdir(), 'fhebench-e2e');
  mkdirSync(dir, { recursive: true });
  return dir;
}

// A run with the Plaintext baseline and 20 stand-in tools on cardio (three misbehave), six of
// them also on chi_squared at two sizes: many implementations, failures and a size sweep.
export function makeFixtureRun(root) {
  const results = join(root, 'results');
  const build = plaintextBuild(join(root, 'baseline'));
  const tools = standIns(20, { bad: [[2, 'incorrect'], [5, 'crash'], [7, 'unsupported'], [9, 'compiler']] });
  tools.forEach((t, i) => { t.benchmarks = i < 6 ? ['cardio', 'chi_squared'] : ['cardio']; });
  const toolsDir = writeTools(join(root, 'tools'), build, tools);
  const r = fhebench(['run', '--tools-dir', toolsDir, '--tools', toolList(tools), '--benchmarks', 'cardio,chi_squared',
    '--size', 'instances=1,4', '--repetitions', '2', '--warmup', '0', '--results', results]);
  if (r.status !== 1) throw new Error(`the fixture run should end with failures (exit 1), got ${r.status}\n${r.stderr}`);
  const id = runIds(results).at(-1);
  return { results, id, dir: join(results, id), summary: readJson(join(results, id, 'summary.json')), run: readJson(join(results, id, 'run.json')) };
}

// `fhebench serve --port 0` on the results; resolves with {url, stop}.
export function serve(results) {
  return new Promise((resolve, reject) => {
    const child = spawn(fhebenchBinary(), ['serve', '--results', results, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) resolve({ url: m[0], stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`fhebench serve exited with ${code}: ${out}`)));
  });
}

// The predicate may run while a navigation is under way, before the new document has a body.
export async function waitReady(page, count = 1) {
  await page.waitForFunction((n) => Number(document.body?.dataset.ready) >= n, count, { timeout: 15000 });
}

// What the chart of `group` ("cardio patients=1") shows: row labels and each dataset's values.
export async function chartData(page, group) {
  return page.evaluate((g) => {
    const chart = window.fhebench.charts.get(g);
    return {
      labels: chart.data.labels,
      unit: chart.$fhebench.unit,
      log: chart.options.scales.x.type === 'logarithmic',
      datasets: chart.data.datasets.map((d) => ({ phase: d.phase, data: d.data })),
    };
  }, group);
}

// Moves the mouse onto the bar of row `index` in dataset `dataset` and returns the tooltip.
export async function hoverBar(page, group, index, dataset) {
  const box = await page.evaluate(([g, i, d]) => {
    const chart = window.fhebench.charts.get(g);
    chart.canvas.scrollIntoView({ block: 'center' });
    const r = chart.canvas.getBoundingClientRect();
    const bar = chart.getDatasetMeta(d).data[i];
    return { x: r.left + (bar.base + bar.x) / 2, y: r.top + bar.y };
  }, [group, index, dataset]);
  await page.mouse.move(box.x, box.y);
  await page.waitForSelector('#tooltip:not([hidden])');
  return page.evaluate(() => {
    const t = document.getElementById('tooltip');
    const rows = {};
    for (const tr of t.querySelectorAll('tr[data-phase]'))
      rows[tr.dataset.phase] = { seconds: tr.dataset.seconds == null ? null : Number(tr.dataset.seconds), text: tr.querySelector('td').textContent };
    return { title: t.querySelector('.tt-title').textContent, status: t.querySelector('.tt-status').textContent, rows };
  });
}
