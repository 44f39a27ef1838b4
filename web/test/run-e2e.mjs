// The web tests: unit tests of the front end's logic always; the browser end-to-end tests when
// Chromium is installed (Debian package `chromium`), else exit 77, which ctest reports as skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
const withBrowser = existsSync(chromium);
// Files, not a folder: Node.js 22 and later read --test arguments as file patterns.
const unit = readdirSync(join(here, 'unit')).filter((f) => f.endsWith('.test.mjs')).map((f) => join(here, 'unit', f));
const suites = [...unit, ...(withBrowser ? ['report.test.mjs', 'history.test.mjs'].map((f) => join(here, 'e2e', f)) : [])];
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...suites], { stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
if (!withBrowser) {
  console.log(`web e2e: skipped, ${chromium} not found (install Debian's chromium, or set CHROMIUM)`);
  process.exit(77);
}
