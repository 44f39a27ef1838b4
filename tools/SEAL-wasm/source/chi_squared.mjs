// chi_squared, variant batched: BFV, instance i in slot i of each of the three input
// ciphertexts n0, n1, n2 (DESIGN.md section 3):
//   alpha = (4·n0·n2 − n1²)², beta1 = 2·(2·n0 + n1)², beta2 = (2·n0 + n1)·(2·n2 + n1),
//   beta3 = 2·(2·n2 + n1)²; multiplicative depth 2, six ciphertext multiplications.
import { Program } from '@fhebench/program';
import { Context, free } from './common.mjs';
import { Ops } from './ops.mjs';

// alpha < 2^24 needs t > 2^24: t = PlainModulus::Batching(8192, 25), as tools/SEAL.
const params = { degree: 8192, plainModulus: 33538049 };

const p = new Program();
const count = p.size('instances');
if (count > params.degree) p.unsupported(`instances ${count} > ${params.degree} slots of one ciphertext`);
const inputs = ['n0', 'n1', 'n2'].map((name) => p.input(name));

const ctx = await p.phase('keygen', () => {
  const c = Context.bfv(params);
  c.keygen(p, { relin: true });
  return c;
});
const ops = new Ops(ctx);

const [n0, n1, n2] = await p.phase('encrypt', () => inputs.map((v) => ctx.encrypt(v)));

const results = await p.phase('compute', () => {
  const n0n2 = ops.mul(n0, n2);
  const n1sq = ops.mul(n1, n1);
  const twice = ops.double(n0n2);
  const four = ops.double(twice);
  const a = ops.sub(four, n1sq);
  const alpha = ops.mul(a, a);
  const d0 = ops.double(n0);
  const d2 = ops.double(n2);
  const s0 = ops.add(d0, n1);
  const s2 = ops.add(d2, n1);
  const sq0 = ops.mul(s0, s0);
  const sq2 = ops.mul(s2, s2);
  const out = { alpha, beta1: ops.double(sq0), beta2: ops.mul(s0, s2), beta3: ops.double(sq2) };
  free(n0n2, n1sq, twice, four, a, d0, d2, s0, s2, sq0, sq2);
  return out;
});

const decoded = await p.phase('decrypt', () =>
  Object.fromEntries(Object.entries(results).map(([name, ct]) => [name, ctx.decrypt(ct).slice(0, count)])));

for (const [name, values] of Object.entries(decoded)) p.output(name, values);
ctx.report(p, { ciphertext: n0, budgets: Object.values(results).map((ct) => ctx.noiseBudget(ct)) });
free(n0, n1, n2, Object.values(results));
ops.delete();
ctx.delete();
p.finish();
