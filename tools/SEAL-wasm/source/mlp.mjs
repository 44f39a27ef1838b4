// mlp, variant batched: CKKS, y = W2·(W1·x + b1)² + b2, as tools/SEAL's mlp_batched.
// Matrix-vector products by the hybrid diagonal method: an m×p matrix (m ≤ p, both powers of
// two after zero padding) has m extended diagonals d_i[j] = W[j mod m][(j + i) mod p];
// z = Σ_i d_i ⊙ rot(x, i), then y[r] = Σ_l z[r + l·m] by log2(p/m) rotate-and-add steps.
// Every vector is replicated with period p over all slots, so slot rotations act as cyclic
// rotations of length p, and the result comes out replicated with period m: the input of the
// next layer. The Σ_i runs baby-step giant-step, Σ_g rot(Σ_b rot(x, b) ⊙ rot(d_{gB+b}, −gB), gB),
// with the baby steps as repeated rotations by 1 and the giant steps in Horner form (repeated
// rotations by B): Galois keys for 1, B and the rotate-and-add steps only, no extra rotation.
// Levels: W1 (plain), square, W2 (plain).
import { Program } from '@fhebench/program';
import { Context, free, generateKeys } from './common.mjs';
import { Ops } from './ops.mjs';

const scaleBits = 40;
const bitCeil = (n) => 2 ** Math.ceil(Math.log2(Math.max(1, n)));

// n = 8192 while the padded features fit its 4096 slots, else 16384.
function ringFor(paddedFeatures) {
  if (paddedFeatures <= 4096) return { degree: 8192, coeffBits: [50, 40, 40, 40, 48] };    // 218 bits
  if (paddedFeatures <= 8192) return { degree: 16384, coeffBits: [60, 40, 40, 40, 60] };   // 240 bits
  return undefined;
}

// Layer geometry: an m×p padded matrix, baby steps B (shared by both layers), giant steps G.
const shape = (m, p, baby) => ({ m, p, baby, giant: Math.ceil(m / baby) });

// B = 2^⌈log2(m)/2⌉ for the larger layer.
const babySteps = (m) => 2 ** Math.floor(Math.floor(Math.log2(m) + 1) / 2);

function steps(s) {
  const out = [];
  if (s.m > 1) out.push(1);
  if (s.giant > 1) out.push(s.baby);
  for (let k = s.m; k < s.p; k *= 2) out.push(k);
  return out;
}

// One diagonal of the rows×cols matrix w (row-major), pre-rotated by −gB, replicated over all slots.
function diagonal(w, rows, cols, s, i, slots) {
  const shift = Math.floor(i / s.baby) * s.baby;
  return Float64Array.from({ length: slots }, (_, j) => {
    const k = (j + s.p - (shift % s.p)) % s.p;  // position before the rotation by −shift
    const [r, c] = [k % s.m, (k + i) % s.p];
    return r < rows && c < cols ? w[r * cols + c] : 0;
  });
}

const replicate = (v, period, slots) => Float64Array.from({ length: slots }, (_, j) => v[j % period] ?? 0);

const p = new Program();
const [features, hidden, classes] = ['features', 'hidden', 'classes'].map((k) => p.size(k));
const C = bitCeil(classes);
const H = bitCeil(Math.max(hidden, C));
const F = bitCeil(Math.max(features, H));
const ring = ringFor(F);
if (!ring) p.unsupported(`padded features ${F} exceed 8192 slots`);
const [x, w1, b1, w2, b2] = ['x', 'w1', 'b1', 'w2', 'b2'].map((name) => p.input(name));
const baby = babySteps(H);
const s1 = shape(H, F, baby);
const s2 = shape(C, H, baby);
const galoisSteps = [...new Set([...steps(s1), ...steps(s2)])];

const ctx = await generateKeys(p, () => Context.ckks({ ...ring, scaleBits }), { relin: true, steps: galoisSteps });
const ops = new Ops(ctx);
const ev = ctx.evaluator;

// Diagonals of a layer, encoded at `level`; null for an all-zero diagonal.
const encodeLayer = (w, rows, cols, s, level) => Array.from({ length: s.m }, (_, i) => {
  const d = diagonal(w, rows, cols, s, i, ctx.slots);
  return d.some((v) => v !== 0) ? ctx.encode(d, { level }) : null;
});

const { input, l1, l2 } = await p.phase('encrypt', async () => {
  const ct = ctx.encrypt(replicate(x, F, ctx.slots));
  const layers = await p.phase('encrypt.weights', () => ({
    l1: encodeLayer(w1, hidden, features, s1, 0),
    l2: encodeLayer(w2, classes, hidden, s2, 2),
  }));
  return { input: ct, ...layers };
});
ctx.reportCiphertext(p, input);

// Accumulates into acc (null: none yet); takes ownership of term.
const accumulate = (acc, term) => {
  if (!acc) return term;
  ev.addInplace(acc, term);
  term.delete();
  return acc;
};

function apply(s, diagonals, v) {
  const rotated = [v];  // rot(x, b) = rot(rot(x, b − 1), 1)
  for (let b = 1; b < s.baby && b < s.m; b++) rotated.push(ops.rotate(rotated[b - 1], 1));
  let total = null;  // Horner: total = rot(total, B) + inner_g
  for (let g = s.giant - 1; g >= 0; g--) {
    if (total) ev.rotateVectorInplace(total, s.baby, ctx.galoisKeys);
    for (let b = 0; b < s.baby && g * s.baby + b < s.m; b++) {
      const d = diagonals[g * s.baby + b];
      if (d) total = accumulate(total, ops.mulPlain(rotated[b], d));
    }
  }
  free(rotated.slice(1));
  if (!total) throw new Error('all-zero weight matrix');
  ev.rescaleToNextInplace(total);
  for (let k = s.m; k < s.p; k *= 2) total = accumulate(total, ops.rotate(total, k));
  return total;
}

function addBias(ct, bias, period) {
  const pt = ctx.encode(replicate(bias, period, ctx.slots), { at: ct });
  ev.addPlainInplace(ct, pt);
  pt.delete();
}

const y = await p.phase('compute', () => {
  const h = apply(s1, l1, input);
  addBias(h, b1, H);
  ev.squareInplace(h);
  ev.relinearizeInplace(h, ctx.relinKeys);
  ev.rescaleToNextInplace(h);
  const out = apply(s2, l2, h);
  addBias(out, b2, C);
  h.delete();
  return out;
});

const result = await p.phase('decrypt', () => ctx.decrypt(y).slice(0, classes));

p.output('y', result);
ctx.report(p);
p.fhe({ scale_bits: scaleBits, multiplicative_depth: 3, rotation_keys: galoisSteps.length });
free(input, y, l1, l2);
ctx.delete();
p.finish();
