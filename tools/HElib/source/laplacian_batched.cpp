// laplacian, batched: BGV, the width² image (row-major) in the slots of one ciphertext. As in
// tools/SEAL: box B = Σ 3×3 by separable rotations (±1, then ±width), out = p + M ⊙ (10·p − B)
// with M the public interior mask, so border pixels stay p. Decoded centred mod p.
#include <fhebench/main.hpp>

#include "bgv.hpp"

using namespace helibbench;

namespace {

// Even widths: m = 2^14, ring dimension 8192, 8192 slots; p = 65537 > 2·2550, ≡ 1 mod m. One
// constant multiplication (and HElib's masks inside linear rotations) need a short chain: 60
// bits are two primes, 141 bits with the special primes (≤ 218 for 128). Odd widths (3, 5, 7,
// 9, 11 measured) decrypted with too much noise at 60 bits and up to 100, and needed 120: 246
// bits with the special primes, above that ring's 218, so they take m = 2^15 (≤ 438).
BgvParameters params_for(int64_t width) {
  if (width % 2 == 0) return {16384, 65537, 60, 2, true};
  return {32768, 65537, 120, 2, true};  // 244 bits with the special primes, HElib's estimate 237
}
constexpr int64_t kMinWidth = 3;

helib::Ctxt three(const helib::EncryptedArray& ea, const helib::Ctxt& x, long step) {
  helib::Ctxt sum = x, r = x, l = x;
  ea.rotate(r, step);
  ea.rotate(l, -step);
  sum += r;
  sum += l;
  return sum;
}

long centred(long v, long p) { return v > p / 2 ? v - p : v; }

}  // namespace

static int run() {
  fhebench::Program p;
  const int64_t width = p.size("width");
  const BgvParameters params = params_for(width);
  if (width < kMinWidth || width * width > params.m / 2)
    p.unsupported("width " + std::to_string(width) + ": needs 3 ≤ width and width² ≤ " +
                  std::to_string(params.m / 2) + " slots");
  const auto image = p.input<std::vector<long>>("image");
  Bgv bgv = bgv_keygen(p, params);
  std::vector<long> mask(bgv.slots().size(), 0);
  for (int64_t r = 1; r + 1 < width; ++r)
    for (int64_t c = 1; c + 1 < width; ++c) mask[r * width + c] = 1;
  helib::Ctxt px(bgv.public_key());
  {
    auto t = p.phase("encrypt");
    px = bgv.encrypt(image);
  }
  helib::Ctxt out = px;
  {
    auto t = p.phase("compute");
    const helib::Ctxt box = three(bgv.slots(), three(bgv.slots(), px, 1), width);
    helib::Ctxt diff = px;
    diff.multByConstant(NTL::ZZ(10));
    diff -= box;
    helib::PtxtArray m(bgv.slots(), mask);
    diff.multByConstant(m);
    out += diff;
  }
  {
    auto t = p.phase("decrypt");
    std::vector<long> values = bgv.decrypt(out, image.size());
    for (long& v : values) v = centred(v, params.p);
    p.output("image", values);
  }
  report_bgv(p, bgv, px);
  return p.finish();
}

int main(int argc, char** argv) { return fhebench::guarded_main(argc, argv, run); }
