// Boolean circuits over bit-sliced BFV ciphertexts (slot i = instance i), gates as arithmetic
// mod t: AND = ab, NOT a = 1 − a, and OR/XOR of *mutually exclusive* terms a plain sum.
// A port of tools/SEAL/source/common/{circuit,compare}.cpp, gate for gate, so that native and
// WebAssembly SEAL run the same circuit. A value is a ciphertext or a public integer; public
// sub-results fold, so a gate with a known input costs no multiplication. Every ciphertext a
// Circuit makes is freed by free(), except those handed out by keep().
import { seal } from './common.mjs';

export const isConst = (v) => typeof v === 'number';

// Modulus switching: levelDrop[d] is how many primes of the coefficient modulus a ciphertext of
// depth d keeps dropped (the last entry holds for deeper ones). In BFV, switching keeps the
// relative noise while it stays above the smaller modulus's rounding floor, so a deep
// ciphertext loses nothing and later products get cheaper. Operands of different levels meet
// at the lower one.
export class Circuit {
  multiplications = 0;
  #temps = new Set();
  #consts = new Map();
  #depth = new Map();

  constructor(ctx, levelDrop = [0]) {
    this.ctx = ctx;
    this.ev = ctx.evaluator;
    this.levelDrop = levelDrop;
  }

  depth(v) { return isConst(v) ? 0 : this.#depth.get(v) ?? 0; }

  add(a, b) {
    if (isConst(a) && isConst(b)) return a + b;
    if (a === 0) return b;
    if (b === 0) return a;
    if (isConst(a)) return this.add(b, a);
    if (isConst(b)) return this.#make(this.depth(a), (r) => this.ev.addPlain(a, this.#const(b), r));
    return this.#make(Math.max(this.depth(a), this.depth(b)), (r) => this.#leveled(a, b, (x, y) => this.ev.add(x, y, r)));
  }

  sub(a, b) {
    if (isConst(b)) return this.add(a, -b);
    if (isConst(a)) return this.add(this.#make(this.depth(b), (r) => this.ev.negate(b, r)), a);
    return this.#make(Math.max(this.depth(a), this.depth(b)), (r) => this.#leveled(a, b, (x, y) => this.ev.sub(x, y, r)));
  }

  mul(a, b) {
    if (isConst(a) && isConst(b)) return a * b;
    if (a === 0 || b === 0) return 0;
    if (a === 1) return b;
    if (b === 1) return a;
    if (isConst(a)) return this.mul(b, a);
    // A small public scalar: noise grows by its size only, no depth.
    if (isConst(b)) return this.#make(this.depth(a), (r) => this.ev.multiplyPlain(a, this.#const(b), r));
    this.multiplications++;
    const depth = Math.max(this.depth(a), this.depth(b)) + 1;
    return this.#make(depth, (r) => {
      this.#leveled(a, b, (x, y) => this.ev.multiply(x, y, r));
      this.ev.relinearizeInplace(r, this.ctx.relinKeys);
      this.#switchForDepth(r, depth);
    });
  }

  not(a) { return this.sub(1, a); }
  mux(s, a, b) { return this.add(b, this.mul(s, this.sub(a, b))); }  // s ? a : b
  sum(terms) { return terms.reduce((acc, v) => this.add(acc, v), 0); }

  // Takes v out of the circuit's care: free() will not delete it (the caller does).
  // Public values stay numbers; a ciphertext the circuit did not make is copied.
  keep(v) {
    if (isConst(v)) return v;
    if (this.#temps.delete(v)) return v;
    return v.copy();
  }

  free() {
    for (const ct of this.#temps) {
      ct.delete();
      this.#depth.delete(ct);
    }
    this.#temps.clear();
    for (const pt of this.#consts.values()) pt.delete();
    this.#consts.clear();
  }

  // fn(a', b') with both operands at the lower of their two levels.
  #leveled(a, b, fn) {
    const [ia, ib] = [this.#chainIndex(a), this.#chainIndex(b)];
    if (ia === ib) return fn(a, b);
    const [high, low] = ia > ib ? [a, b] : [b, a];
    const lowered = new seal.Ciphertext();
    const id = low.parmsId();
    this.ev.cipherModSwitchTo(high, id, lowered);
    id.delete();
    try {
      return ia > ib ? fn(lowered, b) : fn(a, lowered);
    } finally {
      lowered.delete();
    }
  }

  #switchForDepth(ct, depth) {
    const drop = this.levelDrop[Math.min(depth, this.levelDrop.length - 1)];
    const top = this.ctx.levels.length - 1;  // chain index of the first data level
    while (this.#chainIndex(ct) + drop > top) this.ev.cipherModSwitchToNextInplace(ct);
  }

  #chainIndex(ct) {
    const id = ct.parmsId();
    const data = this.ctx.context.getContextData(id);
    const index = data.chainIndex();
    data.delete();
    id.delete();
    return index;
  }

  #make(depth, fn) {
    const r = new seal.Ciphertext();
    fn(r);
    this.#temps.add(r);
    this.#depth.set(r, depth);
    return r;
  }

  // k in every slot: a constant polynomial, as tools/SEAL's Plaintext with p[0] = k.
  #const(k) {
    if (!this.#consts.has(k)) this.#consts.set(k, this.ctx.encode(new Array(this.ctx.slots).fill(k)));
    return this.#consts.get(k);
  }
}

