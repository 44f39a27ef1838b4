// chi_squared, batched: BFV n = 8192, t = 33538049 (tools/SEAL's 25-bit batching prime: alpha <
// 2^24), instance i in slot i of the three input ciphertexts; more instances than slots go in
// further batches. alpha = (4·n0·n2 − n1²)², beta1 = 2·(2·n0 + n1)², beta2 = (2·n0 + n1)·(2·n2 +
// n1), beta3 = 2·(2·n2 + n1)²: six ciphertext multiplications, depth 2.
#include <fhebench/main.hpp>
#include <algorithm>

#include "common/circuit.hpp"

using namespace ofhebench;

namespace {

const BfvSpec kSpec{8192, 33538049, 2};
const char* const kInputs[] = {"n0", "n1", "n2"};
const char* const kOutputs[] = {"alpha", "beta1", "beta2", "beta3"};

std::vector<Value> chi_squared(Circuit& c, const Value& n0, const Value& n1, const Value& n2) {
  auto twice = [&](const Value& v) { return c.add(v, v); };
  Value u = c.add(twice(n0), n1), v = c.add(twice(n2), n1);
  Value x = c.sub(twice(twice(c.mul(n0, n2))), c.mul(n1, n1));
  return {c.mul(x, x), twice(c.mul(u, u)), c.mul(u, v), twice(c.mul(v, v))};
}

}  // namespace

static int run_program() {
  fhebench::Program p;
  use_threads(p);
  size_t instances = p.size("instances");
  std::vector<std::vector<int64_t>> plain;
  for (const char* name : kInputs) plain.push_back(p.input<std::vector<int64_t>>(name));

  KeyOptions options{.relin = true};
  const auto [cc, keys] = keygen_bfv(p, kSpec, options);
  for (const char* phase : {"encrypt", "compute", "decrypt"}) p.record(phase, 0.0);

  Circuit circuit(cc);
  std::vector<std::vector<int64_t>> out(4);
  Ciphertext sample;
  size_t slots = cc->GetRingDimension();
  for (size_t start = 0; start < instances; start += slots) {
    size_t count = std::min(slots, instances - start);
    std::vector<Value> in;
    {
      auto t = p.phase("encrypt");
      for (const auto& values : plain) {
        std::vector<int64_t> v(values.begin() + start, values.begin() + start + count);
        in.push_back(circuit.encrypted(cc->Encrypt(keys.publicKey, cc->MakePackedPlaintext(v))));
      }
    }
    if (!sample) sample = in[0].ct;
    std::vector<Value> results;
    {
      auto t = p.phase("compute");
      results = chi_squared(circuit, in[0], in[1], in[2]);
    }
    {
      auto t = p.phase("decrypt");
      for (size_t k = 0; k < results.size(); ++k) {
        Plaintext pt;
        cc->Decrypt(keys.secretKey, results[k].ct, &pt);
        pt->SetLength(count);
        const auto& v = pt->GetPackedValue();
        out[k].insert(out[k].end(), v.begin(), v.end());
      }
    }
  }
  // Results are below t/2 (alpha < 2^24 < t/2), so the centred decoding is already exact.
  for (size_t k = 0; k < 4; ++k) p.output(kOutputs[k], out[k]);
  report(p, cc, kSpec.depth, keys, options, sample);
  return p.finish();
}

int main(int argc, char** argv) { return fhebench::guarded_main(argc, argv, run_program); }
