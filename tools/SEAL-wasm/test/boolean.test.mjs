// The cardio circuit of boolean.mjs on placeholder ciphertexts (an evaluator that only
// counts): its depth and cost. The comparators' results are tested in js/program/test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Circuit, DifferenceComparator } from '../source/boolean.mjs';
import { cardioConditions, cardioFields } from '../source/cardio_circuit.mjs';
import { seal } from '../source/common.mjs';

// tools/SEAL runs the same circuit: its cardio_batched prints the same count on stderr.
test('cardio circuit: depth 4 and 73 multiplications (38 for height < weight + 90)', () => {
  const noop = () => {};
  const evaluator = { add: noop, sub: noop, negate: noop, addPlain: noop, multiply: noop, multiplyPlain: noop, relinearizeInplace: noop };
  const context = { getContextData: () => ({ chainIndex: () => 0, delete: noop }) };
  const c = new Circuit({ evaluator, context, levels: [{}], slots: 1, encode: () => ({ delete: noop }) });
  // The widths input.json declares for cardio (docs/protocol.md): flags 1 bit, numbers 8.
  const flags = new Set(['sex', 'antecedent', 'smoker', 'diabetic', 'pressure']);
  const input = Object.fromEntries(cardioFields.map((name) => [name,
    Array.from({ length: flags.has(name) ? 1 : 8 }, () => new seal.Ciphertext())]));
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
