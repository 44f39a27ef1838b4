// laplacian, batched: BFV with batching, the whole width² image (row-major) in the first row of
// slots of one ciphertext. The 3×3 box sum is separable: R = p + rot(p, 1) + rot(p, −1),
// B = R + rot(R, w) + rot(R, −w) (4 rotations, Galois keys for exactly these 4 steps).
// Interior = 10·p − (sum of 8 neighbours) = 11·p − B, so out = p + M ⊙ (10·p − B) with M the
// public interior mask: border pixels stay p. Rotations wrap within the row, but interior pixels
// only read pixels of the image. Results are decoded centered mod t (negative values).
#include <fhebench/program.hpp>

#include <fhebench/main.hpp>
#include "parameters.hpp"
#include "report.hpp"

#include <set>

using namespace sealbench;

namespace {

constexpr uint64_t kPlainModulus = 65537;  // > 2·2550 and ≡ 1 mod 2n for n ≤ 32768
constexpr int64_t kMinWidth = 3;           // below: no interior pixel

// The smallest ring whose row of n/2 slots holds the image, with two data primes and a special
// prime: one plain multiplication needs no more (n = 4096: SEAL's default, 109 bits; n = 8192:
// 130 of the 218 bits allowed, so keys and rotations cost half of the default's).
struct Ring {
  size_t n;
  std::vector<int> primes;
};

Ring ring_for(int64_t width) {
  if (width * width <= 2048) return {4096, {36, 36, 37}};
  if (width * width <= 4096) return {8192, {43, 43, 44}};
  return {0, {}};
}

seal::EncryptionParameters parameters(const Ring& ring) {
  return bfv_parameters(ring.n, ring.primes, kPlainModulus);
}

std::vector<int> rotation_steps(int width) {
  std::set<int> steps{1, -1, width, -width};
  return {steps.begin(), steps.end()};
}

std::vector<uint64_t> interior_mask(size_t slots, int width) {
  std::vector<uint64_t> mask(slots, 0);
  for (int r = 1; r + 1 < width; ++r)
    for (int c = 1; c + 1 < width; ++c) mask[r * width + c] = 1;
  return mask;
}

seal::Ciphertext sharpen(seal::Evaluator& ev, const seal::GaloisKeys& gk, seal::BatchEncoder& encoder,
                         const seal::Ciphertext& p, int width) {
  auto three = [&](const seal::Ciphertext& x, int step) {  // x + rot(x, step) + rot(x, −step)
    seal::Ciphertext sum = x, r;
    ev.rotate_rows(x, step, gk, r);
    ev.add_inplace(sum, r);
    ev.rotate_rows(x, -step, gk, r);
    ev.add_inplace(sum, r);
    return sum;
  };
  seal::Ciphertext box = three(three(p, 1), width);
  seal::Ciphertext diff;
  ev.multiply_plain(p, seal::Plaintext("A"), diff);  // 10·p
  ev.sub_inplace(diff, box);
  seal::Plaintext mask;
  encoder.encode(interior_mask(encoder.slot_count(), width), mask);
  ev.multiply_plain_inplace(diff, mask);
  ev.add_inplace(diff, p);
  return diff;
}

int run() {
  fhebench::Program p;
  int64_t width = p.size("width");
  Ring ring = width >= kMinWidth ? ring_for(width) : Ring{0, {}};
  if (ring.n == 0)
    p.unsupported("width " + std::to_string(width) + ": needs 3 ≤ width and width² ≤ 4096 slots");
  auto image = p.input<std::vector<uint64_t>>("image");

  auto keys = generate_keys(p, parameters(ring),
                            {.relin = false, .galois_steps = rotation_steps(static_cast<int>(width))});
  seal::BatchEncoder encoder(keys->context);
  seal::Encryptor encryptor(keys->context, keys->public_key);
  seal::Decryptor decryptor(keys->context, keys->keygen.secret_key());
  seal::Evaluator evaluator(keys->context);
  seal::Ciphertext in, out;
  {
    auto t = p.phase("encrypt");
    std::vector<uint64_t> slots(image);
    slots.resize(encoder.slot_count(), 0);
    seal::Plaintext pt;
    encoder.encode(slots, pt);
    encryptor.encrypt(pt, in);
  }
  report_ciphertext(p, in);
  {
    auto t = p.phase("compute");
    out = sharpen(evaluator, keys->galois_keys, encoder, in, static_cast<int>(width));
  }
  std::vector<int64_t> result;
  {
    auto t = p.phase("decrypt");
    seal::Plaintext pt;
    decryptor.decrypt(out, pt);
    encoder.decode(pt, result);  // centered: values above t/2 are negative
    result.resize(image.size());
  }
  NoiseBudget noise;
  noise.observe(decryptor, out);
  noise.report(p);
  p.fhe({{"multiplicative_depth", 0}, {"rotations", 4}});
  p.output("image", result);
  return p.finish();
}

}  // namespace

int main(int argc, char** argv) { return fhebench::guarded_main(argc, argv, run); }
