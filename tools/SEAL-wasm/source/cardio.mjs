// cardio, variant batched: BFV bit-sliced, as tools/SEAL's cardio_batched. Every bit of a field
// is one ciphertext whose slot i holds patient i's bit (1 bit for the flags, 8 for the
// numbers); gates are arithmetic mod t (cardio_circuit.mjs, depth 4) and the risk is the plain
// sum of the 9 condition bits. More patients than slots: one batch of `slots` after the other.
import { Program } from '@fhebench/program';
import { Circuit } from './boolean.mjs';
import { cardioFields, cardioConditions } from './cardio_circuit.mjs';
import { Context, batches, bfv8192Primes, free, generateKeys } from './common.mjs';

// t = 65537 is the smallest prime ≡ 1 mod 2·8192.
const params = { degree: 8192, coeffBits: bfv8192Primes, plainModulus: 65537 };
// Data primes dropped by depth: products of depth ≥ 2 keep 2 of the 3 (BFV budget 150 bits
// fresh, ≈ 29 per level, ≈ 89 at most with 2 primes): depth 4 ends with ≈ 34 bits.
const levelDrop = [0, 0, 1];

const p = new Program();
const patients = p.size('patients');
const plain = p.intFields(cardioFields);
for (const phase of ['encrypt', 'compute', 'decrypt']) p.record(phase, 0);  // also for 0 patients

const ctx = await generateKeys(p, () => Context.bfv(params), { relin: true });
const circuit = new Circuit(ctx, levelDrop);
const risk = [];
const budgets = [];
let depth = 0;

for (const [start, count] of batches(patients, ctx.slots)) {
  const bits = await p.phase('encrypt', () => Object.fromEntries(Object.entries(plain).map(([name, field]) => [name,
    Array.from({ length: field.bits }, (_, b) => ctx.encrypt(field.values.slice(start, start + count).map((v) => (v >> b) & 1)))])));
  const sum = await p.phase('compute', () => circuit.keep(circuit.sum(cardioConditions(circuit, bits))));
  depth = Math.max(depth, circuit.depth(sum));
  circuit.free();
  risk.push(...await p.phase('decrypt', () => ctx.decrypt(sum).slice(0, count)));
  budgets.push(ctx.noiseBudget(sum));
  if (start === 0) ctx.reportCiphertext(p, bits.age[0]);
  free(sum, Object.values(bits));
}

p.output('risk', risk);
ctx.report(p, { budgets });
p.fhe({ multiplicative_depth: depth });
process.stderr.write(`cardio batched: depth ${depth}, ${circuit.multiplications} multiplications\n`);
ctx.delete();
p.finish();
