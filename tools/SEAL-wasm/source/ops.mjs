// Ciphertext arithmetic that returns fresh ciphertexts and never consumes its inputs: the
// caller deletes what it no longer needs (WebAssembly objects are not garbage collected).
import { seal } from './common.mjs';

export class Ops {
  constructor(ctx) {
    this.ctx = ctx;
    this.ev = ctx.evaluator;
  }

  add(a, b) { return this.#out((r) => this.ev.add(a, b, r)); }
  sub(a, b) { return this.#out((r) => this.ev.sub(a, b, r)); }
  double(a) { return this.add(a, a); }

  // Multiply and relinearize.
  mul(a, b) {
    return this.#out((r) => {
      this.ev.multiply(a, b, r);
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

  #out(fn) {
    const r = new seal.Ciphertext();
    fn(r);
    return r;
  }
}
