// chi_squared, batched: BGV, instance i in slot i of each of n0, n1, n2; multiplicative depth 2.
// alpha = (4·n0·n2 − n1²)² reaches 3844² < p, so every output decodes exactly mod p.
#include <fhebench/main.hpp>

#include "bgv.hpp"

using namespace helibbench;

namespace {

// m = 2^15: ring dimension 16384 and 16384 slots; p ≡ 1 mod m, above 3844²; 250 bits of chain
// keep the decryption exact after depth 2; 399 bits with the special primes (≤ 438 for 128).
const BgvParameters kParams{32768, 15630337, 250};

helib::Ctxt squared(helib::Ctxt x) {
  x.square();
  return x;
}

}  // namespace

static int run() {
  fhebench::Program p;
  const size_t n = p.size("instances");
  if (n > static_cast<size_t>(kParams.m / 2))
    p.unsupported("more than " + std::to_string(kParams.m / 2) + " instances do not fit one ciphertext");
  const auto n0 = p.input<std::vector<long>>("n0"), n1 = p.input<std::vector<long>>("n1"),
             n2 = p.input<std::vector<long>>("n2");
  Bgv bgv = bgv_keygen(p, kParams);
  helib::Ctxt c0(bgv.public_key()), c1(bgv.public_key()), c2(bgv.public_key());
  {
    auto t = p.phase("encrypt");
    c0 = bgv.encrypt(n0), c1 = bgv.encrypt(n1), c2 = bgv.encrypt(n2);
  }
  std::vector<helib::Ctxt> out;
  {
    auto t = p.phase("compute");
    helib::Ctxt x = c0, y = c2, d = c0;
    x += c0, x += c1;  // 2·n0 + n1
    y += c2, y += c1;  // 2·n2 + n1
    d.multiplyBy(c2);
    d.multByConstant(NTL::ZZ(4));
    d -= squared(c1);  // 4·n0·n2 − n1²
    helib::Ctxt beta1 = squared(x), beta2 = x, beta3 = squared(y);
    beta1 += beta1;
    beta2.multiplyBy(y);
    beta3 += beta3;
    out = {squared(d), beta1, beta2, beta3};
  }
  const char* names[] = {"alpha", "beta1", "beta2", "beta3"};
  {
    auto t = p.phase("decrypt");
    for (size_t k = 0; k < 4; ++k) p.output(names[k], bgv.decrypt(out[k], n));
  }
  report_bgv(p, bgv, c0);
  return p.finish();
}

int main(int argc, char** argv) { return fhebench::guarded_main(argc, argv, run); }
