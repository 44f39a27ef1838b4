// Entry point. A generated site carries its run in data.js (window.FHEBENCH_DATA), which
// works from file://; under `fhebench serve` the page reads the JSON API instead.
import './style.css';

import { escapeHtml } from './format.js';
import { renderRunList } from './run_list.js';
import { renderRun } from './run_view.js';

async function getJson(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r.json();
}

async function start() {
  const app = document.getElementById('app');
  try {
    if (window.FHEBENCH_DATA) return renderRun(app, window.FHEBENCH_DATA, { served: false });
    const id = new URLSearchParams(location.search).get('run');
    if (id) return renderRun(app, await getJson(`api/runs/${encodeURIComponent(id)}`), { served: true });
    renderRunList(app, await getJson('api/runs'));
  } catch (e) {
    app.innerHTML = `<p class="error">Cannot show this run: ${escapeHtml(e.message)}</p>`;
    document.body.dataset.ready = 'error';
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
