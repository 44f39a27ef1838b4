// fhebench protocol v1, implementation side: the JavaScript twin of include/fhebench/program.hpp.
//
//   import { Program } from '@fhebench/program';
//   const p = new Program();                        // reads $FHEBENCH_INPUT
//   const age = p.input('age');
//   const ageBits = p.fieldBits('age');             // the width the harness declares
//   const keys = await p.phase('keygen', async () => makeKeys());   // monotonic clock
//   const t = p.start('encrypt'); ...; t.stop();   // or start/stop style
//   p.output('risk', risk);
//   p.fhe({ library: 'Microsoft SEAL (node-seal)', scheme: 'BFV' });
//   p.sizes('ciphertext_bytes', bytes);
//   p.finish();                                     // writes $FHEBENCH_OUTPUT atomically
//
// The protocol itself is plain JSON (docs/protocol.md); this module is a convenience.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export class ProgramError extends Error {}

export class Program {
  #input;
  #outputPath;
  #threads;
  #phases = [];
  #outputs = {};
  #fhe = {};
  #sizes = {};

  // env is a parameter so tests can run several programs in one process.
  constructor(env = process.env) {
    const inPath = env.FHEBENCH_INPUT;
    const outPath = env.FHEBENCH_OUTPUT;
    if (!inPath || !outPath) {
      throw new ProgramError('FHEBENCH_INPUT and FHEBENCH_OUTPUT must be set (run me through fhebench)');
    }
    this.#outputPath = outPath;
    this.#input = JSON.parse(readFileSync(inPath, 'utf8'));
    if (this.#input.protocol !== 1) throw new ProgramError('unsupported protocol version');
    this.#threads = Math.max(1, Number.parseInt(env.FHEBENCH_THREADS ?? '1', 10) || 1);
  }

  get raw() { return this.#input; }
  benchmark() { return this.#input.benchmark; }
  variant() { return this.#input.variant ?? 'default'; }
  threads() { return this.#threads; }

  size(key) {
    const v = this.#input.size?.[key];
    if (v === undefined) throw new ProgramError(`input.json has no size "${key}"`);
    return v;
  }

  input(name) {
    const v = this.#input.inputs?.[name];
    if (v === undefined) throw new ProgramError(`input.json has no input "${name}"`);
    return v;
  }

  // The unsigned width the harness declares for an integer input (input.json "fields",
  // docs/protocol.md): cardio's flags are 1 bit, its numbers 8.
  fieldBits(name) {
    const bits = this.#input.fields?.[name]?.bits;
    if (!Number.isInteger(bits)) throw new ProgramError(`input.json declares no width for "${name}" (fields.${name}.bits)`);
    return bits;
  }

  // The named integer inputs with their declared widths: { name: { values, bits } }.
  intFields(names) {
    return Object.fromEntries(names.map((name) => [name, { values: this.input(name), bits: this.fieldBits(name) }]));
  }

  // Times fn (sync or async) as phase `name` and returns its result. The phase is recorded
  // even when fn throws, so a failing program still shows where the time went.
  async phase(name, fn) {
    const t = this.start(name);
    try {
      return await fn();
    } finally {
      t.stop();
    }
  }

  // Start/stop style: `const t = p.start('keygen'); ...; t.stop();` (stop is idempotent).
  start(name) {
    const begin = process.hrtime.bigint();
    let running = true;
    return {
      stop: () => {
        if (!running) return;
        running = false;
        this.record(name, Number(process.hrtime.bigint() - begin) / 1e9);
      },
    };
  }

  // Adds seconds to a phase; a phase named twice accumulates.
  record(name, seconds) {
    const ph = this.#phases.find((p) => p.name === name);
    if (ph) ph.seconds += seconds;
    else this.#phases.push({ name, seconds });
  }

  // values: any iterable of numbers or bigints (decoders return BigInt64Array / Float64Array).
  output(name, values) {
    this.#outputs[name] = Array.from(values, toJsonNumber);
  }

  // FHE parameters: library, library_version, scheme, poly_modulus_degree, coeff_modulus_bits,
  // plain_modulus, scale_bits, declared_security_bits, noise_budget_bits, ... (merged).
  fhe(params) { Object.assign(this.#fhe, params); }

  sizes(name, bytes) { this.#sizes[name] = toJsonNumber(bytes); }

  finish() {
    const out = { protocol: 1, phases: this.#phases, outputs: this.#outputs };
    if (Object.keys(this.#fhe).length) out.fhe = this.#fhe;
    if (Object.keys(this.#sizes).length) out.sizes = this.#sizes;
    this.#write(out);
  }

  // The requested size cannot be handled: recorded as unsupported, not as a failure.
  unsupported(reason) {
    this.#write({ protocol: 1, unsupported: String(reason) });
    process.exit(0);
  }

  // A reader of FHEBENCH_OUTPUT sees either nothing or the whole file: write, then rename.
  #write(json) {
    const tmp = `${this.#outputPath}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(json)}\n`);
    renameSync(tmp, this.#outputPath);
  }
}

function toJsonNumber(v) {
  if (typeof v === 'bigint') {
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new ProgramError(`value ${v} does not fit a JSON number exactly`);
    }
    return Number(v);
  }
  if (typeof v !== 'number') throw new ProgramError(`not a number: ${v}`);
  return v;
}
