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

#include "common/context.hpp"

using namespace ofhebench;

namespace {

constexpr uint32_t kScaleBits = 40;
constexpr uint32_t kDepth = 3;

struct Matrix {
  size_t rows, cols;
  std::vector<double> values;  // row-major
  double at(size_t r, size_t c) const { return r < rows && c < cols ? values[r * cols + c] : 0.0; }
};

struct Shape {  // an m×p padded matrix, baby steps, giant steps
  size_t m, p, baby, giant;
};

Shape shape(size_t m, size_t p, size_t baby) { return {m, p, baby, (m + baby - 1) / baby}; }

size_t baby_steps(size_t m) { return size_t{1} << (std::bit_width(m) / 2); }

void add_steps(std::set<int32_t>& steps, const Shape& s) {
  if (s.baby > 1 && s.m > 1) steps.insert(1);
  if (s.giant > 1) steps.insert(static_cast<int32_t>(s.baby));
  for (size_t k = s.m; k < s.p; k *= 2) steps.insert(static_cast<int32_t>(k));
}

std::optional<CkksSpec> ring_for(size_t padded_features) {
  if (padded_features <= 4096) return CkksSpec{8192, kDepth, kScaleBits, 50};
  if (padded_features <= 8192) return CkksSpec{16384, kDepth, kScaleBits, 60};
  return std::nullopt;
}

// Diagonal i of the layer, pre-rotated by −gB and replicated over all slots.
std::vector<double> diagonal(const Matrix& w, const Shape& s, size_t i, size_t slots) {
  size_t shift = i / s.baby * s.baby;
  std::vector<double> d(slots);
  for (size_t j = 0; j < slots; ++j) {
    size_t k = (j + s.p - shift % s.p) % s.p;  // position before the rotation by −shift
    d[j] = w.at(k % s.m, (k + i) % s.p);
  }
  return d;
}

std::vector<double> replicate(const std::vector<double>& v, size_t period, size_t slots) {
  std::vector<double> r(slots);
  for (size_t j = 0; j < slots; ++j) r[j] = (j % period) < v.size() ? v[j % period] : 0.0;
  return r;
}

struct EncodedLayer {
  Shape shape;
  std::vector<std::optional<Plaintext>> diagonals;  // empty: an all-zero diagonal
};

EncodedLayer encode_layer(const Context& cc, const Matrix& w, const Shape& s, uint32_t level) {
  EncodedLayer layer{s, {}};
  size_t slots = cc->GetRingDimension() / 2;
  for (size_t i = 0; i < s.m; ++i) {
    auto d = diagonal(w, s, i, slots);
    bool zero = std::all_of(d.begin(), d.end(), [](double x) { return x == 0.0; });
    layer.diagonals.emplace_back();
    if (!zero) layer.diagonals.back() = cc->MakeCKKSPackedPlaintext(d, 1, level);
  }
  return layer;
}

void accumulate(const Context& cc, std::optional<Ciphertext>& acc, const Ciphertext& x) {
  acc = acc ? cc->EvalAdd(*acc, x) : x;
}

Ciphertext apply(const Context& cc, const EncodedLayer& layer, const Ciphertext& x) {
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

int main() {
  fhebench::Program p;
  use_threads(p);
  size_t features = p.size("features"), hidden = p.size("hidden"), classes = p.size("classes");
  size_t C = std::bit_ceil(classes), H = std::bit_ceil(std::max(hidden, C));
  size_t F = std::bit_ceil(std::max(features, H));
  std::optional<CkksSpec> spec = ring_for(F);
  if (!spec) p.unsupported("padded features " + std::to_string(F) + " exceed 8192 slots");
  Matrix w1{hidden, features, p.input<std::vector<double>>("w1")};
  Matrix w2{classes, hidden, p.input<std::vector<double>>("w2")};
  auto x = p.input<std::vector<double>>("x");
  auto b1 = p.input<std::vector<double>>("b1"), b2 = p.input<std::vector<double>>("b2");
  size_t baby = baby_steps(H);
  Shape s1 = shape(H, F, baby), s2 = shape(C, H, baby);
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
  EncodedLayer l1, l2;
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
