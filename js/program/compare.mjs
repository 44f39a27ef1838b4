// Comparisons of encrypted unsigned integers given as bits (LSB first), library-neutral: the
// JavaScript twin of include/fhebench/compare.hpp, gate for gate, over a small circuit
// interface: mul(a, b), add(a, b), sub(a, b), not(a), sum(terms), where a value is a
// ciphertext of the tool's library or a public number (0 and 1 stand for themselves).
// Results are sums of mutually exclusive products, exact mod 2 and mod any larger t.

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
