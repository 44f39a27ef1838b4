// laplacian, variant batched: BFV, the whole width×width image (row-major) in one batching
// row of one ciphertext. The 3×3 box sum is separable: R = p + rot(p, 1) + rot(p, −1), then
// B = R + rot(R, width) + rot(R, −width), four rotations with Galois keys for exactly those
// steps (rot(v, s) brings slot k + s to slot k). Interior pixels get 10·p − (B − p) = 11·p − B,
// border pixels p: one plaintext product with (11 inside, 1 on the border) minus one of B with
// the interior mask. Interior neighbours never wrap around, so width² ≤ slots/2 is the only
// limit. Results lie in −2040..2550 and decode centred. Same as tools/SEAL.
import { Program } from '@fhebench/program';
import { Context, free } from './common.mjs';
import { Ops } from './ops.mjs';

const p = new Program();
const width = p.size('width');
const image = p.input('image');
const pixels = width * width;
// The smallest ring whose batching row holds the image; t = 65537 keeps −2040..2550 exact.
const degree = pixels <= 2048 ? 4096 : 8192;
if (pixels > degree / 2) p.unsupported(`width ${width}: ${pixels} pixels > ${degree / 2} slots of one batching row`);
const params = { degree, plainModulus: 65537 };

const interior = (k) => {
  const r = Math.floor(k / width);
  const c = k % width;
  return r > 0 && c > 0 && r < width - 1 && c < width - 1;
};
const inside = Array.from({ length: pixels }, (_, k) => (interior(k) ? 1 : 0));
const hasInterior = width > 2;

const ctx = await p.phase('keygen', () => {
  const c = Context.bfv(params);
  c.keygen(p, { steps: hasInterior ? [1, -1, width, -width] : [] });
  return c;
});
const ops = new Ops(ctx);

const ct = await p.phase('encrypt', () => ctx.encrypt(image));

const result = await p.phase('compute', () => {
  const centre = ops.mulPlain(ct, inside.map((i) => (i ? 11 : 1)));
  if (!hasInterior) return centre;
  const rows = [ops.rotate(ct, 1), ops.rotate(ct, -1)];
  const row = ops.sum([ct, ...rows]);
  const cols = [ops.rotate(row, width), ops.rotate(row, -width)];
  const box = ops.sum([row, ...cols]);
  const masked = ops.mulPlain(box, inside);
  const out = ops.sub(centre, masked);
  free(rows, row, cols, box, masked, centre);
  return out;
});

const decoded = await p.phase('decrypt', () => ctx.decrypt(result).slice(0, pixels));

p.output('image', decoded);
ctx.report(p, { ciphertext: ct, budgets: [ctx.noiseBudget(result)] });
free(ct, result);
ops.delete();
ctx.delete();
p.finish();
