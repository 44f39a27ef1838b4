// cardio, bit-level: BFV with plain modulus 2, every input bit in its own ciphertext (as the
// constant coefficient), XOR = addition, AND = multiplication + relinearization. One patient
// per evaluation of the circuit; patients are processed one after the other.
#include <fhebench/program.hpp>

#include "cardio_circuit.hpp"
#include <fhebench/main.hpp>
#include "parameters.hpp"
#include "report.hpp"

#include <iostream>

using namespace sealbench;

namespace {

constexpr size_t kPolyDegree = 8192;
constexpr int kRiskBits = 4;            // risk ≤ 9
// Data primes dropped by depth (t = 2: budget ≈ 165 bits fresh, ≈ 13.5 per level): 1 of 3 from
// depth 2, 2 from depth 6; depth 7 ends with ≈ 33 bits.
const std::vector<int> kLevelDrop{0, 0, 1, 1, 1, 1, 2};
constexpr int64_t kMaxPatients = 256;   // about 1.3 s each on one core: beyond, too long to wait
constexpr double kSecondsPerPatient = 1.3;

seal::EncryptionParameters parameters() {
  return bfv_parameters(kPolyDegree, kBfv8192Primes, 2);
}

CardioInputs encrypt_patient(Circuit& c, seal::Encryptor& encryptor, const CardioPlain& plain,
                             size_t patient) {
  CardioInputs in;
  for (const auto& [name, f] : plain) {
    uint64_t value = f.values[patient];
    for (int b = 0; b < f.bits; ++b) {
      seal::Plaintext bit(1);
      bit[0] = value >> b & 1;
      seal::Ciphertext ct;
      encryptor.encrypt(bit, ct);
      in[name].push_back(c.encrypted(std::move(ct)));
    }
  }
  return in;
}

uint64_t decrypt_number(seal::Decryptor& decryptor, const Bits& bits) {
  uint64_t value = 0;
  for (size_t b = 0; b < bits.size(); ++b) {
    uint64_t bit = 0;
    if (bits[b].constant) {
      bit = *bits[b].constant;
    } else {
      seal::Plaintext plain;
      decryptor.decrypt(bits[b].ct, plain);
      bit = plain.is_zero() ? 0 : plain[0];
    }
    value |= bit << b;
  }
  return value;
}

int run() {
  fhebench::Program p;
  int64_t patients = p.size("patients");
  if (patients > kMaxPatients)
    p.unsupported("bit-level runs the circuit once per patient, about " +
                  std::to_string(static_cast<int64_t>(kSecondsPerPatient * patients)) + " s for " +
                  std::to_string(patients) + " patients on one core; limit " +
                  std::to_string(kMaxPatients));
  CardioPlain plain = p.int_fields<uint64_t>(kCardioFields);
  for (const char* phase : {"encrypt", "compute", "decrypt"}) p.record(phase, 0.0);

  auto keys = generate_keys(p, parameters(), {.relin = true});
  seal::Encryptor encryptor(keys->context, keys->public_key);
  seal::Decryptor decryptor(keys->context, keys->keygen.secret_key());
  Circuit circuit(keys->context, keys->relin_keys, kLevelDrop);
  NoiseBudget noise;
  std::vector<uint64_t> risk(patients);
  int depth = 0;
  for (int64_t i = 0; i < patients; ++i) {
    CardioInputs in;
    {
      auto t = p.phase("encrypt");
      in = encrypt_patient(circuit, encryptor, plain, i);
    }
    if (i == 0) report_ciphertext(p, in.at("age")[0].ct);
    Bits out;
    {
      auto t = p.phase("compute");
      out = popcount(circuit, cardio_conditions(circuit, in), kRiskBits);
    }
    {
      auto t = p.phase("decrypt");
      risk[i] = decrypt_number(decryptor, out);
    }
    for (const auto& bit : out) {
      if (!bit.constant) noise.observe(decryptor, bit.ct);
      depth = std::max(depth, bit.depth);
    }
  }
  noise.report(p);
  p.fhe({{"multiplicative_depth", depth}});
  std::cerr << "cardio bit-level: depth " << depth << ", "
            << circuit.multiplications() / std::max<int64_t>(1, patients)
            << " multiplications per patient\n";
  p.output("risk", risk);
  return p.finish();
}

}  // namespace

int main(int argc, char** argv) { return fhebench::guarded_main(argc, argv, run); }
