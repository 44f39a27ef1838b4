// Boolean circuits over bit-sliced BFV ciphertexts (slot i = instance i), with the gates as
// arithmetic mod t: AND = ab, NOT a = 1 − a, and OR/XOR of *mutually exclusive* terms a plain
// sum. A value is a ciphertext or a public integer; public sub-results fold, so a gate with a
// known input costs no multiplication. Every ciphertext a Circuit makes is freed by free(),
// except those handed out by keep().
import { seal } from './common.mjs';

export class Circuit {
  #temps = new Set();
  #consts = new Map();

  constructor(ctx) {
    this.ctx = ctx;
    this.ev = ctx.evaluator;
  }

  add(a, b) {
    if (isConst(a) && isConst(b)) return a + b;
    if (isConst(a)) return this.add(b, a);
    if (isConst(b)) return b === 0 ? a : this.#make((r) => this.ev.addPlain(a, this.#const(b), r));
    return this.#make((r) => this.ev.add(a, b, r));
  }

  sub(a, b) {
    if (isConst(b)) return this.add(a, -b);
    if (isConst(a)) {
      const neg = this.#make((r) => this.ev.negate(b, r));
      return this.add(neg, a);
    }
    return this.#make((r) => this.ev.sub(a, b, r));
  }

  mul(a, b) {
    if (isConst(a) && isConst(b)) return a * b;
    if (isConst(a)) return this.mul(b, a);
    if (isConst(b)) {
      if (b === 0) return 0;
      if (b === 1) return a;
      return this.#make((r) => this.ev.multiplyPlain(a, this.#const(b), r));
    }
    return this.#make((r) => {
      if (a === b) this.ev.square(a, r);
      else this.ev.multiply(a, b, r);
      this.ev.relinearizeInplace(r, this.ctx.relinKeys);
    });
  }

  not(a) { return this.sub(1, a); }

  sum(list) { return list.reduce((acc, v) => this.add(acc, v), 0); }

  // Takes v out of the circuit's care: free() will not delete it (the caller does).
  // Public values stay numbers; a ciphertext the circuit did not make is copied.
  keep(v) {
    if (isConst(v)) return v;
    if (this.#temps.delete(v)) return v;
    return v.copy();
  }

  free() {
    for (const ct of this.#temps) ct.delete();
    this.#temps.clear();
    for (const pt of this.#consts.values()) pt.delete();
    this.#consts.clear();
  }

  #make(fn) {
    const r = new seal.Ciphertext();
    fn(r);
    this.#temps.add(r);
    return r;
  }

  // k in every slot (negative k is t + k).
  #const(k) {
    if (!this.#consts.has(k)) this.#consts.set(k, this.ctx.encode(new Array(this.ctx.slots).fill(k)));
    return this.#consts.get(k);
  }
}

export const isConst = (v) => typeof v === 'number';

// Comparison of an unsigned number given as bits (LSB first) with a public constant c:
// op 'gt' gives [x > c], 'lt' gives [x < c]. Recursive halves, most significant half H:
//   cmp(x) = cmp(H) + eq(H)·cmp(L),   eq(x) = eq(H)·eq(L),
// one bit: gt = x_i if c_i = 0 else 0, lt = 1 − x_i if c_i = 1 else 0, eq = x_i or 1 − x_i.
// Depth ⌈log2 bits⌉; the top-level eq is never formed.
export function compareConst(circuit, bits, c, op) {
  return compareRange(circuit, bits, c, op, 0, bits.length, false).cmp;
}

function compareRange(circuit, bits, c, op, lo, hi, needEq) {
  if (hi - lo === 1) {
    const x = bits[lo];
    const ci = (c >> lo) & 1;
    const cmp = op === 'gt' ? (ci ? 0 : x) : (ci ? circuit.not(x) : 0);
    return { cmp, eq: needEq ? (ci ? x : circuit.not(x)) : undefined };
  }
  const mid = (lo + hi) >> 1;
  const high = compareRange(circuit, bits, c, op, mid, hi, true);
  const low = compareRange(circuit, bits, c, op, lo, mid, needEq);
  return {
    cmp: circuit.add(high.cmp, circuit.mul(high.eq, low.cmp)),
    eq: needEq ? circuit.mul(high.eq, low.eq) : undefined,
  };
}

// [a − b ≥ k] for unsigned numbers a, b given as bits (LSB first, even count) and a public k,
// in base-4 digits D_j = A_j − B_j ∈ [−3, 3]. A digit's one-hot indicators take one
// multiplication: [=0] = 1 − x − y + xy, [=1] = x − xy, [=2] = y − xy, [=3] = xy for bits
// x (low), y (high). For digit ranges R = H ∪ L (value D_R = 4^|L|·D_H + D_L):
//   ge(R, k) = ge(H, δ*) + Σ_δ eq(H, δ)·ge(L, k − 4^|L|·δ),   eq(R, k) = Σ_δ eq(H, δ)·eq(L, k − 4^|L|·δ)
// over the at most two δ for which the low part decides (δ* is the least δ for which any
// low part passes). Depth 2 per digit, + 1 per halving: 4 for 8-bit numbers.
export function differenceAtLeast(circuit, aBits, bBits, k) {
  const digits = aBits.length / 2;
  const oneHot = (bits, j) => {
    const [x, y] = [bits[2 * j], bits[2 * j + 1]];
    const xy = circuit.mul(x, y);
    const xOnly = circuit.sub(x, xy);
    const yOnly = circuit.sub(y, xy);
    return [circuit.sub(circuit.not(x), yOnly), xOnly, yOnly, xy];
  };
  const a = Array.from({ length: digits }, (_, j) => oneHot(aBits, j));
  const b = Array.from({ length: digits }, (_, j) => oneHot(bBits, j));
  const memo = new Map();
  const cached = (key, fn) => {
    if (!memo.has(key)) memo.set(key, fn());
    return memo.get(key);
  };

  // Single digit: [D ≥ k] = Σ_u [A = u]·[B ≤ u − k], [D = k] = Σ_u [A = u]·[B = u − k].
  const digitTest = (j, k0, isEq) => circuit.sum(a[j].map((au, u) => {
    const limit = u - k0;
    // [B ≤ 3] is 1: never form Σ of all four indicators (a transparent ciphertext).
    const atMost = () => (limit >= 3 ? 1 : circuit.sum(b[j].slice(0, Math.max(0, limit + 1))));
    return circuit.mul(au, isEq ? (b[j][limit] ?? 0) : atMost());
  }));

  const test = (lo, hi, k0, isEq) => cached(`${lo},${hi},${k0},${isEq}`, () => {
    const max = 4 ** (hi - lo) - 1;
    if (!isEq && k0 <= -max) return 1;
    if (k0 > max || (isEq && k0 < -max)) return 0;
    if (hi - lo === 1) return digitTest(lo, k0, isEq);
    const mid = (lo + hi) >> 1;
    const base = 4 ** (mid - lo);
    const maxHigh = 4 ** (hi - mid) - 1;
    // The δ for which the low part decides: |k0 − base·δ| ≤ base − 1 for eq; for ge the
    // upper end belongs to δ* = the least δ for which every low part passes.
    const first = Math.ceil((k0 - base + 1) / base);
    const dStar = Math.ceil((k0 + base - 1) / base);
    const last = isEq ? Math.floor((k0 + base - 1) / base) : dStar - 1;
    const terms = [];
    for (let d = Math.max(first, -maxHigh); d <= Math.min(last, maxHigh); d++) {
      terms.push(circuit.mul(test(mid, hi, d, true), test(lo, mid, k0 - base * d, isEq)));
    }
    if (!isEq) terms.push(test(mid, hi, dStar, false));
    return circuit.sum(terms);
  });
  return test(0, digits, k, false);
}
