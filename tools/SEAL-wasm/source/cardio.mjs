// cardio, variant batched: BFV bit-sliced, as tools/SEAL's cardio_batched. Every 8-bit field is
// 8 ciphertexts (bit b of every patient; slot i = patient i); Boolean gates are arithmetic
// mod t (boolean.mjs). risk is the sum of 9 condition bits, the two sex-dependent pairs as
// multiplexers:
//   [age > 60] + sex·([age > 50] − [age > 60]),  [drinking > 2] + sex·([drinking > 3] − [drinking > 2]),
//   antecedent, smoker, diabetic, pressure, [hdl < 40], [physical_act < 30],
//   [height < weight + 90] = [weight − height ≥ −89].
// Multiplicative depth 4.
import { Program } from '@fhebench/program';
import { Circuit, compareConst, differenceAtLeast } from './boolean.mjs';
import { Context, free } from './common.mjs';

// t = 65537: the smallest batching prime for n = 8192 (risk ≤ 9 needs little room).
const params = { degree: 8192, plainModulus: 65537 };
const fields = ['sex', 'antecedent', 'smoker', 'diabetic', 'pressure', 'age', 'hdl', 'height',
  'weight', 'physical_act', 'drinking'];

const p = new Program();
const patients = p.size('patients');
if (patients > params.degree) p.unsupported(`patients ${patients} > ${params.degree} slots of one ciphertext`);
const inputs = Object.fromEntries(fields.map((f) => [f, p.input(f)]));

const ctx = await p.phase('keygen', () => {
  const c = Context.bfv(params);
  c.keygen(p, { relin: true });
  return c;
});

// bits[field][b]: bit b of the field for every patient.
const bits = await p.phase('encrypt', () => Object.fromEntries(fields.map((f) => [f,
  Array.from({ length: 8 }, (_, b) => ctx.encrypt(inputs[f].map((v) => (v >> b) & 1)))])));

const risk = await p.phase('compute', () => {
  const c = new Circuit(ctx);
  const mux = (sel, ifOne, ifZero) => c.add(ifZero, c.mul(sel, c.sub(ifOne, ifZero)));
  const sex = bits.sex[0];
  const conditions = [
    mux(sex, compareConst(c, bits.age, 50, 'gt'), compareConst(c, bits.age, 60, 'gt')),
    mux(sex, compareConst(c, bits.drinking, 3, 'gt'), compareConst(c, bits.drinking, 2, 'gt')),
    bits.antecedent[0], bits.smoker[0], bits.diabetic[0], bits.pressure[0],
    compareConst(c, bits.hdl, 40, 'lt'),
    compareConst(c, bits.physical_act, 30, 'lt'),
    differenceAtLeast(c, bits.weight, bits.height, -89),
  ];
  const total = c.keep(c.sum(conditions));
  c.free();
  return total;
});

const decoded = await p.phase('decrypt', () => ctx.decrypt(risk).slice(0, patients));

p.output('risk', decoded);
ctx.report(p, { ciphertext: bits.age[0], budgets: [ctx.noiseBudget(risk)] });
free(risk, Object.values(bits));
ctx.delete();
p.finish();
