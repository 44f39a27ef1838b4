// Measures the reports: the time `fhebench report` takes for a run of 4 benchmarks x 10
// implementations x 10 repetitions (plots, tables and site, then each part alone), and how
// long the served run page takes to load and draw in headless Chromium.
//   node bench/report_timing.mjs [--fhebench build/fhebench] [--samples 5]
// Needs web/node_modules (scripts/install-deps) and /usr/bin/chromium.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { fhebench: { type: 'string' }, samples: { type: 'string', default: '5' }, keep: { type: 'boolean' } } });
if (values.fhebench) process.env.FHEBENCH = values.fhebench;
const { fhebench, fhebenchBinary, plaintextBuild, runIds, standIns, tempDir, toolList, writeTools } = await import('../web/test/fixture/make-run.mjs');
const { launch, serve, waitReady } = await import('../web/test/e2e/browser.mjs');
const samples = Number(values.samples);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const fmt = (xs) => `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, n=${xs.length})`;

const root = tempDir('fhebench-report-bench-');
const results = join(root, 'results');
const build = plaintextBuild(join(root, 'baseline'));
// Plaintext plus 9 stand-ins = 10 implementations per benchmark; two of them fail.
const tools = standIns(9, { bad: [[2, 'incorrect'], [5, 'crash']] });
const toolsDir = writeTools(join(root, 'tools'), build, tools);
console.log(`making the run: 4 benchmarks x 10 implementations x 10 repetitions (${fhebenchBinary()})`);
const t0 = performance.now();
fhebench(['run', '--tools-dir', toolsDir, '--tools', toolList(tools), '--repetitions', '10', '--warmup', '0', '--results', results]);
console.log(`run took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const id = runIds(results).at(-1);

function timeReport(extra) {
  const times = [];
  for (let i = 0; i < samples; ++i) {
    const start = performance.now();
    const r = spawnSync(fhebenchBinary(), ['report', id, '--results', results, ...extra], { encoding: 'utf8' });
    times.push(performance.now() - start);
    if (r.status !== 0) throw new Error(`fhebench report failed: ${r.stderr}`);
  }
  return times;
}
const report = {
  all: timeReport([]),
  plots: timeReport(['--skip', 'tables,site']),
  tables: timeReport(['--skip', 'plots,site']),
  site: timeReport(['--skip', 'plots,tables']),
};

const server = await serve(results);
const browser = await launch();
const load = { list: [], run: [], rendered: [] };
try {
  for (let i = 0; i < samples; ++i) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });  // a cold cache each time
    const page = await context.newPage();
    await page.goto(server.url);
    await waitReady(page);
    load.list.push(await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd));
    await page.goto(`${server.url}?run=${id}`);
    await waitReady(page);
    const t = await page.evaluate(() => ({ load: performance.getEntriesByType('navigation')[0].loadEventEnd, rendered: window.fhebench.renderedAt }));
    load.run.push(t.load);
    load.rendered.push(t.rendered);
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
}

console.log(`\nfhebench report ${id} (40 cells, 400 repetitions), wall time:`);
for (const [part, xs] of Object.entries(report)) console.log(`  ${part.padEnd(7)} ${fmt(xs)}`);
console.log('\nfhebench serve, headless Chromium, fresh context per sample:');
console.log(`  run list page load event     ${fmt(load.list)}`);
console.log(`  run page load event          ${fmt(load.run)}`);
console.log(`  run page charts drawn        ${fmt(load.rendered)}`);
if (values.keep) console.log(`\nresults kept in ${results}`);
else rmSync(root, { recursive: true, force: true });