// [x > c] and [x < c] for x given as bits (LSB first) and public c, by halves (high part H):
//   gt(H‖L) = gt(H) + eq(H)·gt(L), lt likewise, eq(H‖L) = eq(H)·eq(L),
// one bit: gt = x_i if c_i = 0 else 0, lt = 1 − x_i if c_i = 1 else 0, eq = x_i or 1 − x_i;
// where the constant's bits are all 0, gt = 1 − eq (likewise lt for all 1). Depth log2(bits).
// Sub-results are memoized per (op, range, constant bits): age > 50 and age > 60 share the
// high nibble.
export class ConstantComparator {
  #memo = new Map();

  constructor(circuit, bits) {
    this.c = circuit;
    this.x = bits;
  }

  greaterThan(k) { return k >> this.x.length ? 0 : this.#compare('gt', 0, this.x.length, k); }
  lessThan(k) { return k >> this.x.length ? 1 : this.#compare('lt', 0, this.x.length, k); }

  #bit(op, i, cBit) {
    const x = this.x[i];
    if (op === 'eq') return cBit ? x : this.c.not(x);
    if (op === 'gt') return cBit ? 0 : x;
    return cBit ? this.c.not(x) : 0;
  }

  #compare(op, lo, len, k) {
    const bits = k & ((1 << len) - 1);
    const key = `${op},${lo},${len},${bits}`;
    if (this.#memo.has(key)) return this.#memo.get(key);
    const ones = (1 << len) - 1;
    let r;
    if (len === 1) {
      r = this.#bit(op, lo, bits & 1);
    } else if ((op === 'gt' && bits === 0) || (op === 'lt' && bits === ones)) {
      r = this.c.not(this.#compare('eq', lo, len, bits));  // x > 0 ⟺ x ≠ 0; x < 2^len − 1 likewise
    } else {
      const low = len >> 1;
      const highEq = this.#compare('eq', lo + low, len - low, bits >> low);
      const lowPart = this.#compare(op, lo, low, bits);
      r = op === 'eq' ? this.c.mul(highEq, lowPart)
        : this.c.add(this.#compare(op, lo + low, len - low, bits >> low), this.c.mul(highEq, lowPart));
    }
    this.#memo.set(key, r);
    return r;
  }
}

// [x − y ≥ k] for encrypted x, y of equal width and public k, on the signed digits
// D_i = x_i − y_i ∈ {−1, 0, 1}, one-hot encoded with one multiplication x_i·y_i (depth 1); for
// a range of digits split into high H and low L:
//   [D ≥ k] = [D_H ≥ δ*] + Σ_δ [D_H = δ]·[D_L ≥ k − 2^|L|·δ]
//   [D = k] = Σ_δ [D_H = δ]·[D_L = k − 2^|L|·δ]
// over the ≤ 2 values δ for which the low part decides. 8-bit operands: depth 4.
export class DifferenceComparator {
  #ge = new Map();
  #eq = new Map();

  constructor(circuit, x, y) {
    if (x.length !== y.length) throw new Error('operands of different widths');
    this.c = circuit;
    // digit[i][d + 1] = [D_i = d]
    this.digit = x.map((xi, i) => {
      const both = circuit.mul(xi, y[i]);
      const up = circuit.sub(xi, both);
      const down = circuit.sub(y[i], both);
      return [down, circuit.sub(circuit.not(up), down), up];
    });
  }

  atLeast(k) { return this.#geRange(0, this.digit.length, k); }

  #geRange(lo, len, k) {
    const max = 2 ** len - 1;  // |D| ≤ max
    if (k <= -max) return 1;
    if (k > max) return 0;
    const key = `${lo},${len},${k}`;
    if (this.#ge.has(key)) return this.#ge.get(key);
    let r;
    if (len === 1) {
      r = k <= 0 ? this.c.sub(1, this.digit[lo][0]) : this.digit[lo][2];  // k ∈ {0, 1}
    } else {
      const low = len >> 1;
      const base = 2 ** low;
      const decided = Math.ceil((k + base - 1) / base);  // D_H ≥ decided: true whatever D_L is
      const terms = [this.#geRange(lo + low, len - low, decided)];
      for (let d = Math.ceil((k - base + 1) / base); d < decided; d++) {
        terms.push(this.c.mul(this.#eqRange(lo + low, len - low, d), this.#geRange(lo, low, k - base * d)));
      }
      r = this.c.sum(terms);
    }
    this.#ge.set(key, r);
    return r;
  }

  #eqRange(lo, len, k) {
    const max = 2 ** len - 1;
    if (k < -max || k > max) return 0;
    const key = `${lo},${len},${k}`;
    if (this.#eq.has(key)) return this.#eq.get(key);
    let r;
    if (len === 1) {
      r = this.digit[lo][k + 1];
    } else {
      const low = len >> 1;
      const base = 2 ** low;
      const terms = [];
      for (let d = Math.ceil((k - base + 1) / base); d <= Math.floor((k + base - 1) / base); d++) {
        terms.push(this.c.mul(this.#eqRange(lo + low, len - low, d), this.#eqRange(lo, low, k - base * d)));
      }
      r = this.c.sum(terms);
    }
    this.#eq.set(key, r);
    return r;
  }
}
