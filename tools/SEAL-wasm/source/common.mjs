// What every SEAL-wasm program shares: loading node-seal, building a BFV or CKKS context,
// key generation with only the Galois steps a program uses, encode/encrypt/decrypt, and the
// fhe/sizes report. WebAssembly objects are not garbage collected: whoever creates one
// deletes it (.delete()), so the heap holds what native SEAL would hold.
import { readFileSync } from 'node:fs';
import SEAL from 'node-seal';

export const seal = await SEAL();

// SEAL's C++ exceptions arrive as WebAssembly.Exception with message [type, what]; print that
// and the JavaScript stack, not node's dump of the minified glue code around the throw site.
process.on('uncaughtException', (e) => {
  const what = Array.isArray(e?.message) ? e.message.join(': ') : String(e?.message ?? e);
  const stack = String(e?.stack ?? '').split('\n').filter((l) => !l.includes('node-seal/dist')).slice(1);
  process.stderr.write(`SEAL-wasm: ${what}\n${stack.join('\n')}\n`);
  process.exit(1);
});

const nodeSealVersion = JSON.parse(
  readFileSync(new URL('../node_modules/node-seal/package.json', import.meta.url), 'utf8')).version;
// node-seal does not export SEAL's version; its README names the SEAL release it wraps.
const sealVersion = { '7.0.0': '4.1.2' }[nodeSealVersion] ?? '4.1';

// n = 8192 with 218 bits, the 128-bit maximum, as three 58-bit data primes and a 44-bit special
// prime: as much noise budget as SEAL's default 43,43,44,44,44, but products, relinearizations
// and key sizes follow the number of primes (tools/SEAL's parameters.hpp).
export const bfv8192Primes = [58, 58, 58, 44];

const none = seal.ComprModeType.none;
const tc128 = seal.SecLevelType.tc128;

export class Context {
  #objects = [];

  // BFV: { degree, plainModulus } (a prime ≡ 1 mod 2·degree, for batching), with primes of
  // `coeffBits` bits or else SEAL's default 128-bit coefficient modulus for the degree.
  static bfv({ degree, plainModulus, coeffBits }) {
    const coeff = coeffBits
      ? seal.CoeffModulus.Create(degree, Int32Array.from(coeffBits))
      : seal.CoeffModulus.BFVDefault(degree, tc128);
    const plain = new seal.Modulus(BigInt(plainModulus));
    return new Context(seal.SchemeType.bfv, degree, coeff, { plain });
  }

  // CKKS: { degree, coeffBits: [60, 40, ...], scaleBits }.
  static ckks({ degree, coeffBits, scaleBits }) {
    const coeff = seal.CoeffModulus.Create(degree, Int32Array.from(coeffBits));
    return new Context(seal.SchemeType.ckks, degree, coeff, { scaleBits });
  }

