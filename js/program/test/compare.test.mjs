// The comparators over a circuit of plain integers: every 6-bit operand against every
// constant, and every pair of 4-bit operands against every difference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConstantComparator, DifferenceComparator } from '../compare.mjs';

const plain = {
  mul: (a, b) => a * b,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  not: (a) => 1 - a,
  sum: (terms) => terms.reduce((s, t) => s + t, 0),
};
const bits = (v, width) => Array.from({ length: width }, (_, b) => (v >> b) & 1);

test('ConstantComparator: x > k and x < k', () => {
  for (let x = 0; x < 64; x++) {
    const cmp = new ConstantComparator(plain, bits(x, 6));
    for (let k = 0; k < 80; k++) {
      assert.equal(cmp.greaterThan(k), Number(x > k), `${x} > ${k}`);
      assert.equal(cmp.lessThan(k), Number(x < k), `${x} < ${k}`);
    }
  }
});

test('DifferenceComparator: x - y >= k', () => {
  for (let x = 0; x < 16; x++) {
    for (let y = 0; y < 16; y++) {
      const cmp = new DifferenceComparator(plain, bits(x, 4), bits(y, 4));
      for (let k = -17; k <= 17; k++) assert.equal(cmp.atLeast(k), Number(x - y >= k), `${x} - ${y} >= ${k}`);
    }
  }
});

test('DifferenceComparator: operands of different widths are refused', () => {
  assert.throws(() => new DifferenceComparator(plain, bits(1, 2), bits(1, 3)), /different widths/);
});
