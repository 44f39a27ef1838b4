// mlp, batched: CKKS, y = W2·(W1·x + b1)² + b2 with x encrypted and the model public, the
// algorithm of tools/SEAL: hybrid diagonal matrix-vector products. An m×p matrix (m ≤ p, powers
// of two after zero padding) has m extended diagonals d_i[j] = W[j mod m][(j + i) mod p];
// z = Σ_i d_i ⊙ rot(x, i), then y[r] = Σ_l z[r + l·m] by log2(p/m) rotate-and-add steps.
// Vectors are replicated with period p over all slots, so slot rotations act as cyclic
// rotations of length p and the result comes out with period m, the next layer's input. The
// Σ_i runs baby-step giant-step, Σ_g rot(Σ_b rot(x, b) ⊙ rot(d_{gB+b}, −gB), gB), with the
// baby steps as repeated rotations by 1 and the giant steps in Horner form, so rotation keys
// exist only for 1, B (one B for both layers) and the fold steps. Levels: W1
// (plain), square, W2 (plain); depth 3, scale 2^40, n = 8192 while the padded features fit
// its 4096 slots, else 16384 (first prime 50 or 60 bits), as tools/SEAL.
#include <algorithm>
#include <bit>
#include <optional>
#include <set>
#include <string>

#include <fhebench/main.hpp>
#include <fhebench/packing.hpp>

#include "common/context.hpp"

using namespace ofhebench;
using namespace fhebench::packing;

namespace {

constexpr uint32_t kScaleBits = 40;
constexpr uint32_t kDepth = 3;

std::optional<CkksSpec> ring_for(size_t padded_features) {
  if (padded_features <= 4096) return CkksSpec{8192, kDepth, kScaleBits, 50};
  if (padded_features <= 8192) return CkksSpec{16384, kDepth, kScaleBits, 60};
  return std::nullopt;
}

using Layer = EncodedLayer<Plaintext>;

Layer encode_layer(const Context& cc, const Matrix& w, const Shape& s, uint32_t level) {
  return fhebench::packing::encode_layer<Plaintext>(w, s, cc->GetRingDimension() / 2, [&](const std::vector<double>& d) {
    return cc->MakeCKKSPackedPlaintext(d, 1, level);
  });
}

void accumulate(const Context& cc, std::optional<Ciphertext>& acc, const Ciphertext& x) {
  acc = acc ? cc->EvalAdd(*acc, x) : x;
}

Ciphertext apply(const Context& cc, const Layer& layer, const Ciphertext& x) {
  const Shape& s = layer.shape;
  std::vector<Ciphertext> rotated{x};  // rot(x, b) = rot(rot(x, b − 1), 1)
  for (size_t b = 1; b < s.baby && b < s.m; ++b) rotated.push_back(cc->EvalRotate(rotated[b - 1], 1));
  std::optional<Ciphertext> total;  // Horner: total = rot(total, B) + inner_g
  for (size_t g = s.giant; g-- > 0;) {
    if (total) total = cc->EvalRotate(*total, static_cast<int32_t>(s.baby));
    for (size_t b = 0; b < s.baby && g * s.baby + b < s.m; ++b)
      if (const auto& d = layer.diagonals[g * s.baby + b]) accumulate(cc, total, cc->EvalMult(rotated[b], *d));
  }
  if (!total) throw std::runtime_error("all-zero weight matrix");
  Ciphertext y = cc->Rescale(*total);
  for (size_t k = s.m; k < s.p; k *= 2) y = cc->EvalAdd(y, cc->EvalRotate(y, static_cast<int32_t>(k)));
  return y;
}

Ciphertext add_bias(const Context& cc, const Ciphertext& ct, const std::vector<double>& bias, size_t period) {
  size_t slots = cc->GetRingDimension() / 2;
  Plaintext pt = cc->MakeCKKSPackedPlaintext(replicate(bias, period, slots), ct->GetNoiseScaleDeg(), ct->GetLevel());
  return cc->EvalAdd(ct, pt);
}

}  // namespace

static int run_program() {
  fhebench::Program p;
  use_threads(p);
  const auto [features, hidden, classes, C, H, F, w1, w2, x, b1, b2, s1, s2] = read_mlp(p);
  std::optional<CkksSpec> spec = ring_for(F);
  if (!spec) p.unsupported("padded features " + std::to_string(F) + " exceed 8192 slots");
  std::set<int32_t> steps;
  add_steps(steps, s1);
  add_steps(steps, s2);

  KeyOptions options{.relin = true, .rotations = {steps.begin(), steps.end()}};
  Context cc;
  KeyPair keys;
  {
    auto t = p.phase("keygen");
    cc = make_ckks(*spec);
    keys = generate_keys(p, cc, options);
  }
  size_t slots = cc->GetRingDimension() / 2;
  Ciphertext in, y;
  Layer l1, l2;
  {
    auto t = p.phase("encrypt");
    in = cc->Encrypt(keys.publicKey, cc->MakeCKKSPackedPlaintext(replicate(x, F, slots)));
    auto t2 = p.phase("encrypt.weights");
    l1 = encode_layer(cc, w1, s1, 0);
    l2 = encode_layer(cc, w2, s2, 2);  // after the rescales of layer 1 and of the square
  }
  {
    auto t = p.phase("compute");
    Ciphertext h = add_bias(cc, apply(cc, l1, in), b1, H);
    h = cc->Rescale(cc->EvalSquare(h));
    y = add_bias(cc, apply(cc, l2, h), b2, C);
  }
  std::vector<double> result;
  {
    auto t = p.phase("decrypt");
    Plaintext pt;
    cc->Decrypt(keys.secretKey, y, &pt);
    pt->SetLength(classes);
    result = pt->GetRealPackedValue();
  }
  p.output("y", result);
  p.fhe({{"rotation_keys", steps.size()}});
  report(p, cc, kDepth, keys, options, in);
  return p.finish();
}

int main(int argc, char** argv) { return fhebench::guarded_main(argc, argv, run_program); }
