// cardio, batched: BFV with batching, bit-sliced: every bit of a field is one ciphertext whose
// slot i holds patient i's bit. Gates are arithmetic mod t on 0/1 values (the circuit in
// common/cardio_circuit), the risk is the plain sum of the condition bits. More patients than
// slots: one batch of `slots` patients after the other.
#include <fhebench/packing.hpp>
#include <fhebench/program.hpp>

#include "cardio_circuit.hpp"
#include <fhebench/main.hpp>
#include "parameters.hpp"
#include "report.hpp"

#include <iostream>

using namespace sealbench;

namespace {

constexpr size_t kPolyDegree = 8192;
constexpr uint64_t kPlainModulus = 65537;  // the smallest prime ≡ 1 mod 2·8192
// Data primes dropped by depth: products of depth ≥ 2 keep 2 of the 3 (BFV budget 150 bits
// fresh, ≈ 29 per level, ≈ 89 at most with 2 primes): depth 4 ends with ≈ 34 bits.
const std::vector<int> kLevelDrop{0, 0, 1};

seal::EncryptionParameters parameters() {
  return bfv_parameters(kPolyDegree, kBfv8192Primes, kPlainModulus);
}

struct Batch {
  size_t start, count;
};

CardioInputs encrypt_batch(Circuit& c, seal::BatchEncoder& encoder, seal::Encryptor& encryptor,
                           const CardioPlain& plain, Batch batch) {
  CardioInputs in;
  for (const auto& [name, f] : plain) {
    for (int b = 0; b < f.bits; ++b) {
      seal::Plaintext pt;
      encoder.encode(fhebench::packing::bit_plane(f.values, b, batch.start, batch.count, encoder.slot_count()), pt);
      seal::Ciphertext ct;
      encryptor.encrypt(pt, ct);
      in[name].push_back(c.encrypted(std::move(ct)));
    }
  }
  return in;
}

int run() {
  fhebench::Program p;
  int64_t patients = p.size("patients");
  CardioPlain plain = p.int_fields<uint64_t>(kCardioFields);
  for (const char* phase : {"encrypt", "compute", "decrypt"}) p.record(phase, 0.0);

  auto keys = generate_keys(p, parameters(), {.relin = true});
  seal::BatchEncoder encoder(keys->context);
  seal::Encryptor encryptor(keys->context, keys->public_key);
  seal::Decryptor decryptor(keys->context, keys->keygen.secret_key());
  Circuit circuit(keys->context, keys->relin_keys, kLevelDrop);
  NoiseBudget noise;
  std::vector<uint64_t> risk;
  int depth = 0;
  for (size_t start = 0; start < static_cast<size_t>(patients); start += encoder.slot_count()) {
    Batch batch{start, std::min<size_t>(encoder.slot_count(), patients - start)};
    CardioInputs in;
    {
      auto t = p.phase("encrypt");
      in = encrypt_batch(circuit, encoder, encryptor, plain, batch);
    }
    if (start == 0) report_ciphertext(p, in.at("age")[0].ct);
    Value sum;
    {
      auto t = p.phase("compute");
      sum = circuit.sum(cardio_conditions(circuit, in));
    }
    {
      auto t = p.phase("decrypt");
      seal::Plaintext pt;
      decryptor.decrypt(sum.ct, pt);
      std::vector<uint64_t> slots;
      encoder.decode(pt, slots);
      risk.insert(risk.end(), slots.begin(), slots.begin() + batch.count);
    }
    noise.observe(decryptor, sum.ct);
    depth = std::max(depth, sum.depth);
  }
  noise.report(p);
  p.fhe({{"multiplicative_depth", depth}});
  std::cerr << "cardio batched: depth " << depth << ", " << circuit.multiplications()
            << " multiplications\n";
  p.output("risk", risk);
  return p.finish();
}

}  // namespace

int main(int argc, char** argv) { return fhebench::guarded_main(argc, argv, run); }
