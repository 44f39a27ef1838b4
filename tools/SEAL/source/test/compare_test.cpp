// Exhaustive check of the comparison circuits against plain integer comparisons, batched BFV
// with the cardio parameters (n = 8192, t = 65537, modulus switching as in cardio_batched):
// every (x, y) pair of 8-bit numbers for x − y ≥ k, every x for x > c and x < c.
// Exit status 0 when every slot is right. Build with -DSEALBENCH_TESTS=ON, run with ctest.
#include "circuit.hpp"
#include "parameters.hpp"

#include <functional>
#include <iostream>

using namespace sealbench;

namespace {

struct Fixture {
  Fixture()
      : context(bfv_parameters(8192, kBfv8192Primes, 65537)),
        keygen(context),
        encoder(context),
        decryptor(context, keygen.secret_key()) {
    keygen.create_public_key(public_key);
    keygen.create_relin_keys(relin_keys);
  }
  seal::SEALContext context;
  seal::KeyGenerator keygen;
  seal::PublicKey public_key;
  seal::RelinKeys relin_keys;
  seal::BatchEncoder encoder;
  seal::Decryptor decryptor;
};

// Bits of values[i] in slot i.
Bits encrypt(Circuit& c, Fixture& f, const std::vector<uint64_t>& values) {
  seal::Encryptor encryptor(f.context, f.public_key);
  Bits bits;
  for (int b = 0; b < 8; ++b) {
    std::vector<uint64_t> slots(f.encoder.slot_count(), 0);
    for (size_t i = 0; i < values.size(); ++i) slots[i] = values[i] >> b & 1;
    seal::Plaintext pt;
    f.encoder.encode(slots, pt);
    seal::Ciphertext ct;
    encryptor.encrypt(pt, ct);
    bits.push_back(c.encrypted(std::move(ct)));
  }
  return bits;
}

int check(Fixture& f, const std::string& what, const Value& v, size_t count,
          const std::function<bool(size_t)>& expected) {
  std::vector<uint64_t> slots(f.encoder.slot_count(), v.constant.value_or(0));
  if (!v.constant) {
    seal::Plaintext pt;
    f.decryptor.decrypt(v.ct, pt);
    f.encoder.decode(pt, slots);
  }
  int wrong = 0;
  for (size_t i = 0; i < count; ++i) wrong += slots[i] != (expected(i) ? 1u : 0u);
  if (wrong) std::cerr << what << ": " << wrong << " wrong slots\n";
  return wrong;
}

}  // namespace

int main() {
  Fixture f;
  int wrong = 0;
  size_t slots = f.encoder.slot_count();
  for (size_t start = 0; start < 65536; start += slots) {  // all (x, y) pairs
    std::vector<uint64_t> xs, ys;
    for (size_t i = start; i < start + slots; ++i) {
      xs.push_back(i >> 8);
      ys.push_back(i & 255);
    }
    Circuit c(f.context, f.relin_keys, {0, 0, 1});
    DifferenceComparator d(c, encrypt(c, f, xs), encrypt(c, f, ys));
    for (int64_t k : {-255, -89, -1, 0, 1, 90, 255}) {
      wrong += check(f, "x - y >= " + std::to_string(k), d.at_least(k), slots, [&](size_t i) {
        return static_cast<int64_t>(xs[i]) - static_cast<int64_t>(ys[i]) >= k;
      });
    }
  }
  std::vector<uint64_t> xs(256);
  for (uint64_t x = 0; x < 256; ++x) xs[x] = x;
  Circuit c(f.context, f.relin_keys, {0, 0, 1});
  ConstantComparator cmp(c, encrypt(c, f, xs));
  for (uint64_t k : {0, 1, 2, 3, 30, 40, 50, 60, 127, 128, 254, 255, 256}) {
    wrong += check(f, "x > " + std::to_string(k), cmp.greater_than(k), 256, [&](size_t x) { return x > k; });
    wrong += check(f, "x < " + std::to_string(k), cmp.less_than(k), 256, [&](size_t x) { return x < k; });
  }
  std::cout << (wrong ? "FAILED" : "all comparisons exact") << "\n";
  return wrong ? 1 : 0;
}
