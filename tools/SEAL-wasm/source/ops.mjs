// Ciphertext arithmetic that returns fresh ciphertexts and never consumes its inputs (the
// caller deletes what it no longer needs), and, for BFV, Boolean gates on encrypted bits as
// arithmetic mod t: a AND b = ab, a XOR b = a + b − 2ab, a OR b = a + b − ab, NOT a = 1 − a.
import { free, seal } from './common.mjs';

export class Ops {
  #one;

  constructor(ctx) {
    this.ctx = ctx;
    this.ev = ctx.evaluator;
  }

  get one() {
    this.#one ??= this.ctx.encode(new Array(this.ctx.slots).fill(1));
    return this.#one;
  }

  add(a, b) { return this.#out((r) => this.ev.add(a, b, r)); }
  sub(a, b) { return this.#out((r) => this.ev.sub(a, b, r)); }
  double(a) { return this.add(a, a); }
  mul(a, b) {
    return this.#out((r) => {
      if (a === b) this.ev.square(a, r);
      else this.ev.multiply(a, b, r);
      this.ev.relinearizeInplace(r, this.ctx.relinKeys);
    });
  }
  // a · (vector of public values, one per slot, or an encoded plaintext); no relinearization.
  mulPlain(a, values) {
    if (values instanceof seal.Plaintext) return this.#out((out) => this.ev.multiplyPlain(a, values, out));
    const pt = this.ctx.encode(values);
    const r = this.mulPlain(a, pt);
    pt.delete();
    return r;
  }
  // Slot k of the result is slot k + steps of a: BFV rotates each of the two batching rows,
  // CKKS the whole vector.
  rotate(a, steps) {
    const keys = this.ctx.galoisKeys;
    return this.#out((r) => (this.ctx.scheme === 'CKKS'
      ? this.ev.rotateVector(a, steps, keys, r) : this.ev.rotateRows(a, steps, keys, r)));
  }

  sum(list) {
    const r = list[0].copy();
    for (const c of list.slice(1)) this.ev.addInplace(r, c);
    return r;
  }

  not(a) {
    return this.#out((r) => {
      this.ev.negate(a, r);
      this.ev.addPlainInplace(r, this.one);
    });
  }
  and(a, b) { return this.mul(a, b); }
  or(a, b) { return this.#combine(a, b, 1); }
  xor(a, b) { return this.#combine(a, b, 2); }

  // Product of all ciphertexts in a balanced tree: depth ⌈log2 n⌉ instead of n − 1.
  product(list) {
    if (list.length === 1) return list[0].copy();
    const half = list.length >> 1;
    const left = this.product(list.slice(0, half));
    const right = this.product(list.slice(half));
    const r = this.mul(left, right);
    free(left, right);
    return r;
  }

  delete() { this.#one?.delete(); }

  // a + b − k·ab
  #combine(a, b, k) {
    const ab = this.mul(a, b);
    const r = this.add(a, b);
    for (let i = 0; i < k; i++) this.ev.subInplace(r, ab);
    ab.delete();
    return r;
  }

  #out(fn) {
    const r = new seal.Ciphertext();
    fn(r);
    return r;
  }
}
