// chi_squared, batched: BFV with batching, instance i in slot i of the three input ciphertexts.
// alpha = (4·n0·n2 − n1²)², beta1 = 2·(2·n0 + n1)², beta2 = (2·n0 + n1)·(2·n2 + n1),
// beta3 = 2·(2·n2 + n1)²: five multiplications, depth 2.
#include <fhebench/program.hpp>

#include "circuit.hpp"
#include <fhebench/main.hpp>
#include "parameters.hpp"
#include "report.hpp"


using namespace sealbench;

namespace {

constexpr size_t kPolyDegree = 8192;
// Inputs 0..31: alpha ≤ (4·31·31)² < 2^24, so a 25-bit batching prime holds every result.
constexpr int kPlainBits = 25;
const char* const kOutputs[] = {"alpha", "beta1", "beta2", "beta3"};

seal::EncryptionParameters parameters() {
  return bfv_parameters(kPolyDegree, kBfv8192Primes,
                        seal::PlainModulus::Batching(kPolyDegree, kPlainBits));
}

std::vector<Value> chi_squared(Circuit& c, const Value& n0, const Value& n1, const Value& n2) {
  auto twice = [&](const Value& v) { return c.add(v, v); };
  Value u = c.add(twice(n0), n1), v = c.add(twice(n2), n1);
  Value x = c.sub(twice(twice(c.mul(n0, n2))), c.mul(n1, n1));
  return {c.mul(x, x), twice(c.mul(u, u)), c.mul(u, v), twice(c.mul(v, v))};
}

int run() {
  fhebench::Program p;
  size_t instances = static_cast<size_t>(p.size("instances"));
  std::vector<std::vector<uint64_t>> plain;
  for (const char* name : {"n0", "n1", "n2"}) plain.push_back(p.input<std::vector<uint64_t>>(name));
  for (const char* phase : {"encrypt", "compute", "decrypt"}) p.record(phase, 0.0);

  auto keys = generate_keys(p, parameters(), {.relin = true});
  seal::BatchEncoder encoder(keys->context);
  seal::Encryptor encryptor(keys->context, keys->public_key);
  seal::Decryptor decryptor(keys->context, keys->keygen.secret_key());
  Circuit circuit(keys->context, keys->relin_keys);
  NoiseBudget noise;
  int depth = 0;
  std::vector<std::vector<uint64_t>> out(4);
  size_t slots = encoder.slot_count();
  for (size_t start = 0; start < instances; start += slots) {
    size_t count = std::min(slots, instances - start);
    std::vector<Value> in;
    {
      auto t = p.phase("encrypt");
      for (const auto& values : plain) {
        std::vector<uint64_t> v(values.begin() + start, values.begin() + start + count);
        v.resize(slots, 0);
        seal::Plaintext pt;
        encoder.encode(v, pt);
        seal::Ciphertext ct;
        encryptor.encrypt(pt, ct);
        in.push_back(circuit.encrypted(std::move(ct)));
      }
    }
    if (start == 0) report_ciphertext(p, in[0].ct);
    std::vector<Value> results;
    {
      auto t = p.phase("compute");
      results = chi_squared(circuit, in[0], in[1], in[2]);
    }
    {
      auto t = p.phase("decrypt");
      for (size_t k = 0; k < results.size(); ++k) {
        seal::Plaintext pt;
        decryptor.decrypt(results[k].ct, pt);
        std::vector<uint64_t> v;
        encoder.decode(pt, v);
        out[k].insert(out[k].end(), v.begin(), v.begin() + count);
      }
    }
    for (const auto& r : results) {
      noise.observe(decryptor, r.ct);
      depth = std::max(depth, r.depth);
    }
  }
  noise.report(p);
  p.fhe({{"multiplicative_depth", depth}});
  for (size_t k = 0; k < out.size(); ++k) p.output(kOutputs[k], out[k]);
  return p.finish();
}

}  // namespace

int main(int argc, char** argv) { return fhebench::guarded_main(argc, argv, run); }
