// laplacian, batched: BGV, the width² image (row-major) in the slots of one ciphertext. As in
// tools/SEAL: box B = Σ 3×3 by separable rotations (±1, then ±width), out = p + M ⊙ (10·p − B)
// with M the public interior mask, so border pixels stay p. Decoded centred mod p.
#include "bgv.hpp"

using namespace helibbench;

namespace {

// m = 2^14: ring dimension 8192, 8192 slots; p = 65537 > 2·2550, ≡ 1 mod m. One constant
// multiplication (and HElib's masks inside linear rotations) need a short chain: 60 bits are
// two primes, 192 bits with the special primes (≤ 218 for 128).
const BgvParameters kParams{16384, 65537, 60, 2, true};
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

int main() {
  fhebench::Program p;
  const int64_t width = p.size("width");
  if (width < kMinWidth || width * width > kParams.m / 2)
    p.unsupported("width " + std::to_string(width) + ": needs 3 ≤ width and width² ≤ " +
                  std::to_string(kParams.m / 2) + " slots");
  const auto image = p.input<std::vector<long>>("image");
  Bgv bgv = bgv_keygen(p, kParams);
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
    for (long& v : values) v = centred(v, kParams.p);
    p.output("image", values);
  }
  report_bgv(p, bgv, px);
  return p.finish();
}
