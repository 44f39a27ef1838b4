// laplacian, variant batched: BFV, the whole width×width image (row-major) in the first batching
// row of one ciphertext, as tools/SEAL's laplacian_batched. The 3×3 box sum is separable:
// R = p + rot(p, 1) + rot(p, −1), B = R + rot(R, w) + rot(R, −w): four rotations, Galois keys
// for exactly these steps (rot(v, s) brings slot k + s to slot k). Interior pixels are
// 10·p − (sum of 8 neighbours) = 11·p − B, so out = p + M ⊙ (10·p − B) with M the public
// interior mask: border pixels stay p. Rotations wrap within the row, but interior pixels only
// read pixels of the image. Results (−2040..2550) are decoded centred mod t.
import { Program } from '@fhebench/program';
import { Context, free, generateKeys } from './common.mjs';
import { Ops } from './ops.mjs';

const plainModulus = 65537;  // > 2·2550 and ≡ 1 mod 2n for n ≤ 32768
const minWidth = 3;          // below: no interior pixel

// The smallest ring whose row of n/2 slots holds the image, with two data primes and a special
// prime: one plain multiplication needs no more (n = 4096: SEAL's default, 109 bits; n = 8192:
// 130 of the 218 bits allowed, so keys and rotations cost half of the default's).
function ringFor(width) {
  if (width * width <= 2048) return { degree: 4096, coeffBits: [36, 36, 37] };
  if (width * width <= 4096) return { degree: 8192, coeffBits: [43, 43, 44] };
  return undefined;
}

const p = new Program();
const width = p.size('width');
const ring = width >= minWidth ? ringFor(width) : undefined;
if (!ring) p.unsupported(`width ${width}: needs 3 ≤ width and width² ≤ 4096 slots`);
const image = p.input('image');

const ctx = await generateKeys(p, () => Context.bfv({ ...ring, plainModulus }), { steps: [1, -1, width, -width] });
const ops = new Ops(ctx);

const mask = Array.from({ length: width * width }, (_, k) => {
  const [r, c] = [Math.floor(k / width), k % width];
  return r > 0 && c > 0 && r < width - 1 && c < width - 1 ? 1 : 0;
});

// x + rot(x, step) + rot(x, −step)
function three(x, step) {
  const rotated = [ops.rotate(x, step), ops.rotate(x, -step)];
  const sum = ops.sum([x, ...rotated]);
  free(rotated);
  return sum;
}

const input = await p.phase('encrypt', () => ctx.encrypt(image));
ctx.reportCiphertext(p, input);

const result = await p.phase('compute', () => {
  const rows = three(input, 1);
  const box = three(rows, width);
  const diff = ops.mulPlain(input, new Array(ctx.slots).fill(10));
  ctx.evaluator.subInplace(diff, box);
  const out = ops.mulPlain(diff, mask);
  ctx.evaluator.addInplace(out, input);
  free(rows, box, diff);
  return out;
});

const decoded = await p.phase('decrypt', () => ctx.decrypt(result).slice(0, width * width));

p.output('image', decoded);
ctx.report(p, { budgets: [ctx.noiseBudget(result)] });
p.fhe({ multiplicative_depth: 0, rotations: 4 });
free(input, result);
ctx.delete();
p.finish();
