// Tests of @fhebench/program against real files: node --test js/program/test/
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as tick, setTimeout as sleep } from 'node:timers/promises';
import { after, test } from 'node:test';
import { Program, ProgramError } from '../index.mjs';

const moduleUrl = new URL('../index.mjs', import.meta.url).href;
const dirs = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

// A work directory with input.json, as the harness makes it; returns the env a program gets.
function workdir(input = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'fhebench-program-'));
  dirs.push(dir);
  const json = {
    protocol: 1, benchmark: 'cardio', size: { patients: 2 }, seed: 1,
    inputs: { age: [55, 70], sex: [0, 1] }, ...input,
  };
  writeFileSync(join(dir, 'input.json'), JSON.stringify(json));
  return { dir, env: { FHEBENCH_INPUT: join(dir, 'input.json'), FHEBENCH_OUTPUT: join(dir, 'output.json') } };
}

const readOutput = (env) => JSON.parse(readFileSync(env.FHEBENCH_OUTPUT, 'utf8'));

// Runs `body` (module code with `p` bound to a Program) in a child node process.
function childArgs(body) {
  return ['--input-type=module', '-e', `import { Program } from '${moduleUrl}'; const p = new Program(); ${body}`];
}

test('reads benchmark, variant, sizes, inputs and threads', () => {
  const { env } = workdir();
  const p = new Program({ ...env, FHEBENCH_THREADS: '4' });
  assert.equal(p.benchmark(), 'cardio');
  assert.equal(p.variant(), 'default');
  assert.equal(p.size('patients'), 2);
  assert.deepEqual(p.input('age'), [55, 70]);
  assert.equal(p.threads(), 4);
  assert.equal(new Program(env).threads(), 1);
  assert.throws(() => p.size('width'), ProgramError);
  assert.throws(() => p.input('hdl'), /no input "hdl"/);
});

test('gives the field widths the harness declares, and refuses undeclared ones', () => {
  const { env } = workdir({ fields: { sex: { bits: 1, max: 1 }, age: { bits: 8, max: 120 } } });
  const p = new Program(env);
  assert.equal(p.fieldBits('sex'), 1);
  assert.equal(p.fieldBits('age'), 8);
  assert.throws(() => p.fieldBits('hdl'), /no width for "hdl"/);
  assert.throws(() => new Program(workdir().env).fieldBits('age'), ProgramError);
  assert.deepEqual(p.intFields(['sex', 'age']), { sex: { values: [0, 1], bits: 1 }, age: { values: [55, 70], bits: 8 } });
});

test('refuses to run without the protocol environment or with another protocol', () => {
  assert.throws(() => new Program({}), /FHEBENCH_INPUT and FHEBENCH_OUTPUT/);
  const { env } = workdir({ protocol: 2 });
  assert.throws(() => new Program(env), /protocol version/);
});

test('times async, sync and start/stop phases; repeated names accumulate', async () => {
  const { env } = workdir();
  const p = new Program(env);
  const result = await p.phase('keygen', async () => { await sleep(30); return 42; });
  assert.equal(result, 42);
  assert.equal(await p.phase('encrypt', () => 'sync'), 'sync');
  const t = p.start('compute');
  await sleep(20);
  t.stop();
  t.stop();
  const again = p.start('compute');
  await sleep(20);
  again.stop();
  await assert.rejects(p.phase('decrypt', async () => { await sleep(5); throw new Error('boom'); }), /boom/);
  p.output('risk', [6, 7]);
  p.finish();

  const phases = Object.fromEntries(readOutput(env).phases.map((ph) => [ph.name, ph.seconds]));
  assert.deepEqual(Object.keys(phases), ['keygen', 'encrypt', 'compute', 'decrypt']);
  assert.ok(phases.keygen >= 0.025 && phases.keygen < 5, `keygen ${phases.keygen}`);
  assert.ok(phases.encrypt >= 0 && phases.encrypt < 0.5);
  assert.ok(phases.compute >= 0.035, `compute accumulates two 20 ms spans: ${phases.compute}`);
  assert.ok(phases.decrypt >= 0.004, 'a phase that throws is still recorded');
});

test('finish writes outputs, fhe and sizes; bigints and typed arrays become numbers', () => {
  const { dir, env } = workdir();
  const p = new Program(env);
  p.record('keygen', 0.5);
  p.output('alpha', BigInt64Array.from([529n, -3n]));
  p.output('y', new Float64Array([0.25, -1.5]));
  p.fhe({ library: 'Microsoft SEAL (node-seal)', scheme: 'BFV' });
  p.fhe({ poly_modulus_degree: 8192 });
  p.sizes('ciphertext_bytes', 131177n);
  assert.throws(() => p.output('big', [2n ** 60n]), /does not fit/);
  p.finish();

  assert.deepEqual(readOutput(env), {
    protocol: 1,
    phases: [{ name: 'keygen', seconds: 0.5 }],
    outputs: { alpha: [529, -3], y: [0.25, -1.5] },
    fhe: { library: 'Microsoft SEAL (node-seal)', scheme: 'BFV', poly_modulus_degree: 8192 },
    sizes: { ciphertext_bytes: 131177 },
  });
  assert.deepEqual(readdirSync(dir).sort(), ['input.json', 'output.json'], 'no temp file left behind');
});

test('output.json is never visible half-written', async () => {
  const { env } = workdir();
  // The child rewrites a ~2 MB output 30 times while this process keeps reading it.
  const body = `p.output('y', Array.from({ length: 250000 }, (_, i) => i / 7));
    for (let i = 0; i < 30; i++) { p.record('compute', 1); p.finish(); }`;
  const child = spawn(process.execPath, childArgs(body), { env: { ...process.env, ...env }, stdio: 'inherit' });
  let exited = null;
  child.on('exit', (code) => { exited = code; });

  let seen = 0;
  while (exited === null) {
    let text = null;
    try { text = readFileSync(env.FHEBENCH_OUTPUT, 'utf8'); } catch (e) { if (e.code !== 'ENOENT') throw e; }
    if (text !== null) {
      const out = JSON.parse(text);   // throws on a partial file
      assert.equal(out.outputs.y.length, 250000);
      seen++;
    }
    await tick();
  }
  assert.equal(exited, 0);
  assert.ok(seen > 0, 'the reader observed the file at least once');
  assert.equal(readOutput(env).phases[0].seconds, 30);
});

test('unsupported writes the reason and exits 0', () => {
  const { dir, env } = workdir();
  const r = spawnSync(process.execPath, childArgs(`p.unsupported('width 512 needs more slots'); console.log('not reached');`),
    { env: { ...process.env, ...env }, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.deepEqual(readOutput(env), { protocol: 1, unsupported: 'width 512 needs more slots' });
  assert.ok(!existsSync(join(dir, 'output.json.tmp')));
});
