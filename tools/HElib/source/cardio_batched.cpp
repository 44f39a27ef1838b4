// cardio, batched: BGV, p = 65537 as tools/SEAL and tools/OpenFHE (t = 65537). Bit-sliced: one
// ciphertext per input bit, slot j holding patient j; the conditions are the comparator circuits
// of include/fhebench/compare.hpp (depth 4) and the risk is the sum of the 9 condition bits (the
// sex-dependent pairs are multiplexers), exact mod p. More patients than slots: one batch of
// slots after the other.
#include <fhebench/main.hpp>
#include <fhebench/packing.hpp>

#include <algorithm>
#include <map>
#include <string>

#include "bgv.hpp"
#include "circuit.hpp"

using namespace helibbench;

namespace {

const char* const kFields[] = {"sex", "antecedent", "smoker", "diabetic", "pressure", "age",
                               "hdl", "height",     "weight", "physical_act", "drinking"};

// m = 2^15: ring dimension 16384, 16384 slots, p = 65537 ≡ 1 mod m. Depth 4 with a 17-bit p:
// 150 bits of chain decrypted with too much noise at m = 2^15 (160 too), 200 bits decrypt
// exactly; HElib's primes come to 4 × 54 + 2 × 42 = 300 bits with the special primes (the
// table's 128-bit bound at 16384 is 438). At m = 2^14 the chain that works (180 bits, 300 with
// the special primes) is above that ring's 218, HElib's estimate 84 bits.
const BgvParameters kParams{32768, 65537, 200, 2, false};

// Encrypts patients [start, start + count): one ciphertext per field bit.
std::map<std::string, Bits> encrypt_batch(const Circuit& circuit, const Bgv& bgv,
                                          const std::map<std::string, fhebench::IntField<long>>& plain,
                                          size_t start, size_t count) {
  std::map<std::string, Bits> in;
  for (const auto& [name, f] : plain)
    for (int b = 0; b < f.bits; ++b)
      in[name].push_back(circuit.encrypted(bgv.encrypt(fhebench::packing::bit_plane(f.values, b, start, count))));
  return in;
}

int run() {
  fhebench::Program p;
  const size_t patients = p.size("patients");
  const auto plain = p.int_fields<long>(kFields);  // encrypted as their declared bits, LSB first

  Bgv bgv = bgv_keygen(p, kParams);
  for (const char* phase : {"encrypt", "compute", "decrypt"}) p.record(phase, 0.0);
  Circuit circuit;
  std::vector<long> risks;
  std::optional<helib::Ctxt> sample;
  int depth = 0;
  const size_t slots = bgv.slots().size();
  for (size_t start = 0; start < patients; start += slots) {
    const size_t count = std::min(slots, patients - start);
    std::map<std::string, Bits> in;
    {
      auto t = p.phase("encrypt");
      in = encrypt_batch(circuit, bgv, plain, start, count);
    }
    if (!sample) sample = *in.at("age")[0].ct;
    Value risk;
    {
      auto t = p.phase("compute");
      risk = circuit.sum(fhebench::cardio_conditions<Circuit, Value>(circuit, in));
    }
    depth = risk.depth;
    {
      auto t = p.phase("decrypt");
      const std::vector<long> v = risk.constant ? std::vector<long>(count, *risk.constant) : bgv.decrypt(*risk.ct, count);
      risks.insert(risks.end(), v.begin(), v.end());
    }
  }
  p.output("risk", risks);
  p.fhe({{"circuit_depth", depth},
         {"ciphertext_multiplications", circuit.multiplications() / ((patients + slots - 1) / slots)}});
  report_bgv(p, bgv, *sample);
  return p.finish();
}

}  // namespace

int main(int argc, char** argv) { return fhebench::guarded_main(argc, argv, run); }
