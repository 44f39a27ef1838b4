// mlp, variant batched: CKKS, y = w2·(w1·x + b1)² + b2 with x encrypted and the model public.
// Matrix-vector products by the hybrid diagonal method on replicated vectors: a vector of
// period d (slot s holds v[s mod d]) times a rows×cols matrix, rows padded to m = 2^k ≤ d, is
//   t = Σ_{k<m} diag_k ⊙ rot(v, k),   diag_k[s] = M[j mod m][(j + k) mod d], j = s mod d,
// then log2(d/m) rotate-and-add folds by m, 2m, ..., d/2 leave M·v replicated with period m,
// which is exactly the layout the next layer's product needs. Rotations: m − 1 + log2(d/m)
// per layer, Galois keys only for those steps. Three rescales: layer 1, the square, layer 2.
import { Program } from '@fhebench/program';
import { Context, free } from './common.mjs';
import { Ops } from './ops.mjs';

const params = { degree: 16384, coeffBits: [60, 40, 40, 40, 60], scaleBits: 40 };
const slots = params.degree / 2;

const p = new Program();
const [features, hidden, classes] = ['features', 'hidden', 'classes'].map((k) => p.size(k));
const pow2 = (n) => 2 ** Math.ceil(Math.log2(Math.max(1, n)));
const layer1 = { rows: hidden, cols: features, m: pow2(hidden), d: pow2(Math.max(features, hidden)) };
const layer2 = { rows: classes, cols: hidden, m: pow2(classes), d: Math.max(layer1.m, pow2(classes)) };
if (layer1.d > slots) p.unsupported(`features ${features} and hidden ${hidden} need ${layer1.d} > ${slots} slots`);

const x = p.input('x');
const w1 = p.input('w1');
const b1 = p.input('b1');
const w2 = p.input('w2');
const b2 = p.input('b2');

const diagonal = (M, { rows, cols, m, d }, k) => Float64Array.from({ length: slots }, (_, s) => {
  const r = (s % d) % m;
  const c = ((s % d) + k) % d;
  return r < rows && c < cols ? M[r * cols + c] : 0;
});
const replicate = (v, period) => Float64Array.from({ length: slots }, (_, s) => v[s % period] ?? 0);
const rotations = ({ m, d }) => {
  const steps = Array.from({ length: m - 1 }, (_, k) => k + 1);
  for (let f = m; f < d; f *= 2) steps.push(f);
  return steps;
};

const ctx = await p.phase('keygen', () => {
  const c = Context.ckks(params);
  c.keygen(p, { relin: true, steps: [...rotations(layer1), ...rotations(layer2)] });
  return c;
});
const ops = new Ops(ctx);

// Scales after each rescale, predicted so that the biases can be encoded ahead of time.
const S = ctx.scale;
const scale1 = (S * S) / ctx.levels[0].dropped;
const scale2 = (scale1 * scale1) / ctx.levels[1].dropped;
const scale3 = (scale2 * S) / ctx.levels[2].dropped;

// The model's plaintexts are encoded with the input: diagonals skip when all zero.
const encodeLayer = (M, layer, level) => Array.from({ length: layer.m }, (_, k) => {
  const diag = diagonal(M, layer, k);
  return diag.some((v) => v !== 0) ? ctx.encode(diag, { level }) : null;
});
const model = await p.phase('encrypt', () => ({
  x: ctx.encrypt(replicate(x, layer1.d)),
  diag1: encodeLayer(w1, layer1, 0),
  b1: ctx.encode(replicate(b1, layer1.m), { level: 1, scale: scale1 }),
  diag2: encodeLayer(w2, layer2, 2),
  b2: ctx.encode(replicate(b2, layer2.m), { level: 3, scale: scale3 }),
}));

// M·v for v of period layer.d, as a ciphertext of period layer.m, one level down.
function matVec(v, diags, layer) {
  const terms = [];
  diags.forEach((pt, k) => {
    if (!pt) return;
    const r = k ? ops.rotate(v, k) : v;
    terms.push(ops.mulPlain(r, pt));
    if (k) r.delete();
  });
  const t = ops.sum(terms);
  free(terms);
  ctx.evaluator.rescaleToNextInplace(t);
  for (let f = layer.m; f < layer.d; f *= 2) {
    const r = ops.rotate(t, f);
    ctx.evaluator.addInplace(t, r);
    r.delete();
  }
  return t;
}

const y = await p.phase('compute', () => {
  const h = matVec(model.x, model.diag1, layer1);
  ctx.evaluator.addPlainInplace(h, model.b1);
  const z = ops.mul(h, h);
  ctx.evaluator.rescaleToNextInplace(z);
  const out = matVec(z, model.diag2, layer2);
  ctx.evaluator.addPlainInplace(out, model.b2);
  free(h, z);
  return out;
});

const result = await p.phase('decrypt', () => ctx.decrypt(y).slice(0, classes));

p.output('y', result);
ctx.report(p, { ciphertext: model.x });
free(y, Object.values(model));
ops.delete();
ctx.delete();
p.finish();
