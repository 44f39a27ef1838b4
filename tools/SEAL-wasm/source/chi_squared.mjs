// chi_squared, variant batched: BFV, instance i in slot i of the three input ciphertexts
// n0, n1, n2, as tools/SEAL's chi_squared_batched (docs/benchmarks.md):
//   alpha = (4·n0·n2 − n1²)², beta1 = 2·(2·n0 + n1)², beta2 = (2·n0 + n1)·(2·n2 + n1),
//   beta3 = 2·(2·n2 + n1)²: six multiplications, depth 2. More instances than slots: one
// batch of `slots` instances after the other.
import { Program } from '@fhebench/program';
import { Circuit } from './boolean.mjs';
import { Context, batches, bfv8192Primes, free, generateKeys } from './common.mjs';

// Inputs 0..31: alpha ≤ (4·31·31)² < 2^24, so a 25-bit batching prime holds every result
// (PlainModulus::Batching(8192, 25)).
const params = { degree: 8192, coeffBits: bfv8192Primes, plainModulus: 33538049 };
const outputs = ['alpha', 'beta1', 'beta2', 'beta3'];

function chiSquared(c, n0, n1, n2) {
  const twice = (v) => c.add(v, v);
  const u = c.add(twice(n0), n1);
  const v = c.add(twice(n2), n1);
  const x = c.sub(twice(twice(c.mul(n0, n2))), c.mul(n1, n1));
  return [c.mul(x, x), twice(c.mul(u, u)), c.mul(u, v), twice(c.mul(v, v))];
}

const p = new Program();
const instances = p.size('instances');
const plain = ['n0', 'n1', 'n2'].map((name) => p.input(name));
for (const phase of ['encrypt', 'compute', 'decrypt']) p.record(phase, 0);  // also for 0 instances

const ctx = await generateKeys(p, () => Context.bfv(params), { relin: true });
const circuit = new Circuit(ctx);
const out = outputs.map(() => []);
const budgets = [];
let depth = 0;

for (const [start, count] of batches(instances, ctx.slots)) {
  const input = await p.phase('encrypt', () => plain.map((v) => ctx.encrypt(v.slice(start, start + count))));
  if (start === 0) ctx.reportCiphertext(p, input[0]);
  const results = await p.phase('compute', () => chiSquared(circuit, ...input).map((r) => circuit.keep(r)));
  depth = Math.max(depth, ...results.map((r) => circuit.depth(r)));
  circuit.free();
  await p.phase('decrypt', () => results.forEach((r, k) => out[k].push(...ctx.decrypt(r).slice(0, count))));
  budgets.push(...results.map((r) => ctx.noiseBudget(r)));
  free(input, results);
}

outputs.forEach((name, k) => p.output(name, out[k]));
ctx.report(p, { budgets });
p.fhe({ multiplicative_depth: depth });
ctx.delete();
p.finish();
