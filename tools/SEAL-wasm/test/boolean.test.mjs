// The comparison circuits of boolean.mjs: evaluated on public bits (every gate folds to a
// number) against plain integer comparisons for every 8-bit input, and on placeholder
// ciphertexts (an evaluator that only counts) for the cardio circuit's depth and cost.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Circuit, ConstantComparator, DifferenceComparator } from '../source/boolean.mjs';
import { cardioConditions, cardioFields } from '../source/cardio_circuit.mjs';
import { seal } from '../source/common.mjs';

const bits = (x) => Array.from({ length: 8 }, (_, i) => (x >> i) & 1);
const plain = new Circuit({});

test('ConstantComparator: [x > c] and [x < c] for all 8-bit x and c', () => {
  for (let x = 0; x < 256; x++) {
    const cmp = new ConstantComparator(plain, bits(x));
    for (let c = 0; c < 300; c++) {
      assert.equal(cmp.greaterThan(c), Number(x > c), `${x} > ${c}`);
      assert.equal(cmp.lessThan(c), Number(x < c), `${x} < ${c}`);
    }
  }
});

test('DifferenceComparator: [x − y ≥ k] for all 8-bit x, y', () => {
  for (let x = 0; x < 256; x++) {
    for (let y = 0; y < 256; y++) {
      const cmp = new DifferenceComparator(plain, bits(x), bits(y));
      for (const k of [-256, -255, -89, -16, -15, 0, 1, 90, 255, 256]) {
        assert.equal(cmp.atLeast(k), Number(x - y >= k), `${x} − ${y} ≥ ${k}`);
      }
    }
  }
});

// tools/SEAL runs the same circuit: its cardio_batched prints the same count on stderr.
test('cardio circuit: depth 4 and 73 multiplications (38 for height < weight + 90)', () => {
  const noop = () => {};
  const evaluator = { add: noop, sub: noop, negate: noop, addPlain: noop, multiply: noop, multiplyPlain: noop, relinearizeInplace: noop };
  const context = { getContextData: () => ({ chainIndex: () => 0, delete: noop }) };
  const c = new Circuit({ evaluator, context, levels: [{}], slots: 1, encode: () => ({ delete: noop }) });
  const input = Object.fromEntries(cardioFields.map(([name, width]) => [name,
    Array.from({ length: width }, () => new seal.Ciphertext())]));
  const weightMinusHeight = new DifferenceComparator(c, input.weight, input.height).atLeast(-89);
  assert.equal(c.depth(weightMinusHeight), 4);
  assert.equal(c.multiplications, 38);
  c.multiplications = 0;
  const risk = c.sum(cardioConditions(c, input));
  assert.equal(c.depth(risk), 4);
  assert.equal(c.multiplications, 73);
  c.free();
  for (const ct of Object.values(input).flat()) ct.delete();
});
