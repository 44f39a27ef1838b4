// laplacian, variant batched: BFV, the whole width×width image (row-major) in the slots of one
// ciphertext. Neighbour (dr, dc) of pixel k is slot k + dr·width + dc, brought to slot k by
// rotate_rows(dr·width + dc); Galois keys exist only for those eight steps. Interior pixels
// get 10·p − Σ neighbours, border pixels p: one plaintext product with (10 inside, 1 on the
// border) minus one with the interior mask. Interior neighbours never wrap, so only
// width² ≤ slots/2 (one row of the batching matrix) matters. Negative results decode centred.
import { Program } from '@fhebench/program';
import { Context, free } from './common.mjs';
import { Ops } from './ops.mjs';

// Results lie in −2040..2550: a 20-bit plain modulus keeps them exact.
const params = { degree: 8192, plainBits: 20 };

const p = new Program();
const width = p.size('width');
const image = p.input('image');
if (width * width > params.degree / 2) {
  p.unsupported(`width ${width}: ${width * width} pixels > ${params.degree / 2} slots of one batching row`);
}

const steps = [];
for (const dr of [-1, 0, 1]) for (const dc of [-1, 0, 1]) if (dr || dc) steps.push(dr * width + dc);
const interior = (k) => {
  const r = Math.floor(k / width);
  const c = k % width;
  return r > 0 && c > 0 && r < width - 1 && c < width - 1;
};
const inside = Array.from({ length: width * width }, (_, k) => (interior(k) ? 1 : 0));
const hasInterior = width > 2;

const ctx = await p.phase('keygen', () => {
  const c = Context.bfv(params);
  c.keygen(p, { steps: hasInterior ? steps : [] });
  return c;
});
const ops = new Ops(ctx);

const ct = await p.phase('encrypt', () => ctx.encrypt(image));

const result = await p.phase('compute', () => {
  const centre = ops.mulPlain(ct, inside.map((i) => (i ? 10 : 1)));
  if (!hasInterior) return centre;
  const neighbours = steps.map((s) => ops.rotate(ct, s));
  const sum = ops.sum(neighbours);
  const masked = ops.mulPlain(sum, inside);
  const out = ops.sub(centre, masked);
  free(neighbours, sum, masked, centre);
  return out;
});

const pixels = await p.phase('decrypt', () => ctx.decrypt(result).slice(0, width * width));

p.output('image', pixels);
ctx.report(p, { ciphertext: ct, budgets: [ctx.noiseBudget(result)] });
free(ct, result);
ops.delete();
ctx.delete();
p.finish();
