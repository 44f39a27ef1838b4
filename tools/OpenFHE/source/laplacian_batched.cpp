// laplacian, batched: BFV t = 65537, the whole width² image (row-major) in the first half of
// the slots of one ciphertext, n = 8192. (tools/SEAL uses n = 4096 for width² ≤ 2048; OpenFHE's
// noise model for the mask product plus 4 key switches needs 120 + 60 bits of moduli, over
// the 109-bit bound of n = 4096 at 128-bit security; with depth 0 it picks moduli at n = 4096
// that decrypt to garbage, because it does not count the plaintext product.) The 3×3 box
// sum is separable: R = p + rot(p, 1) + rot(p, −1), B = R + rot(R, w) + rot(R, −w) (4 rotations,
// keys for exactly these steps; EvalRotate on packed BFV rotates each half of the slots, like
// SEAL's rotate_rows). Interior = 10·p − (sum of 8 neighbours) = 11·p − B, computed as
// out = p + M ⊙ (10·p − B) with M the public interior mask, so border pixels stay p. Results are
// decoded centred mod t.
#include <fhebench/main.hpp>
#include <set>
#include <string>

#include "common/context.hpp"

using namespace ofhebench;

namespace {

constexpr uint64_t kPlainModulus = 65537;  // > 2·2550 and ≡ 1 mod 2n
constexpr int64_t kMinWidth = 3;            // below: no interior pixel

constexpr uint32_t kRingDim = 8192;

std::vector<int32_t> rotation_steps(int32_t width) {
  std::set<int32_t> steps{1, -1, width, -width};
  return {steps.begin(), steps.end()};
}

std::vector<int64_t> interior_mask(size_t slots, int64_t width) {
  std::vector<int64_t> mask(slots, 0);
  for (int64_t r = 1; r + 1 < width; ++r)
    for (int64_t c = 1; c + 1 < width; ++c) mask[r * width + c] = 1;
  return mask;
}

Ciphertext sharpen(const Context& cc, const Ciphertext& p, int32_t width) {
  auto three = [&](const Ciphertext& x, int32_t step) {  // x + rot(x, step) + rot(x, −step)
    return cc->EvalAdd(cc->EvalAdd(x, cc->EvalRotate(x, step)), cc->EvalRotate(x, -step));
  };
  Ciphertext box = three(three(p, 1), width);
  Plaintext ten = cc->MakePackedPlaintext(std::vector<int64_t>(cc->GetRingDimension(), 10));
  Plaintext mask = cc->MakePackedPlaintext(interior_mask(cc->GetRingDimension(), width));
  Ciphertext diff = cc->EvalSub(cc->EvalMult(p, ten), box);
  return cc->EvalAdd(cc->EvalMult(diff, mask), p);
}

}  // namespace

static int run_program() {
  fhebench::Program p;
  use_threads(p);
  int64_t width = p.size("width");
  if (width < kMinWidth || width * width > kRingDim / 2)
    p.unsupported("width " + std::to_string(width) + ": needs 3 ≤ width and width² ≤ 4096 slots");
  auto image = p.input<std::vector<int64_t>>("image");

  const BfvSpec spec{kRingDim, kPlainModulus, 1};  // depth 1: the product with the mask
  KeyOptions options{.rotations = rotation_steps(static_cast<int32_t>(width))};
  const auto [cc, keys] = keygen_bfv(p, spec, options);
  Ciphertext in, out;
  {
    auto t = p.phase("encrypt");
    in = cc->Encrypt(keys.publicKey, cc->MakePackedPlaintext(image));
  }
  {
    auto t = p.phase("compute");
    out = sharpen(cc, in, static_cast<int32_t>(width));
  }
  std::vector<int64_t> result;
  {
    auto t = p.phase("decrypt");
    Plaintext pt;
    cc->Decrypt(keys.secretKey, out, &pt);
    pt->SetLength(image.size());
    result = pt->GetPackedValue();  // centred: values above t/2 are negative
  }
  p.output("image", result);
  p.fhe({{"rotations", 4}});
  report(p, cc, spec.depth, keys, options, in);
  return p.finish();
}

int main(int argc, char** argv) { return fhebench::guarded_main(argc, argv, run_program); }