  constructor(scheme, degree, coeff, { plain, scaleBits }) {
    this.scheme = scheme === seal.SchemeType.ckks ? 'CKKS' : 'BFV';
    this.degree = degree;
    this.scaleBits = scaleBits;
    this.scale = scaleBits === undefined ? undefined : 2 ** scaleBits;
    const parms = this.#own(new seal.EncryptionParameters(scheme));
    parms.setPolyModulusDegree(degree);
    parms.setCoeffModulus(coeff);
    if (plain) parms.setPlainModulus(plain);
    this.coeffBits = Array.from({ length: coeff.size() }, (_, i) => coeff.get(i).bitCount());
    this.plainModulus = plain ? Number(plain.value()) : undefined;
    coeff.delete();
    plain?.delete();
    this.context = this.#own(new seal.SEALContext(parms, true, tc128));
    if (!this.context.parametersSet()) throw new Error(`SEAL rejected the parameters: ${this.context.toHuman()}`);
    this.evaluator = this.#own(new seal.Evaluator(this.context));
    this.encoder = this.#own(this.scheme === 'CKKS'
      ? new seal.CKKSEncoder(this.context) : new seal.BatchEncoder(this.context));
    this.slots = this.encoder.slotCount();
    this.levels = this.#levels();
  }

  // Secret and public key, relinearization keys if asked, Galois keys for exactly `steps`
  // (rotate_rows / rotate_vector step counts); their times are sub-phases of `program`.
  keygen(program, { relin = false, steps = [] } = {}) {
    const phase = (name, fn) => { const t = program.start(name); const r = fn(); t.stop(); return r; };
    const gen = this.#own(new seal.KeyGenerator(this.context));
    this.secretKey = this.#own(gen.secretKey());
    this.publicKey = this.#own(gen.createPublicKey());
    if (relin) this.relinKeys = phase('keygen.relin', () => this.#own(gen.createRelinKeys()));
    if (steps.length) {
      this.galoisKeys = phase('keygen.galois',
        () => this.#own(gen.createGaloisKeysWithSteps(Int32Array.from(new Set(steps)))));
    }
    this.encryptor = this.#own(new seal.Encryptor(this.context, this.publicKey));
    this.decryptor = this.#own(new seal.Decryptor(this.context, this.secretKey));
    return this;
  }

  // values: numbers (or bigints for BFV) for the first slots; the rest are zero. CKKS
  // plaintexts are encoded at data level `level` (0: the top, each rescale goes one level
  // down) with the context's scale, or at the level and scale of ciphertext `at`.
  encode(values, { level = 0, at, scale = at ? at.scale() : this.scale } = {}) {
    const pt = new seal.Plaintext();
    if (this.scheme === 'CKKS') {
      const v = new Float64Array(this.slots);
      v.set(values);
      this.encoder.encode(v, scale, pt);
      if (at) {
        const id = at.parmsId();
        this.evaluator.plainModSwitchToInplace(pt, id);
        id.delete();
      } else if (level) {
        this.evaluator.plainModSwitchToInplace(pt, this.levels[level].parmsId);
      }
    } else {
      const v = new BigInt64Array(this.slots);
      for (let i = 0; i < values.length; i++) v[i] = BigInt(values[i]);
      this.encoder.encode(v, pt);
    }
    return pt;
  }

  encrypt(values) {
    const pt = this.encode(values);
    const ct = new seal.Ciphertext();
    this.encryptor.encrypt(pt, ct);
    pt.delete();
    return ct;
  }

  // Decrypts and decodes every slot: BigInt64Array (BFV, centred: negative values come back
  // negative) or Float64Array (CKKS).
  decrypt(ct) {
    const pt = new seal.Plaintext();
    this.decryptor.decrypt(ct, pt);
    const out = this.scheme === 'CKKS' ? this.encoder.decodeFloat64(pt) : this.encoder.decodeBigInt64(pt);
    pt.delete();
    return out;
  }

  noiseBudget(ct) { return this.decryptor.invariantNoiseBudget(ct); }

  // The protocol's fhe object and key sizes; for BFV, `budgets` are the noise budgets (bits)
  // left in the result ciphertexts before decryption (measured outside the phases).
  report(program, { budgets } = {}) {
    program.fhe({
      library: 'Microsoft SEAL (node-seal)',
      library_version: `${sealVersion} (node-seal ${nodeSealVersion})`,
      runtime: `Node.js ${process.version}, WebAssembly`,
      scheme: this.scheme,
      poly_modulus_degree: this.degree,
      coeff_modulus_bits: this.coeffBits,
      ...(this.plainModulus !== undefined && { plain_modulus: this.plainModulus }),
      ...(this.scaleBits !== undefined && { scale_bits: this.scaleBits }),
      declared_security_bits: 128,
      threads: program.threads(),
      ...(budgets?.length && { noise_budget_bits: Math.min(...budgets) }),
    });
    program.sizes('public_key_bytes', bytes(this.publicKey));
    if (this.relinKeys) program.sizes('relin_key_bytes', this.keySwitchingBytes(this.relinKeys, 1));
    if (this.galoisKeys) program.sizes('galois_key_bytes', this.keySwitchingBytes(this.galoisKeys, this.degree));
  }

  // ciphertext_bytes, from one fresh input ciphertext.
  reportCiphertext(program, fresh) { program.sizes('ciphertext_bytes', bytes(fresh)); }

  keySwitchingBytes(keys, vectorLength) {
    return keySwitchingBytes(keys, vectorLength, bytes(this.publicKey), this.coeffBits.length - 1);
  }

  delete() {
    for (const o of this.#objects.reverse()) o.delete();
    this.#objects = [];
  }

  // The data levels from the top down, so that plaintexts can be encoded ahead of time at the
  // level a ciphertext will be on.
  #levels() {
    const levels = [];
    for (let data = this.#own(this.context.firstContextData()); ; data = this.#own(data.nextContextData())) {
      const coeff = this.#own(this.#own(data.parms()).coeffModulus());
      levels.push({ parmsId: this.#own(data.parmsId()) });
      if (coeff.size() === 1) return levels;
    }
  }

  #own(o) {
    this.#objects.push(o);
    return o;
  }
}

// Phase keygen: the context (sub-phase keygen.context, from `make`) and the keys, as tools/SEAL.
export function generateKeys(program, make, options) {
  return program.phase('keygen', () => {
    const t = program.start('keygen.context');
    const ctx = make();
    t.stop();
    return ctx.keygen(program, options);
  });
}

// [start, count] of each batch of at most `slots` instances.
export function* batches(total, slots) {
  for (let start = 0; start < total; start += slots) yield [start, Math.min(slots, total - start)];
}

// Serialized size without compression, as SEAL's save_size(compr_mode_type::none) reports it.
function bytes(obj) {
  return obj.saveToArray(none).length;
}

// SEAL's serialization of KSwitchKeys (relinearization, Galois): header 16 + parms id 32 +
// vector length 8, then per slot of the key vector (1 for relinearization keys, one per
// Galois element index = n for Galois keys) a length 8 and its keys: each key is one public
// key (a 2-polynomial ciphertext at the key level) per decomposition prime.
// Serializing 190 MB of CKKS Galois keys only to count them would triple the peak memory;
// test/sizes.test.mjs checks this formula against saveToArray.
function keySwitchingBytes(keys, vectorLength, publicKeyBytes, decomposition) {
  return 16 + 32 + 8 + 8 * vectorLength + keys.size() * decomposition * publicKeyBytes;
}

// Deletes every argument (arrays are flattened), skipping null/undefined.
export function free(...objs) {
  for (const o of objs.flat(Infinity)) o?.delete();
}
