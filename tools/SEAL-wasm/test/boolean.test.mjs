// The comparison circuits, evaluated on public bits (every gate folds to a number), against
// plain integer comparisons for every 8-bit input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Circuit, compareConst, differenceAtLeast } from '../source/boolean.mjs';

const bits = (x) => Array.from({ length: 8 }, (_, i) => (x >> i) & 1);
const plain = new Circuit({});

test('compareConst: [x > c] and [x < c] for all 8-bit x and c', () => {
  for (let c = 0; c < 256; c++) {
    for (let x = 0; x < 256; x++) {
      assert.equal(compareConst(plain, bits(x), c, 'gt'), Number(x > c), `${x} > ${c}`);
      assert.equal(compareConst(plain, bits(x), c, 'lt'), Number(x < c), `${x} < ${c}`);
    }
  }
});

test('differenceAtLeast: [a − b ≥ k] for all 8-bit a, b', () => {
  for (const k of [-255, -89, -16, -15, 0, 1, 90, 256]) {
    for (let a = 0; a < 256; a++) {
      for (let b = 0; b < 256; b++) {
        assert.equal(differenceAtLeast(plain, bits(a), bits(b), k), Number(a - b >= k), `${a} − ${b} ≥ ${k}`);
      }
    }
  }
});
