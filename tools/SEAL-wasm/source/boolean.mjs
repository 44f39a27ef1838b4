// Boolean circuits over bit-sliced BFV ciphertexts (slot i = instance i), gates as arithmetic
// mod t: AND = ab, NOT a = 1 − a, and OR/XOR of *mutually exclusive* terms a plain sum.
// A port of tools/SEAL/source/common/circuit.cpp, gate for gate, so that native and
// WebAssembly SEAL run the same circuit; the comparators over it are @fhebench/program/compare
// (the twin of include/fhebench/compare.hpp). A value is a ciphertext or a public integer; public
// sub-results fold, so a gate with a known input costs no multiplication. Every ciphertext a
// Circuit makes is freed by free(), except those handed out by keep().
import { seal } from './common.mjs';

export { ConstantComparator, DifferenceComparator } from '@fhebench/program/compare';

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
